"""Reads that several screens share. For coordinators: which sessions a user runs, the
review queue of a session, its roster, and the balance of its confirmed cohort. For the
site: upcoming sessions with their seats, a person's learning, a focal point's view.

Each function runs a fixed number of queries, whatever the size of the cohort.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connections
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import (
    REVIEWABLE,
    ROSTER,
    ApplicationAnswer,
    CourseSession,
    Enrollment,
    SeatQuota,
)
from courses.regions import Region, region_of
from participants.models import Organization, Participant

NOT_GIVEN = "not_given"
#: Policies under which people ask for a place themselves (and may ask again).
SELF_SERVICE_POLICIES = (CourseSession.Policy.OPEN, CourseSession.Policy.APPROVAL)


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


def review_queue(session: CourseSession) -> QuerySet[Enrollment]:
    """Requested (nominated or not) and waitlisted enrollments, with their supervisor's
    clearance and the answers shown in the queue (prefetched: one more query for a
    page), as a queryset the queue filters (``applications.filter_queue``) and pages.

    Requested ones come first, oldest first; then the waitlist in its order. Each
    waitlisted enrollment gets ``position`` (1 for the first in line, counted over the
    whole waitlist, filtered or not), others ``None``.
    """
    waitlisted = Enrollment.Status.WAITLISTED
    ahead = (
        Enrollment.objects.filter(session=OuterRef("session"), status=waitlisted)
        .filter(
            Q(waitlisted_at__lt=OuterRef("waitlisted_at"))
            | Q(waitlisted_at=OuterRef("waitlisted_at"), pk__lte=OuterRef("pk"))
        )
        .order_by()
        .values("session")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Enrollment.objects.filter(session=session, status__in=REVIEWABLE)
        .select_related(
            "participant", "participant__participant", "organization", "nominated_by", "clearance"
        )
        .prefetch_related(
            # The answers shown as columns (``applications.with_answers``): one query.
            Prefetch(
                "answers",
                queryset=ApplicationAnswer.objects.filter(question__in_queue=True).select_related(
                    "question"
                ),
            )
        )
        .annotate(
            waitlisted_first=Case(
                When(status=waitlisted, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
            in_line_since=Case(
                When(status=waitlisted, then=F("waitlisted_at")), default=F("requested_at")
            ),
            position=Case(
                When(status=waitlisted, then=Subquery(ahead)),
                default=None,
                output_field=IntegerField(),
            ),
        )
        .order_by("waitlisted_first", "in_line_since", "pk")
    )


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


# ---------------------------------------------------------------------- the public site

LISTED = (
    CourseSession.Status.OPEN,
    CourseSession.Status.CLOSED,
    CourseSession.Status.IN_PROGRESS,
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
    def withdrawn(self) -> bool:
        return self.enrollment is not None and self.enrollment.status == Enrollment.Status.WITHDRAWN

    @property
    def action(self) -> str:
        """enrolled, enroll, waitlist, request, nominated, invited, closed. A person who withdrew
        is offered what a newcomer is (``withdrawn`` tells the page to say so)."""
        if self.enrollment is not None and not self.withdrawn:
            return "enrolled"
        if not self.can_enroll:
            return "closed"
        policy = self.session.policy
        if policy == CourseSession.Policy.NOMINATION:
            return "nominated"
        if policy == CourseSession.Policy.INVITATION:
            return "invited"
        if policy == CourseSession.Policy.APPROVAL:
            return "request"
        return "enroll" if self.seats_left else "waitlist"


def _upcoming_sql() -> tuple[str, list[str]]:
    """The statement ``upcoming_sessions`` runs for one course, written once: building and
    compiling its ORM form took a fifth of a course page's CPU on every request."""
    session, enrollment = CourseSession._meta, Enrollment._meta
    columns = [field.attname for field in session.concrete_fields]
    page_table = session.get_field("course").related_model._meta.get_parent_list()[-1]
    selected = ", ".join(f's."{column}"' for column in columns)
    # Only names from our models' metadata are formatted in; values are parameters.
    sql = (
        f"SELECT {selected}, "  # noqa: S608
        f'COUNT(e."id") FILTER (WHERE e."status" = %(confirmed)s), '
        f'COUNT(e."id") FILTER (WHERE e."status" = %(waitlisted)s) '
        f'FROM "{session.db_table}" s '
        f'LEFT OUTER JOIN "{enrollment.db_table}" e ON e."session_id" = s."id" '
        f'WHERE s."status" = ANY(%(listed)s) AND s."ends_on" >= %(today)s '
        f'AND s."course_id" IN (SELECT p."id" FROM "{page_table._meta.db_table}" p '
        f'WHERE p."translation_key" = %(translation_key)s) '
        f'GROUP BY s."id" ORDER BY s."starts_on", s."code"'
    )
    return sql, columns


