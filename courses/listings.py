"""Reads for the public pages: upcoming sessions with their seats, and a person's learning.

Each function runs a fixed number of queries whatever the number of sessions.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from .models import CourseSession, Enrollment

LISTED = (
    CourseSession.Status.OPEN,
    CourseSession.Status.CLOSED,
    CourseSession.Status.IN_PROGRESS,
)
OPEN_STATUSES = (
    Enrollment.Status.REQUESTED,
    Enrollment.Status.CONFIRMED,
    Enrollment.Status.WAITLISTED,
)


@dataclass
class SessionRow:
    """A session as a visitor sees it, with what they can do about it."""

    session: CourseSession
    confirmed: int
    waitlisted: int
    enrollment: Enrollment | None
    can_enroll: bool

    @property
    def seats_left(self) -> int:
        return max(self.session.capacity - self.confirmed, 0)

    @property
    def action(self) -> str:
        """enrolled, enroll, waitlist, request, nominated, closed."""
        if self.enrollment is not None:
            return "enrolled"
        if not self.can_enroll:
            return "closed"
        policy = self.session.policy
        if policy == CourseSession.Policy.NOMINATION:
            return "nominated"
        if policy == CourseSession.Policy.APPROVAL:
            return "request"
        return "enroll" if self.seats_left else "waitlist"


def upcoming_sessions(*, user, course=None, limit=None) -> list[SessionRow]:
    """Sessions not over yet (of ``course``, or of every course), soonest first.

    Two queries: the sessions with their seat counts, and the visitor's enrollments.
    """
    now = timezone.now()
    sessions = (
        CourseSession.objects.filter(status__in=LISTED, ends_on__gte=timezone.localdate(now))
        .select_related("course")
        .annotate(
            confirmed=Count("enrollments", filter=Q(enrollments__status="confirmed")),
            waitlisted=Count("enrollments", filter=Q(enrollments__status="waitlisted")),
        )
        .order_by("starts_on", "code")
    )
    if course is not None:
        sessions = sessions.filter(course=course)
    sessions = list(sessions[:limit] if limit else sessions)
    mine = {}
    if user.is_authenticated and sessions:
        mine = {
            e.session_id: e
            for e in Enrollment.objects.filter(participant=user, session__in=sessions)
        }
    return [
        SessionRow(
            session=s,
            confirmed=s.confirmed,
            waitlisted=s.waitlisted,
            enrollment=mine.get(s.pk),
            can_enroll=s.enrollment_is_open(now),
        )
        for s in sessions
    ]


def waitlist_positions(enrollments) -> dict[int, int]:
    """Each waitlisted enrollment's place in its session's line (one query, if any wait)."""
    waiting = {e.session_id for e in enrollments if e.status == Enrollment.Status.WAITLISTED}
    positions: dict[int, int] = {}
    if waiting:
        line = Enrollment.objects.filter(
            session__in=waiting, status=Enrollment.Status.WAITLISTED
        ).order_by("session_id", "waitlisted_at", "pk")
        rank: dict[int, int] = {}
        for session_id, pk in line.values_list("session_id", "pk"):
            rank[session_id] = rank.get(session_id, 0) + 1
            positions[pk] = rank[session_id]
    return positions


def split_by_date(enrollments, make_row):
    """Rows for ``enrollments`` as (upcoming, past): upcoming soonest first, past latest first."""
    positions = waitlist_positions(enrollments)
    today = timezone.localdate()
    upcoming, past = [], []
    for enrollment in enrollments:
        row = make_row(enrollment, positions.get(enrollment.pk))
        (upcoming if enrollment.session.ends_on >= today else past).append(row)
    past.reverse()
    return upcoming, past


@dataclass
class LearningRow:
    enrollment: Enrollment
    waitlist_position: int | None

    @property
    def session(self):
        return self.enrollment.session

    @property
    def can_withdraw(self) -> bool:
        return (
            self.enrollment.status in OPEN_STATUSES
            and timezone.localdate() < self.enrollment.session.starts_on
        )


def learning_of(user) -> tuple[list[LearningRow], list[LearningRow]]:
    """A person's enrollments as (upcoming, past), with waitlist positions: 2 queries."""
    enrollments = list(
        Enrollment.objects.filter(participant=user)
        .select_related("session__course", "organization")
        .order_by("session__starts_on", "session__code")
    )
    return split_by_date(enrollments, LearningRow)


# ---------------------------------------------------------------- Focal points


def focal_organizations(user) -> list:
    """The organizations ``user`` is a focal point of, by acronym: one query."""
    from participants.models import Organization

    if not user.is_authenticated:
        return []
    return list(Organization.objects.filter(focal_points__user=user).order_by("acronym"))


@dataclass
class StaffRow:
    """One enrollment of an organization's staff, as its focal point sees it."""

    enrollment: Enrollment
    waitlist_position: int | None

    @property
    def session(self):
        return self.enrollment.session

    @property
    def profile(self):
        """The participant's profile, or None (a profile is required to enroll, but may go)."""
        # A missing reverse one-to-one raises a subclass of AttributeError.
        return getattr(self.enrollment.participant, "participant", None)


def organization_enrollments(organization) -> tuple[list[StaffRow], list[StaffRow]]:
    """The enrollments counted for ``organization`` as (upcoming, past), soonest first.

    Two queries whatever the number: the enrollments with their people and sessions, and
    the waitlists of the sessions where some of them wait.
    """
    enrollments = list(
        Enrollment.objects.filter(organization=organization)
        .select_related("session__course", "participant__participant", "nominated_by")
        .order_by("session__starts_on", "session__code", "participant__last_name", "pk")
    )
    return split_by_date(enrollments, StaffRow)


def colleagues_of(organization, *, exclude_user=None):
    """Profiles of ``organization``'s staff a focal point may nominate, by name (a queryset)."""
    from participants.models import Participant

    profiles = (
        Participant.objects.filter(organization=organization, user__is_active=True)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__username")
    )
    if exclude_user is not None:
        profiles = profiles.exclude(user=exclude_user)
    return profiles


def sessions_open_for_enrollment(now=None):
    """Sessions taking enrollments right now, whatever their policy, soonest first."""
    now = now or timezone.now()
    return (
        CourseSession.objects.filter(
            status=CourseSession.Status.OPEN,
            enrollment_opens_at__lte=now,
            enrollment_closes_at__gt=now,
        )
        .select_related("course")
        .order_by("starts_on", "code")
    )
