"""Reads of the participant's own pages: My learning and the calendar feed."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone

from courses.attendance.selectors import learning_progress
from courses.attendance.services import check_in_open
from courses.certificates.selectors import downloadable_certificates
from courses.enrollment.selectors import split_by_date
from courses.models import (
    ATTENDED,
    OPEN_STATUSES,
    Attendance,
    CourseSession,
    Enrollment,
    Meeting,
)


@dataclass
class CheckInOffer:
    """A sitting open for self check-in now, and whether the person is checked in."""

    meeting: Meeting
    mark: Attendance | None

    @property
    def checked_in(self) -> bool:
        return self.mark is not None and self.mark.status in ATTENDED


@dataclass
class LearningRow:
    enrollment: Enrollment
    waitlist_position: int | None
    #: Attendance and what completion still needs (``attendance.learning_progress``).
    progress: object = None
    #: When the row was read: what "now" is for the phase and the check-in offer.
    now: datetime.datetime = field(default_factory=timezone.now)

    @property
    def session(self):
        return self.enrollment.session

    @property
    def can_withdraw(self) -> bool:
        return (
            self.enrollment.status in OPEN_STATUSES
            and timezone.localdate(self.now) < self.enrollment.session.starts_on
        )

    @property
    def may_enroll_again(self) -> bool:
        """Withdrawn from a session still open for enrollment, whose policy lets the
        person ask for a place themselves."""
        session = self.session
        return (
            self.enrollment.status == Enrollment.Status.WITHDRAWN
            and session.enrollment_is_open(self.now)
            and session.policy != CourseSession.Policy.NOMINATION
        )

    @property
    def phase(self) -> str:
        """upcoming, running or ended: where the session stands today."""
        today = timezone.localdate(self.now)
        if today < self.session.starts_on:
            return "upcoming"
        return "running" if today <= self.session.ends_on else "ended"

    @property
    def check_in(self) -> CheckInOffer | None:
        """The sitting open for self check-in now (``attendance.services.check_in_open``),
        for a confirmed participant; the latest one if two overlap."""
        if self.progress is None or self.enrollment.status != Enrollment.Status.CONFIRMED:
            return None
        open_now = [
            CheckInOffer(meeting, mark)
            for meeting, mark, _upcoming in self.progress.meetings
            if check_in_open(meeting, self.now)
        ]
        return open_now[-1] if open_now else None

    @property
    def meetings_required(self) -> Decimal | None:
        """The share of the counted meetings completion needs, exact (e.g. 2.4 for 80 %
        of 3), when it is not a whole number and so is rounded up; else None."""
        if self.progress is None:
            return None
        figures = self.progress.figures
        exact = Decimal(figures.rule.min_percent * figures.counted) / 100
        return None if exact == exact.to_integral_value() else exact.normalize()

    @property
    def modules_opened(self) -> int:
        """Modules opened that count, capped at what completion needs: "2 of 2", never
        "3 of 2" (opening more is welcome, but does not count twice)."""
        figures = self.progress.figures
        return min(figures.modules_opened, figures.modules_required)

    @property
    def certificate(self):
        """The certificate its holder can download (valid, with its PDF), or None."""
        certificates = getattr(self.enrollment, "certificate_list", None)
        return certificates[0] if certificates else None


def learning_of(user) -> tuple[list[LearningRow], list[LearningRow]]:
    """A person's enrollments as (upcoming, past), with waitlist positions, the
    certificates they can download and the progress of those holding a seat: 3 queries,
    and ``learning_progress``'s 4 at most."""
    enrollments = list(
        Enrollment.objects.filter(participant=user)
        .select_related("session__course", "organization")
        .prefetch_related(downloadable_certificates())
        .order_by("session__starts_on", "session__code")
    )
    now = timezone.now()
    upcoming, past = split_by_date(
        enrollments, lambda enrollment, position: LearningRow(enrollment, position, now=now)
    )
    progress = learning_progress((row.enrollment for row in [*upcoming, *past]), now=now)
    for row in [*upcoming, *past]:
        row.progress = progress.get(row.enrollment.pk)
    return upcoming, past


def announced_sessions() -> QuerySet[CourseSession]:
    """Sessions anyone may put in a calendar: all but drafts, with their course (one
    query for an event: dates and place are the session's own fields)."""
    return CourseSession.objects.exclude(status=CourseSession.Status.DRAFT).select_related("course")


def calendar_sessions(user) -> QuerySet[CourseSession]:
    """The sessions of a person's calendar feed: those they hold a seat in or wait for,
    unless cancelled."""
    return (
        CourseSession.objects.filter(
            enrollments__participant=user,
            enrollments__status__in=[Enrollment.Status.CONFIRMED, Enrollment.Status.WAITLISTED],
        )
        .exclude(status=CourseSession.Status.CANCELLED)
        .select_related("course")
    )
