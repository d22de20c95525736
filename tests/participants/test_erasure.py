"""A person asks to be forgotten; a coordinator confirms; reports and certificates keep
their figures without the person's identity. Deleting a user in the admin erases them."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import ModelLogEntry

from courses.certificates.services import issue_certificates
from courses.models import Attendance, Enrollment
from participants.models import ErasureRequest, Participant
from participants.privacy import ERASED_ACTION, REQUESTED_ACTION
from tests.factories.certificates import make_completers
from tests.factories.courses import make_session
from tests.factories.pages import make_course
from tests.factories.users import PASSWORD, make_coordinator, make_participant, make_user

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def coordinator():
    return make_coordinator("coord")


@pytest.fixture
def session(catalog, coordinator):
    course = make_course(catalog, title="Mediation process design")
    return make_session(course, capacity=10, coordinators=[coordinator])


@pytest.fixture
def amina(session, coordinator):
    enrollment, _kofi = make_completers(session, 2, names=[("Amina", "Diallo"), ("Kofi", "Mensah")])
    Enrollment.objects.filter(pk=enrollment.pk).update(justification="I lead talks in Mopti.")
    issue_certificates(session=session, by=coordinator)
    return enrollment.participant


def totals(session):
    return (
        Enrollment.objects.filter(session=session, status="completed").count(),
        Enrollment.objects.filter(session=session, organization__acronym="AUC").count(),
        Attendance.objects.filter(enrollment__session=session, status="present").count(),
    )


def test_a_person_asks_to_be_forgotten_and_a_coordinator_confirms(
    client, session, coordinator, amina
):
    before = totals(session)
    certificate = Enrollment.objects.get(participant=amina).certificates.get()

    client.force_login(amina)
    assert client.get(reverse("profile_erasure")).status_code == 405  # no change on GET
    client.post(reverse("profile_erasure"), {})  # the box is not ticked
    assert not ErasureRequest.objects.exists()
    page = client.post(reverse("profile_erasure"), {"confirm": "on"}, follow=True)
    assert "Your request is recorded" in page.content.decode()
    assert "Withdraw my request" in page.content.decode()
    request = ErasureRequest.objects.get()
    assert request.status == "pending" and request.user == amina

    client.force_login(coordinator)
    listing = client.get(reverse("erasure_requests:index")).content.decode()
    assert "Amina Diallo" in listing
    confirm_url = reverse("erasure_requests:confirm", args=[request.pk])
    assert "This cannot be undone" in client.get(confirm_url).content.decode()
    User.objects.get(pk=amina.pk)  # a GET changed nothing
    assert Participant.objects.filter(user=amina).exists()
    client.post(confirm_url)

    erased = User.objects.get(pk=amina.pk)
    assert (erased.first_name, erased.last_name, erased.email) == ("", "", "")
    assert not erased.is_active and not erased.has_usable_password()
    assert not Participant.objects.filter(user=erased).exists()
    assert Enrollment.objects.get(participant=erased).justification == ""
    assert totals(session) == before
    request.refresh_from_db()
    assert request.status == "done" and request.decided_by == coordinator

    # The certificate stays a verifiable record of training for whoever holds its code.
    client.logout()
    verified = client.get(reverse("certificate_verify", args=[certificate.code]))
    assert verified.status_code == 200 and "Amina Diallo" in verified.content.decode()
    # No sign-in with the old address.
    assert not client.login(username="completer", email=amina.email, password=PASSWORD)

    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {REQUESTED_ACTION, ERASED_ACTION} <= actions
    kofi = Enrollment.objects.exclude(participant=erased).get().participant
    assert kofi.first_name == "Kofi" and Participant.objects.filter(user=kofi).exists()


def test_a_person_may_withdraw_their_request(client, amina):
    client.force_login(amina)
    client.post(reverse("profile_erasure"), {"confirm": "on"})
    client.post(reverse("profile_erasure"), {"confirm": "on"})  # twice: still one
    assert ErasureRequest.objects.filter(status="pending").count() == 1
    client.post(reverse("profile_erasure_withdraw"))
    assert ErasureRequest.objects.get().status == "withdrawn"
    assert User.objects.get(pk=amina.pk).is_active


def test_only_coordinators_and_administrators_confirm(client, amina):
    client.force_login(amina)
    client.post(reverse("profile_erasure"), {"confirm": "on"})
    request = ErasureRequest.objects.get()
    client.force_login(make_participant("curious"))
    response = client.post(reverse("erasure_requests:confirm", args=[request.pk]))
    assert response.status_code in (302, 403)
    assert User.objects.get(pk=amina.pk).first_name == "Amina"


def test_deleting_an_enrolled_user_in_the_admin_erases_them(client, session, amina):
    before = totals(session)
    client.force_login(make_user("root", superuser=True))
    response = client.post(reverse("wagtailusers_users:delete", args=[amina.pk]))
    assert response.status_code == 302
    erased = User.objects.get(pk=amina.pk)
    assert erased.email == "" and not erased.is_active
    assert totals(session) == before
    assert ErasureRequest.objects.get().status == "done"


def test_deleting_a_user_with_no_records_deletes_the_account(client):
    nobody = make_participant("nobody")
    client.force_login(make_user("root", superuser=True))
    response = client.post(reverse("wagtailusers_users:delete", args=[nobody.pk]))
    assert response.status_code == 302
    assert not User.objects.filter(pk=nobody.pk).exists()
    assert ErasureRequest.objects.get().user is None


def test_bulk_deleting_users_in_the_admin_erases_each_of_them(client, session, amina):
    """The users list's bulk "Delete" (Wagtail's own would fail on Amina's enrollment)."""
    before = totals(session)
    nobody = make_participant("nobody")
    client.force_login(make_user("root", superuser=True))
    url = reverse("wagtail_bulk_action", args=("auth", "user", "delete"))

    response = client.post(f"{url}?id={amina.pk}&id={nobody.pk}&next=/admin/users/", follow=True)

    assert response.redirect_chain[0] == ("/admin/users/", 302)
    assert "2 people are erased" in response.content.decode()
    erased = User.objects.get(pk=amina.pk)
    assert erased.email == "" and not erased.is_active and erased.first_name == ""
    assert not User.objects.filter(pk=nobody.pk).exists()
    assert totals(session) == before
    assert ErasureRequest.objects.filter(status="done").count() == 2
    assert ModelLogEntry.objects.filter(action=ERASED_ACTION).count() == 2


def test_bulk_delete_asks_first_and_a_get_changes_nothing(client, amina):
    client.force_login(make_user("root", superuser=True))
    url = reverse("wagtail_bulk_action", args=("auth", "user", "delete"))
    response = client.get(f"{url}?id={amina.pk}&next=/admin/users/")
    assert response.status_code == 200
    assert User.objects.get(pk=amina.pk).first_name == "Amina"