_UPCOMING_SQL: tuple[str, list[str]] | None = None


def _upcoming_of_course(translation_key, today) -> list[CourseSession]:
    global _UPCOMING_SQL
    if _UPCOMING_SQL is None:
        _UPCOMING_SQL = _upcoming_sql()
    sql, columns = _UPCOMING_SQL
    params = {
        "confirmed": Enrollment.Status.CONFIRMED.value,
        "waitlisted": Enrollment.Status.WAITLISTED.value,
        "listed": [str(status) for status in LISTED],
        "today": today,
        "translation_key": translation_key,
    }
    db = CourseSession.objects.db
    with connections[db].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    width = len(columns)
    sessions = []
    for row in rows:
        session = CourseSession.from_db(db, columns, row[:width])
        session.confirmed_count, session.waitlisted_count = row[width:]
        sessions.append(session)
    return sessions


def upcoming_sessions(*, user, course=None, limit=None) -> list[SessionRow]:
    """Sessions not over yet (of ``course``, or of every course), soonest first.

    A session belongs to the course in every language: a translation of the course page
    lists the sessions of all the pages sharing its ``translation_key``. Two queries: the
    sessions with their seat counts, and the visitor's enrollments. Seats are read on
    every call, never cached: they change with every enrollment.
    """
    now = timezone.now()
    if course is not None and not limit:
        # The course page's statement, prepared once (``_upcoming_sql``); its sessions
        # come without their course (the page is the course).
        sessions = _upcoming_of_course(course.translation_key, timezone.localdate(now))
    else:
        sessions = with_seat_counts(
            CourseSession.objects.filter(status__in=LISTED, ends_on__gte=timezone.localdate(now))
            .select_related("course")
            .order_by("starts_on", "code")
        )
        if course is not None:
            sessions = sessions.filter(course__translation_key=course.translation_key)
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
            confirmed=s.confirmed_count,
            waitlisted=s.waitlisted_count,
            enrollment=mine.get(s.pk),
            can_enroll=s.enrollment_is_open(now),
        )
        for s in sessions
    ]


@dataclass(frozen=True)
class WithdrawalOutlook:
    """What withdrawing would do, for the confirmation page."""

    enrollment: Enrollment
    #: People on the session's waitlist now.
    waiting: int
    #: The person could enroll again (at the back of the line) after withdrawing.
    may_enroll_again: bool

    @property
    def session(self) -> CourseSession:
        return self.enrollment.session

    @property
    def seat_goes_to_waitlist(self) -> bool:
        return self.enrollment.status == Enrollment.Status.CONFIRMED and self.waiting > 0

    @property
    def behind(self) -> int:
        """For a waitlisted person: how many wait behind them (they move up one place)."""
        position = waitlist_position(self.enrollment)
        return self.waiting - position if position else 0


def course_of_session(code: str):
    """The course page of the session of ``code``, as the public sees sessions (a draft is
    not found: None)."""
    session = (
        CourseSession.objects.exclude(status=CourseSession.Status.DRAFT)
        .select_related("course")
        .filter(code=code)
        .first()
    )
    return session.course if session is not None else None


def withdrawal_outlook(enrollment: Enrollment, now=None) -> WithdrawalOutlook:
    """What happens to ``enrollment``'s seat, place in line or request if its person
    withdraws, and whether they could come back: one query (two for a waitlisted
    person, whose place in line is counted)."""
    now = now or timezone.now()
    session = enrollment.session
    waiting = Enrollment.objects.filter(
        session_id=session.pk, status=Enrollment.Status.WAITLISTED
    ).count()
    return WithdrawalOutlook(
        enrollment=enrollment,
        waiting=waiting,
        may_enroll_again=session.enrollment_is_open(now)
        and session.policy in SELF_SERVICE_POLICIES,
    )


def waitlist_position(enrollment: Enrollment) -> int | None:
    """1 for the first in line; None when not waitlisted."""
    if enrollment.status != Enrollment.Status.WAITLISTED:
        return None
    if (known := getattr(enrollment, "place_in_line", None)) is not None:
        return known
    ahead = Enrollment.objects.filter(
        session_id=enrollment.session_id, status=Enrollment.Status.WAITLISTED
    ).filter(
        Q(waitlisted_at__lt=enrollment.waitlisted_at)
        | Q(waitlisted_at=enrollment.waitlisted_at, pk__lt=enrollment.pk)
    )
    return ahead.count() + 1


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


# ---------------------------------------------------------------------- focal points


def focal_organizations(user) -> list:
    """The organizations ``user`` is a focal point of, by acronym: one query."""
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
