"""Reads of the participant's own pages: My learning and the calendar feed."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone, translation

from cms.selectors import titles_in
from courses.access import joining_details_visible
from courses.attendance.selectors import learning_progress
from courses.attendance.services import check_in_open
from courses.certificates.selectors import downloadable_certificates
from courses.enrollment.applications import with_form_unanswered
from courses.enrollment.selectors import split_by_date
from courses.messaging.services import personalize
from courses.models import (
    ATTENDED,
    OPEN_STATUSES,
    Attendance,
    CohortMessage,
    CourseSession,
    Enrollment,
    Meeting,
    Notice,
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
    #: May this person see the session's joining details (``access.joining_details_visible``)?
    joining: bool = False
    #: The coordinators' messages this person received about the session, latest first.
    messages: list = field(default_factory=list)
    #: The course's title in the reader's language (its translation's, where it has one).
    course_title: str = ""

    @property
    def sittings(self):
        return self.enrollment.session.meetings.all()

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
            and session.policy in (CourseSession.Policy.OPEN, CourseSession.Policy.APPROVAL)
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
    certificates they can download, the progress of those holding a seat, each session's
    agenda, whether its joining details may be shown and the messages received: 6
    queries, and ``learning_progress``'s 4 at most, however many sessions."""
    enrollments = list(
        with_form_unanswered(Enrollment.objects.filter(participant=user))
        .select_related("session__course", "organization")
        .prefetch_related(
            downloadable_certificates(),
            Prefetch(
                "session__meetings",
                queryset=Meeting.objects.numbered().select_related("facilitator"),
            ),
        )
        .order_by("session__starts_on", "session__code")
    )
    now = timezone.now()
    upcoming, past = split_by_date(
        enrollments, lambda enrollment, position: LearningRow(enrollment, position, now=now)
    )
    rows = [*upcoming, *past]
    progress = learning_progress((row.enrollment for row in rows), now=now)
    visible = joining_details_visible(user, {e.session_id for e in enrollments})
    received = received_messages(user)
    # Each course by its title in the page's language (a session points at the course's
    # source page): one query, none when the page is in the courses' own language.
    titles = titles_in({e.session.course for e in enrollments}, translation.get_language())
    for row in rows:
        row.course_title = titles[row.enrollment.session.course_id]
        row.progress = progress.get(row.enrollment.pk)
        row.joining = row.enrollment.session_id in visible
        row.messages = received.get(row.enrollment.session_id, [])
        row.enrollment.participant = user  # theirs: no query per row for the placeholders
        for message in row.messages:
            message.session = row.enrollment.session
            message.text_for_reader = personalize(message, row.enrollment, joining=row.joining)
    return upcoming, past


def received_messages(user) -> dict[int, list[CohortMessage]]:
    """The cohort messages sent to ``user``, by session, latest first: one query."""
    by_session: dict[int, list[CohortMessage]] = {}
    messages = CohortMessage.objects.filter(
        notices__enrollment__participant=user, notices__kind=Notice.Kind.MESSAGE
    ).order_by("-sent_at", "-pk")
    for message in messages:
        by_session.setdefault(message.session_id, []).append(message)
    return by_session


def announced_sessions() -> QuerySet[CourseSession]:
    """Sessions anyone may put in a calendar: all but drafts, with their course (one
    query for an event: dates and place are the session's own fields)."""
    return (
        CourseSession.objects.exclude(status=CourseSession.Status.DRAFT)
        .select_related("course")
        .prefetch_related(_sittings())
    )


def calendar_sessions(user) -> QuerySet[CourseSession]:
    """The sessions of a person's calendar feed: those they hold a seat in or wait for,
    and those cancelled under them (sent as cancelled, so calendars drop them), with
    their sittings: two queries."""
    return (
        CourseSession.objects.filter(
            Q(
                enrollments__participant=user,
                enrollments__status__in=[
                    Enrollment.Status.CONFIRMED,
                    Enrollment.Status.WAITLISTED,
                ],
            )
            | Q(
                enrollments__participant=user,
                enrollments__status=Enrollment.Status.CANCELLED,
                status=CourseSession.Status.CANCELLED,
            )
        )
        .distinct()
        .select_related("course")
        .prefetch_related(_sittings())
    )


def _sittings():
    return Prefetch("meetings", queryset=Meeting.objects.numbered().select_related("facilitator"))
