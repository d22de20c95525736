"""Reads that several coordinator screens share: which sessions a user runs, the review
queue of a session, its roster, and the balance of its confirmed cohort.

Each function runs a fixed number of queries, whatever the size of the cohort.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from participants.models import Organization, Participant

from .models import CourseSession, Enrollment, SeatQuota
from .regions import Region, region_of

REVIEWABLE = (Enrollment.Status.REQUESTED, Enrollment.Status.WAITLISTED)
ROSTER = (
    Enrollment.Status.CONFIRMED,
    Enrollment.Status.COMPLETED,
    Enrollment.Status.NOT_COMPLETED,
)
NOT_GIVEN = "not_given"


def sessions_for(user) -> QuerySet[CourseSession]:
    """The sessions ``user`` may run: all of them for a superuser, else those they coordinate."""
    sessions = CourseSession.objects.all()
    if user.is_superuser:
        return sessions
    if not user.is_authenticated:
        return sessions.none()
    return sessions.filter(coordinators=user)


def with_seat_counts(sessions: QuerySet[CourseSession]) -> QuerySet[CourseSession]:
    """Annotate ``confirmed_count`` and ``waitlisted_count`` (one query for a whole list)."""
    return sessions.annotate(
        confirmed_count=Count(
            "enrollments", filter=Q(enrollments__status=Enrollment.Status.CONFIRMED)
        ),
        waitlisted_count=Count(
            "enrollments", filter=Q(enrollments__status=Enrollment.Status.WAITLISTED)
        ),
    )


def review_queue(session: CourseSession) -> list[Enrollment]:
    """Requested (nominated or not) and waitlisted enrollments, in one query.

    Requested ones come first, oldest first; then the waitlist in its order. Each
    waitlisted enrollment gets ``position`` (1 for the first in line), others ``None``.
    """
    rows = list(
        Enrollment.objects.filter(session=session, status__in=REVIEWABLE)
        .select_related("participant", "participant__participant", "organization", "nominated_by")
        .order_by("requested_at", "pk")
    )
    requested = [row for row in rows if row.status == Enrollment.Status.REQUESTED]
    waitlisted = sorted(
        (row for row in rows if row.status == Enrollment.Status.WAITLISTED),
        key=lambda row: (row.waitlisted_at, row.pk),
    )
    for row in requested:
        row.position = None
    for position, row in enumerate(waitlisted, start=1):
        row.position = position
    return requested + waitlisted


def roster(session: CourseSession) -> QuerySet[Enrollment]:
    """Who holds (or held) a seat: confirmed, completed and not completed, by name."""
    return (
        Enrollment.objects.filter(session=session, status__in=ROSTER)
        .select_related("participant", "participant__participant", "organization")
        .order_by("participant__last_name", "participant__first_name", "pk")
    )


@dataclass(frozen=True)
class BalanceRow:
    """One line of a balance table: how many confirmed, against a limit if there is one."""

    key: str
    label: str
    confirmed: int
    limit: int | None = None
    #: What the bar measures against: the limit if any, else the total of the table.
    scale: int = 0

    @property
    def percent(self) -> int:
        if not self.scale:
            return 0
        return min(100, round(100 * self.confirmed / self.scale))

    @property
    def step(self) -> int:
        """``percent`` rounded to a step of 5, for a CSS class such as ``bar--35``."""
        return min(100, 5 * round(self.percent / 5))

    @property
    def is_full(self) -> bool:
        return self.limit is not None and self.confirmed >= self.limit


@dataclass(frozen=True)
class SessionBalance:
    """The confirmed cohort of a session, by organization, kind, gender and region."""

    capacity: int
    confirmed: int
    requested: int
    waitlisted: int
    by_organization: list[BalanceRow]
    by_kind: list[BalanceRow]
    by_gender: list[BalanceRow]
    by_region: list[BalanceRow]

    @property
    def seats(self) -> BalanceRow:
        return BalanceRow(
            "seats", _("Seats"), self.confirmed, limit=self.capacity, scale=self.capacity
        )

    @property
    def free(self) -> int:
        return max(0, self.capacity - self.confirmed)


def session_balance(session: CourseSession) -> SessionBalance:
    """Balance figures of ``session``'s confirmed seats, in three queries."""
    statuses = {
        row["status"]: row["n"]
        for row in Enrollment.objects.filter(session=session)
        .order_by()
        .values("status")
        .annotate(n=Count("pk"))
    }
    confirmed_rows = list(
        Enrollment.objects.filter(session=session, status=Enrollment.Status.CONFIRMED)
        .order_by()
        .values(
            "organization_id",
            "organization__acronym",
            "organization__kind",
            "participant__participant__gender",
            "participant__participant__duty_station",
        )
        .annotate(n=Count("pk"))
    )
    quotas = list(SeatQuota.objects.filter(session=session).select_related("organization"))

    confirmed = sum(row["n"] for row in confirmed_rows)
    capacity = session.capacity

    organizations: dict[int, tuple[str, int]] = {}
    kinds: dict[str, int] = {}
    genders: dict[str, int] = {}
    regions: dict[str, int] = {}
    for row in confirmed_rows:
        acronym, count = organizations.get(
            row["organization_id"], (row["organization__acronym"], 0)
        )
        organizations[row["organization_id"]] = (acronym, count + row["n"])
        kinds[row["organization__kind"]] = kinds.get(row["organization__kind"], 0) + row["n"]
        gender = row["participant__participant__gender"] or NOT_GIVEN
        genders[gender] = genders.get(gender, 0) + row["n"]
        region = region_of(row["participant__participant__duty_station"])
        regions[region] = regions.get(region, 0) + row["n"]

    organization_quotas = {q.organization_id: q for q in quotas if q.organization_id}
    kind_quotas = {q.organization_kind: q.seats for q in quotas if q.organization_kind}
    for organization_id, quota in organization_quotas.items():
        organizations.setdefault(organization_id, (quota.organization.acronym, 0))

    by_organization = sorted(
        (
            BalanceRow(
                str(organization_id),
                acronym,
                count,
                limit=(
                    organization_quotas[organization_id].seats
                    if organization_id in organization_quotas
                    else None
                ),
                scale=(
                    organization_quotas[organization_id].seats
                    if organization_id in organization_quotas
                    else capacity
                ),
            )
            for organization_id, (acronym, count) in organizations.items()
        ),
        key=lambda row: (-row.confirmed, row.label),
    )
    by_kind = [
        BalanceRow(
            kind.value,
            kind.label,
            kinds.get(kind.value, 0),
            limit=kind_quotas.get(kind.value),
            scale=kind_quotas.get(kind.value, capacity),
        )
        for kind in Organization.Kind
        if kind.value in kinds or kind.value in kind_quotas
    ]
    gender_choices = [*Participant.Gender.choices, (NOT_GIVEN, _("Not given"))]
    by_gender = [
        BalanceRow(value, label, genders.get(value, 0), scale=confirmed)
        for value, label in gender_choices
    ]
    by_region = [
        BalanceRow(region.value, region.label, regions.get(region.value, 0), scale=confirmed)
        for region in Region
        if region != Region.OTHER or regions.get(region.value)
    ]
    return SessionBalance(
        capacity=capacity,
        confirmed=confirmed,
        requested=statuses.get(Enrollment.Status.REQUESTED, 0),
        waitlisted=statuses.get(Enrollment.Status.WAITLISTED, 0),
        by_organization=by_organization,
        by_kind=by_kind,
        by_gender=by_gender,
        by_region=by_region,
    )
