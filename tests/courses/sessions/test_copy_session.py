"""Copying a session into a new edition: dates shifted, settings and agenda copied,
people, attendance and certificates not; a form, then a confirmation."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse

from courses.models import Attendance, CourseSession, Meeting, SeatQuota, SessionSignatory
from participants.models import Organization
from tests.factories.courses import make_running_session
from tests.factories.users import make_coordinator, make_trainer

pytestmark = pytest.mark.django_db


@pytest.fixture
def source(course, coordinator):
    trainer = make_trainer("teacher")
    session = make_running_session(
        course,
        code="mpd-2026",
        coordinators=[coordinator],
        trainers=[trainer],
        timezone="Europe/Paris",
        policy="approval",
        venue_name="Palais des Nations",
        venue_room="Room XVII",
        online_url="https://meet.example.org/j/2026",
        online_passcode="old",
        min_attendance_percent=75,
    )
    session.issuing_organizations.set([Organization.objects.get(acronym="AUC")])
    SeatQuota.objects.create(session=session, organization_kind="regional", seats=3)
    SessionSignatory.objects.create(session=session, name="A. Mensah", title="Director")
    first = session.meetings.first()
    first.resource_person, first.description = "Amb. N. Diallo", "Opening"
    first.save()
    Attendance.objects.create(
        enrollment=session.enrollments.first(), meeting=first, status="present"
    )
    return session


def test_copy_through_the_form_and_its_confirmation(client, source, coordinator, login):
    login(client, coordinator)
    url = reverse("course_sessions:copy_edition", args=[source.pk])
    new_start = source.starts_on + datetime.timedelta(days=364)
    response = client.post(url, {"code": "mpd-2027", "starts_on": new_start.isoformat()})
    html = response.content.decode()
    assert "Create mpd-2027?" in html and "3 sittings of the agenda" in html
    assert not CourseSession.objects.filter(code="mpd-2027").exists()  # not before confirming

    response = client.post(url, {"code": "mpd-2027", "days": 364, "confirmed": "True"})
    copy = CourseSession.objects.get(code="mpd-2027")
    assert response.url == reverse("course_sessions:edit", args=[copy.pk])
    shift = datetime.timedelta(days=364)
    assert (copy.starts_on, copy.ends_on) == (source.starts_on + shift, source.ends_on + shift)
    assert copy.enrollment_opens_at == source.enrollment_opens_at + shift
    assert copy.status == "draft"
    assert (copy.capacity, copy.policy, copy.min_attendance_percent) == (
        source.capacity,
        "approval",
        75,
    )
    assert (copy.venue_name, copy.venue_room) == ("Palais des Nations", "Room XVII")
    assert copy.online_url == "" and copy.online_passcode == ""
    assert list(copy.trainers.all()) == list(source.trainers.all())
    assert coordinator in copy.coordinators.all()
    assert [o.acronym for o in copy.issuing_organizations.all()] == ["AUC"]
    assert copy.quotas.get().seats == 3
    assert copy.signatories.get().name == "A. Mensah"
    sittings = list(copy.meetings.all())
    originals = list(source.meetings.all())
    assert len(sittings) == len(originals) == 3
    assert sittings[0].resource_person == "Amb. N. Diallo"
    paris = zoneinfo.ZoneInfo("Europe/Paris")
    for new, old in zip(sittings, originals, strict=True):
        # The same local time, the day moved: daylight saving may differ between them.
        assert new.starts_at.astimezone(paris).time() == old.starts_at.astimezone(paris).time()
        assert (
            new.starts_at.astimezone(paris).date() == old.starts_at.astimezone(paris).date() + shift
        )
    # People, attendance and certificates stay with the old edition.
    assert copy.enrollments.count() == 0
    assert not Attendance.objects.filter(meeting__session=copy).exists()
    assert Meeting.objects.filter(session=source).count() == 3


def test_copy_refuses_a_taken_code_an_earlier_date_and_strangers(
    client, source, coordinator, login
):
    login(client, coordinator)
    url = reverse("course_sessions:copy_edition", args=[source.pk])
    html = client.post(url, {"code": "mpd-2026", "days": 10}).content.decode()
    assert "This code is taken" in html
    earlier = (source.starts_on - datetime.timedelta(days=3)).isoformat()
    html = client.post(url, {"code": "mpd-x", "starts_on": earlier}).content.decode()
    assert "must start after this one" in html
    login(client, make_coordinator("stranger"))
    assert client.get(url).status_code == 404
    assert client.post(url, {"code": "mpd-y", "days": 5, "confirmed": "True"}).status_code == 404
    assert not CourseSession.objects.filter(code__in=["mpd-x", "mpd-y"]).exists()
