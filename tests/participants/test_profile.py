"""The "My profile" page: what is stored about a person, and the form to change it."""

import pytest
from django.conf import settings

from cms.models import CoursePage
from participants.models import FocalPoint, Organization, Participant
from participants.selectors import profile_of
from participants.services import propose_organization
from tests.factories.users import make_participant

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(client):
    user = make_participant()
    user.first_name, user.last_name = "Amina", "Diallo"
    user.save()
    client.force_login(user)
    return user


def valid_data(**overrides):
    data = {
        "first_name": "Amina",
        "last_name": "Diallo",
        "organization": Organization.objects.get(acronym="DPPA").pk,
        "job_title": "Political Affairs Officer",
        "duty_station": "KE",
        "preferred_language": "fr",
        "gender": "",
    }
    data.update(overrides)
    return data


def test_the_profile_needs_sign_in(client):
    response = client.get("/profile/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/profile/"


def test_a_new_person_has_no_profile_and_sees_an_empty_form(client, person):
    assert profile_of(person) is None
    html = client.get("/profile/").content.decode()
    assert "Complete your profile before your first enrollment" in html
    assert "participant@example.org" in html
    assert "Amina Diallo" in html


def test_organizations_are_offered_by_name(client, person):
    form = client.get("/profile/").context["form"]
    offered = [org.name for org in form.fields["organization"].queryset]
    assert offered == sorted(offered)
    assert len(offered) == Organization.objects.count() > 5


def test_the_page_shows_everything_stored(client, person):
    Participant.objects.create(
        user=person,
        organization=Organization.objects.get(acronym="AUC"),
        job_title="Mediation Adviser",
        duty_station="ET",
        preferred_language="en",
        gender="woman",
    )
    FocalPoint.objects.create(user=person, organization=Organization.objects.get(acronym="IGAD"))
    html = client.get("/profile/").content.decode()
    for text in (
        "Amina Diallo",
        "participant@example.org",
        "African Union Commission (AUC)",
        "Mediation Adviser",
        "Ethiopia",
        "English",
        "Woman",
        "Intergovernmental Authority on Development (IGAD)",
    ):
        assert text in html, text


def test_saving_creates_the_profile_and_switches_the_language(client, person):
    response = client.post("/profile/", valid_data(gender="undisclosed"))
    assert response.status_code == 302
    assert response["Location"] == "/profile/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"

    profile = profile_of(person)
    assert profile.organization.acronym == "DPPA"
    assert profile.job_title == "Political Affairs Officer"
    assert profile.duty_station.code == "KE"
    assert profile.preferred_language == "fr"
    assert profile.gender == "undisclosed"

    page = client.get("/profile/")
    assert page.wsgi_request.LANGUAGE_CODE == "fr"
    assert "Votre profil est enregistré." in page.content.decode()


def test_saving_again_updates_the_same_profile_and_the_name(client, person):
    client.post("/profile/", valid_data())
    client.post("/profile/", valid_data(first_name="Aminata", job_title="Senior Adviser"))
    assert Participant.objects.filter(user=person).count() == 1
    person.refresh_from_db()
    assert person.first_name == "Aminata"
    assert profile_of(person).job_title == "Senior Adviser"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("organization", "999999"),
        ("organization", "not-a-number"),
        ("duty_station", "XX"),
        ("preferred_language", "de"),
        ("gender", "robot"),
        ("job_title", ""),
        ("last_name", ""),
    ],
)
def test_invalid_data_is_refused_with_a_clear_error(client, person, field, value):
    response = client.post("/profile/", valid_data(**{field: value}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Your profile could not be saved" in html
    assert f'href="#id_{field}"' in html  # the summary links to the field
    assert 'aria-invalid="true"' in html
    assert profile_of(person) is None


def test_saving_goes_to_a_safe_next(client, person):
    response = client.post("/profile/?next=/courses/some-course/", valid_data())
    assert response["Location"] == "/courses/some-course/"


@pytest.mark.parametrize(
    "target", ["https://evil.example.com/", "//evil.example.com/", "javascript:alert(1)"]
)
def test_an_external_next_is_ignored(client, person, target):
    page = client.get("/profile/", {"next": target})
    assert target not in page.content.decode()
    response = client.post("/profile/", {**valid_data(), "next": target})
    assert response["Location"] == "/profile/"


def test_next_is_carried_through_a_refused_form(client, person):
    response = client.post("/profile/?next=/courses/", valid_data(job_title=""))
    assert 'name="next" value="/courses/"' in response.content.decode()


def test_staff_of_an_organization_not_listed_name_it_and_use_it_at_once(client, person):
    data = valid_data(organization="", new_organization="  Horn of Africa   Peace Forum ")
    response = client.post("/profile/", data)
    assert response.status_code == 302
    organization = profile_of(person).organization
    assert organization.name == "Horn of Africa Peace Forum"
    assert organization.acronym == "HAPF"
    assert organization.reviewed is False and organization.proposed_by == person

    # Their own pending organization stays on offer to them, and to nobody else.
    mine = client.get("/profile/").context["form"].fields["organization"].queryset
    assert organization in mine
    client.force_login(make_participant("colleague"))
    theirs = client.get("/profile/").context["form"].fields["organization"].queryset
    assert organization not in theirs
    assert 'name="new_organization"' in client.get("/profile/").content.decode()

    # The same name again is the same organization, case and spaces aside.
    client.post(
        "/profile/", valid_data(organization="", new_organization="horn of africa peace forum")
    )
    assert Organization.objects.filter(name__iexact="horn of africa peace forum").count() == 1


def test_an_organization_must_be_chosen_or_named(client, person):
    response = client.post("/profile/", valid_data(organization=""))
    assert response.status_code == 200
    assert "Choose your organization, or type its name if it is not listed." in (
        response.content.decode()
    )
    assert profile_of(person) is None


def test_unreviewed_organizations_are_no_course_partners_until_reviewed(person):

    pending = propose_organization(name="Sahel Dialogue Network", proposed_by=person)

    def partners():
        form_class = CoursePage.get_edit_handler().get_form_class()
        return form_class(for_user=person).fields["partner_organizations"].queryset

    assert pending not in partners()
    pending.reviewed = True
    pending.save()
    assert pending in partners()


def test_the_name_as_it_should_print_and_its_latin_letters_are_saved(client, person):
    response = client.post(
        "/profile/",
        valid_data(
            printed_name="  王   小明 ", printed_name_latin="Wang Xiaoming", preferred_language="en"
        ),
    )
    assert response.status_code == 302
    profile = profile_of(person)
    assert (profile.printed_name, profile.printed_name_latin) == ("王 小明", "Wang Xiaoming")
    html = client.get("/profile/").content.decode()
    assert "Name as it should print" in html and 'value="Wang Xiaoming"' in html


def test_the_latin_transliteration_takes_latin_letters_only(client, person):
    response = client.post(
        "/profile/", valid_data(printed_name="Ахмед", printed_name_latin="Ахмед")
    )
    assert response.status_code == 200
    assert "Use Latin letters only" in response.content.decode()
    response = client.post(
        "/profile/", valid_data(printed_name="Ахмед", printed_name_latin="Ahmed Öztürk-Nguyễn")
    )
    assert response.status_code == 302


def test_saving_the_profile_also_sets_the_admin_language_of_staff(client):
    from wagtail.users.models import UserProfile  # noqa: PLC0415

    from tests.factories.users import make_coordinator  # noqa: PLC0415

    coordinator = make_coordinator()
    client.force_login(coordinator)
    client.post("/profile/", valid_data(preferred_language="ar"))
    assert UserProfile.get_for_user(coordinator).preferred_language == "ar"
