"""Attendance of a sitting that has not started is refused, with the reason, on the sheet,
in "mark all present", in an import and at check-in: nobody can have attended it yet."""

import datetime
import zoneinfo

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from courses.attendance.imports import import_attendance
from courses.attendance.services import (
    CellChange,
    CheckInRefused,
    SittingNotStarted,
    check_in,
    current_check_in,
    mark_all_present,
    record_attendance,
)
from courses.models import Attendance, Meeting
from tests.factories.courses import make_running_session

pytestmark = pytest.mark.django_db

S = Attendance.Status


@pytest.fixture
def session(course, coordinator):
    """Two sittings held, and a third tomorrow at 09:00 in Addis Ababa."""
    session = make_running_session(
        course, people=2, meetings=2, coordinators=[coordinator], timezone="Africa/Addis_Ababa"
    )
    starts = timezone.now() + datetime.timedelta(days=1)
    Meeting.objects.create(
        session=session,
        title="Day 3",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=3),
    )
    return session


def sittings(session):
    return list(session.meetings.order_by("starts_at"))


def people(session):
    return list(session.enrollments.order_by("pk"))


def test_the_service_refuses_a_mark_for_a_future_sitting_and_saves_nothing(session, coordinator):
    (m1, _m2, future), (a, b) = sittings(session), people(session)
    with pytest.raises(SittingNotStarted) as refusal:
        record_attendance(
            session=session,
            by=coordinator,
            changes=[CellChange(a.pk, m1.pk, S.PRESENT), CellChange(b.pk, future.pk, S.PRESENT)],
        )
    assert "Day 3 has not started yet" in str(refusal.value)
    assert "Africa/Addis_Ababa" in str(refusal.value)
    assert not Attendance.objects.filter(meeting__session=session).exists()


def test_a_sitting_can_be_marked_once_it_opens_30_minutes_before_it_starts(session, coordinator):
    future, (a, _b) = sittings(session)[2], people(session)
    record_attendance(
        session=session,
        by=coordinator,
        changes=[CellChange(a.pk, future.pk, S.PRESENT)],
        now=future.starts_at - datetime.timedelta(minutes=29),
    )
    assert Attendance.objects.get(meeting=future).status == S.PRESENT


def test_mark_all_present_refuses_a_future_sitting(session, coordinator):
    future = sittings(session)[2]
    with pytest.raises(SittingNotStarted):
        mark_all_present(meeting=future, by=coordinator)
    assert not Attendance.objects.filter(meeting=future).exists()


def test_the_sheet_says_why_and_saves_nothing(client, session, coordinator, login):
    login(client, coordinator)
    future, (a, _b) = sittings(session)[2], people(session)
    url = reverse("course_attendance:sheet", args=[session.pk])
    response = client.post(url, {f"c-{a.pk}-{future.pk}": S.PRESENT, "loaded": ""})
    assert response.status_code == 302
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert "Day 3 has not started yet" in message
    assert not Attendance.objects.filter(meeting=future).exists()


def test_mark_all_present_on_the_sheet_says_why(client, session, coordinator, login):
    login(client, coordinator)
    future = sittings(session)[2]
    url = reverse("course_attendance:sheet", args=[session.pk])
    response = client.post(url, {"mark_all": future.pk, "loaded": ""}, follow=True)
    assert "Day 3 has not started yet" in response.content.decode()
    assert not Attendance.objects.filter(meeting=future).exists()


def test_an_import_with_marks_for_a_future_sitting_is_refused(client, session, coordinator, login):
    login(client, coordinator)
    (m1, _m2, future), (a, _b) = sittings(session), people(session)
    addis = zoneinfo.ZoneInfo(session.timezone)
    data = (
        "Email,{},{}\n{},present,present\n".format(
            f"{timezone.localtime(m1.starts_at, addis):%Y-%m-%d %H:%M}",
            f"{timezone.localtime(future.starts_at, addis):%Y-%m-%d %H:%M}",
            a.participant.email,
        )
    ).encode()
    with pytest.raises(SittingNotStarted):
        import_attendance(session=session, by=coordinator, data=data)
    response = client.post(
        reverse("course_attendance:import", args=[session.pk]),
        {"file": SimpleUploadedFile("attendance.csv", data, content_type="text/csv")},
        follow=True,
    )
    assert "Day 3 has not started yet" in response.content.decode()
    assert not Attendance.objects.filter(meeting__session=session).exists()


def test_check_in_before_the_sitting_opens_is_refused(session):
    future, (a, _b) = sittings(session)[2], people(session)
    code = current_check_in(meeting=future)
    with pytest.raises(CheckInRefused, match="Check-in opens 30 minutes before"):
        check_in(user=a.participant, code_or_token=code.token)
    assert not Attendance.objects.filter(meeting=future).exists()
