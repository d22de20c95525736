"""A cancelled sitting took place for nobody: no mark is taken for it, it counts neither
way for completion or hours, and it does not hold the session's evaluation back."""

import datetime

import pytest
from django.utils import timezone

from courses.attendance.selectors import attended_hours, completion_figures, learning_progress
from courses.attendance.services import (
    CellChange,
    CheckInRefused,
    SittingCancelled,
    check_in,
    current_check_in,
    evaluate_completion,
    record_attendance,
)
from courses.models import Attendance, Enrollment, Meeting
from tests.factories.courses import make_running_session

pytestmark = pytest.mark.django_db

S = Attendance.Status


@pytest.fixture
def session(course, coordinator):
    """Three sittings held (3 hours each), the middle one cancelled."""
    session = make_running_session(course, people=1, meetings=3, coordinators=[coordinator])
    sittings = list(session.meetings.order_by("starts_at"))
    Meeting.objects.filter(pk=sittings[1].pk).update(is_cancelled=True)
    return session


def test_no_mark_is_taken_for_a_cancelled_sitting(session, coordinator):
    first, cancelled, _third = session.meetings.order_by("starts_at")
    person = session.enrollments.get()
    with pytest.raises(SittingCancelled):
        record_attendance(
            session=session,
            by=coordinator,
            changes=[
                CellChange(person.pk, first.pk, S.PRESENT),
                CellChange(person.pk, cancelled.pk, S.ABSENT),
            ],
        )
    assert not Attendance.objects.filter(meeting__session=session).exists()


def test_the_held_sittings_alone_decide_completion_and_hours(session, coordinator):
    first, cancelled, third = session.meetings.order_by("starts_at")
    person = session.enrollments.get()
    record_attendance(
        session=session,
        by=coordinator,
        changes=[CellChange(person.pk, m.pk, S.PRESENT) for m in (first, third)],
    )
    # A mark left from before the sitting was cancelled counts for nothing either.
    Attendance.objects.create(enrollment=person, meeting=cancelled, status=S.ABSENT)
    figures = completion_figures(session)[person.pk]
    assert (figures.meetings, figures.present, figures.absent) == (2, 2, 0)
    progress = learning_progress(
        [Enrollment.objects.select_related("session__course").get(pk=person.pk)]
    )[person.pk]
    assert [m.pk for m, _mark, _upcoming in progress.meetings] == [first.pk, third.pk]
    assert attended_hours(person) == pytest.approx(
        sum((m.ends_at - m.starts_at).total_seconds() for m in (first, third)) / 3600
    )
    evaluate_completion(session=session, by=coordinator)
    person.refresh_from_db()
    assert person.status == Enrollment.Status.COMPLETED


def test_a_cancelled_sitting_ahead_does_not_hold_the_evaluation_back(session, coordinator):
    starts = timezone.now() + datetime.timedelta(days=2)
    Meeting.objects.create(
        session=session,
        title="Day 4",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=3),
        is_cancelled=True,
    )
    person = session.enrollments.get()
    record_attendance(
        session=session,
        by=coordinator,
        changes=[
            CellChange(person.pk, m.pk, S.PRESENT)
            for m in session.meetings.filter(is_cancelled=False)
        ],
    )
    evaluate_completion(session=session, by=coordinator)
    person.refresh_from_db()
    assert person.status == Enrollment.Status.COMPLETED


def test_nobody_checks_in_to_a_cancelled_sitting(session):
    starts = timezone.now() - datetime.timedelta(minutes=10)
    sitting = Meeting.objects.create(
        session=session,
        title="Day 4",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=3),
        is_cancelled=True,
    )
    person = session.enrollments.get()
    code = current_check_in(meeting=sitting)
    with pytest.raises(CheckInRefused, match="cancelled"):
        check_in(user=person.participant, code_or_token=code.token)
    assert not Attendance.objects.filter(meeting=sitting).exists()
