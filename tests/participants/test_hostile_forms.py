"""Hostile input to every site form outside courses (profile, sign-up, sign-in, password
reset, email addresses) and to the admin forms of organizations, thematic areas and
course trainers: NUL, lone surrogates, 10,000 characters, CR/LF, huge integers,
malformed JSON. Each answers with its form, a redirect or a 4xx; never a 5xx."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from cms.models import ThematicArea
from participants.models import Organization
from tests.factories.pages import make_course
from tests.factories.users import PASSWORD, make_participant, make_trainer, make_user
from tests.hostile import post_raw, variants

pytestmark = pytest.mark.django_db


def server_errors(client, url, cases, **extra):
    errors = []
    for key, value, data in cases:
        try:
            status = post_raw(client, url, data, **extra).status_code
        except Exception as error:  # the test client re-raises what would be a 500
            errors.append((key, value[:20], f"{type(error).__name__}: {str(error)[:80]}"))
            continue
        if status >= 500:
            errors.append((key, value[:20], status))
    return errors


@pytest.fixture(autouse=True)
def no_throttles(settings):
    # Hundreds of submissions from one address: the limits are tested elsewhere.
    settings.ACCOUNT_RATE_LIMITS = False


def test_signed_in_site_forms_answer_hostile_input(client, home):
    user = make_participant()
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    client.force_login(user)
    organization = Organization.objects.get(acronym="AUC")
    forms = {
        "/profile/": {
            "first_name": "Amina",
            "last_name": "Diallo",
            "organization": organization.pk,
            "job_title": "Officer",
            "duty_station": "KE",
            "preferred_language": "en",
            "gender": "",
            "next": "/courses/",
        },
        "/accounts/email/": {"email": "second@example.org", "action_add": ""},
        "/accounts/password/change/": {
            "oldpassword": PASSWORD,
            "password1": "a long new passphrase 42",
            "password2": "a long new passphrase 42",
        },
    }
    for url, base in forms.items():
        assert server_errors(client, url, variants(base)) == [], url
        client.force_login(user)  # a successful password change signs out elsewhere


def test_anonymous_site_forms_answer_hostile_input(client, home):
    make_participant()
    forms = {
        "/accounts/login/": {"login": "participant@example.org", "password": "guess", "next": "/"},
        "/accounts/signup/": {
            "email": "new@example.org",
            "password1": "a long new passphrase 42",
            "password2": "a long new passphrase 42",
        },
        "/accounts/password/reset/": {"email": "participant@example.org"},
    }
    for url, base in forms.items():
        assert server_errors(client, url, variants(base)) == [], url
        client.logout()


def test_admin_forms_of_organizations_areas_and_trainers_answer_hostile_input(client, catalog):
    client.force_login(make_user("root", superuser=True))
    organization = Organization.objects.get(acronym="AUC")
    area = ThematicArea.objects.first()
    course = make_course(catalog, title="Mediation")
    trainer = make_trainer()
    organization_form = {
        "name": "New organization",
        "acronym": "NEWORG",
        "kind": "regional",
        "website": "https://example.org",
        "logo": "",
        "colour": "#1f4e79",
    }
    area_form = {"name": "New area", "slug": "new-area", "description": "About it."}
    trainer_form = {"course": course.pk, "user": trainer.pk}
    cases = {
        reverse("wagtailsnippets_participants_organization:add"): organization_form,
        reverse(
            "wagtailsnippets_participants_organization:edit", args=[organization.pk]
        ): organization_form,
        reverse("wagtailsnippets_cms_thematicarea:add"): area_form,
        reverse("wagtailsnippets_cms_thematicarea:edit", args=[area.pk]): area_form,
        reverse("course_trainers:add"): trainer_form,
    }
    for url, base in cases.items():
        assert server_errors(client, url, variants(base)) == [], url
