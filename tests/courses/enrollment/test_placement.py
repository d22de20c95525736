"""Coordinators place existing people directly; focal points are appointed in the admin
and nominate several colleagues at once; every nomination is in the audit log."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from cms.roles import ensure_roles
from courses.access import grant_role_permissions
from courses.audit import NOMINATE_ACTION, PLACE_ACTION
from courses.enrollment.placement import place
from courses.enrollment.services import EnrollmentError
from courses.models import Enrollment
from participants.models import FocalPoint, Organization
from tests.factories.courses import make_cohort, make_profile, make_session
from tests.factories.users import make_coordinator, make_participant

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(course, coordinator):
    return make_session(course, policy="invitation", capacity=2, coordinators=[coordinator])


def person(username="kwame", acronym="AUC"):
    user = make_participant(username)
    user.first_name, user.last_name = "Kwame", "Mensah"
    user.save()
    make_profile(user, acronym)
    return user


def test_a_coordinator_places_a_person_confirmed_and_it_is_logged(session, coordinator):
    kwame = person()
    enrollment = place(session=session, participant=kwame, status="confirmed", by=coordinator)
    assert enrollment.status == Enrollment.Status.CONFIRMED
    assert enrollment.decided_by == coordinator
    entry = ModelLogEntry.objects.get(action=PLACE_ACTION)
    assert entry.user == coordinator and entry.data["to"] == "confirmed"


def test_placing_as_requested_leaves_the_decision(session, coordinator):
    enrollment = place(session=session, participant=person(), status="requested", by=coordinator)
    assert enrollment.status == Enrollment.Status.REQUESTED


def test_no_seat_no_confirmed_placement(session, coordinator):
    make_cohort(session, 2, prefix="full")
    with pytest.raises(EnrollmentError, match="No seat is free"):
        place(session=session, participant=person(), status="confirmed", by=coordinator)


def test_someone_already_in_the_session_is_not_placed_twice(session, coordinator):
    kwame = person()
    place(session=session, participant=kwame, status="requested", by=coordinator)
    with pytest.raises(EnrollmentError, match="already in this session"):
        place(session=session, participant=kwame, status="confirmed", by=coordinator)


def test_only_the_sessions_coordinators_place(session):
    with pytest.raises(EnrollmentError):
        place(session=session, participant=person(), status="confirmed", by=make_coordinator("x"))
    assert not Enrollment.objects.exists()


def test_the_place_screen_searches_and_places(client, session, coordinator):
    kwame = person()
    client.force_login(coordinator)
    url = reverse("course_invitations:place", args=[session.pk])
    page = client.get(url, {"q": "mensah"}).content.decode()
    assert "Kwame Mensah" in page
    response = client.post(url, {"person": kwame.pk, "status": "confirmed", "q": "mensah"})
    assert response.status_code == 302
    assert Enrollment.objects.get(participant=kwame).status == "confirmed"


def test_the_place_screen_is_404_to_another_coordinator(client, session):
    kwame = person()
    client.force_login(make_coordinator("other"))
    url = reverse("course_invitations:place", args=[session.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"person": kwame.pk, "status": "confirmed"}).status_code == 404
    assert not Enrollment.objects.exists()


def test_a_coordinator_appoints_and_removes_a_focal_point_with_the_log(client, coordinator):
    ensure_roles()
    grant_role_permissions()
    kwame = person()
    auc = Organization.objects.get(acronym="AUC")
    client.force_login(coordinator)

    response = client.post(reverse("focal_points:add"), {"organization": auc.pk, "user": kwame.pk})

    assert response.status_code == 302
    focal = FocalPoint.objects.get(user=kwame, organization=auc)
    assert ModelLogEntry.objects.filter(action="wagtail.create", object_id=str(focal.pk)).exists()
    client.post(reverse("focal_points:delete", args=[focal.pk]))
    assert not FocalPoint.objects.exists()
    assert ModelLogEntry.objects.filter(action="wagtail.delete", object_id=str(focal.pk)).exists()


def test_a_participant_cannot_reach_the_focal_points_screen(client):
    client.force_login(person())
    response = client.get(reverse("focal_points:index"))
    assert response.status_code in (302, 403)
    assert not FocalPoint.objects.exists()


def test_a_focal_point_nominates_several_colleagues_at_once_each_logged(client, course):
    session = make_session(course, policy="nomination")
    focal = person("focal")
    auc = Organization.objects.get(acronym="AUC")
    FocalPoint.objects.create(user=focal, organization=auc)
    one, two = person("one"), person("two")
    client.force_login(focal)

    client.post(
        reverse("focal_point"),
        {
            "colleague": [one.participant.pk, two.participant.pk],
            "session": session.pk,
            "justification": "Both lead mediation support.",
        },
    )

    assert Enrollment.objects.filter(session=session, nominated_by=focal).count() == 2
    assert ModelLogEntry.objects.filter(action=NOMINATE_ACTION).count() == 2


def test_a_focal_point_invites_colleagues_without_an_account(client, course):
    session = make_session(course, policy="nomination")
    focal = person("focal")
    FocalPoint.objects.create(user=focal, organization=Organization.objects.get(acronym="AUC"))
    client.force_login(focal)

    response = client.post(
        reverse("focal_point"),
        {
            "form": "invite",
            "invite-emails": "new1@example.org, New One\nnew2@example.org",
            "invite-session": session.pk,
            "invite-justification": "New to the unit.",
        },
    )

    assert response.status_code == 302
    invited = session.invitations.order_by("email")
    assert [i.email for i in invited] == ["new1@example.org", "new2@example.org"]
    assert all(i.nominated_by == focal and i.organization_name == "AUC" for i in invited)
