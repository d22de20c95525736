"""Reads of the participant's own pages: My learning and the calendar feed."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from courses.attendance.selectors import learning_progress
from courses.certificates.selectors import downloadable_certificates
from courses.enrollment.selectors import split_by_date
from courses.models import OPEN_STATUSES, CourseSession, Enrollment


@dataclass
class LearningRow:
    enrollment: Enrollment
    waitlist_position: int | None
    #: Attendance and what completion still needs (``attendance.learning_progress``).
    progress: object = None

    @property
    def session(self):
        return self.enrollment.session

    @property
    def can_withdraw(self) -> bool:
        return (
            self.enrollment.status in OPEN_STATUSES
            and timezone.localdate() < self.enrollment.session.starts_on
        )

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
    upcoming, past = split_by_date(enrollments, LearningRow)
    progress = learning_progress(row.enrollment for row in [*upcoming, *past])
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
