"""Reads behind the attendance and completion reports: one session's report, and the
figures across sessions grouped by course, organization, kind, gender or year.

The words of the reports, the same on every screen and in every export:

- the *roster*: enrollments that hold or held a seat (confirmed, completed, not
  completed); requests, waitlisted, rejected, withdrawn and cancelled enrollments are
  counted as *enrollments* only;
- a meeting is *held* once it has started; the *expected* attendances are the roster's
  people times the meetings held, and the *attendance rate* is the share of them where
  the person was present or late (late counts in full; excused absences and meetings
  left unmarked count as not attended here, whatever a session's completion rule does
  with them, so that rates compare across sessions);
- the *completion rate* is completed over decided (completed + not completed): sessions
  not evaluated yet do not lower it.

Each function runs a fixed number of queries whatever the number of sessions, people or
meetings; the cross-session figures are counted by the database (``GROUP BY`` with
conditional counts), never by looping over enrollments here, and kept per session by it
(``SessionFigures``, migration 0023), so that the report reads those rather than every
enrollment and mark.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Q, Sum, Value
from django.db.models.functions import Coalesce, ExtractYear, NullIf
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from cms.models import CoursePage
from cms.translations import source_courses
from courses.access import sessions_for
from courses.attendance.selectors import Figures, completion_figures
from courses.enrollment.selectors import NOT_GIVEN, roster
from courses.models import (
    ATTENDED,
    ROSTER,
    Attendance,
    CourseSession,
    Enrollment,
    Meeting,
    SessionFigures,
)
from participants.models import Organization, Participant

S = Attendance.Status
E = Enrollment.Status


def rate(part: int, whole: int) -> Decimal | None:
    """``part`` over ``whole`` in %, one decimal; None when there is nothing to divide."""
    if not whole:
        return None
    return (Decimal(100 * part) / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def gender_labels() -> dict[str, str]:
    return {**dict(Participant.Gender.choices), NOT_GIVEN: _("Not given")}


# ---------------------------------------------------------------------- one session


@dataclass(frozen=True)
class MeetingLine:
    """The marks of one meeting over the session's roster."""

    meeting: Meeting
    held: bool
    roster: int
    present: int = 0
    late: int = 0
    excused: int = 0
    absent: int = 0

    @property
    def attended(self) -> int:
        return self.present + self.late

    @property
    def unmarked(self) -> int:
        return max(0, self.roster - self.present - self.late - self.excused - self.absent)

    @property
    def rate(self) -> Decimal | None:
        """Present or late over the roster; None before the meeting is held."""
        return rate(self.attended, self.roster) if self.held else None


@dataclass(frozen=True)
class ParticipantLine:
    """One person on the roster: their marks at the meetings held, the rule's figures,
    and the decision taken."""

    enrollment: Enrollment
    figures: Figures
    held: int
    present: int = 0
    late: int = 0
    excused: int = 0
    absent: int = 0

    @property
    def unmarked(self) -> int:
        """Meetings held that nobody marked for this person."""
        return max(0, self.held - self.present - self.late - self.excused - self.absent)

    @property
    def absences(self) -> int:
        """Meetings held the person missed without an excuse (absent or not marked)."""
        return self.absent + self.unmarked

    @property
    def outcome(self) -> str:
        """completed, not_completed, or pending (not evaluated yet)."""
        if self.enrollment.status in (E.COMPLETED, E.NOT_COMPLETED):
            return self.enrollment.status
        return "pending"


@dataclass(frozen=True)
class CompletionGroup:
    """The completers of one organization, kind or gender, against its roster."""

    key: str
    label: str
    roster: int
    completed: int
    not_completed: int
    #: Completers of the whole session, for the group's share of them.
    all_completed: int

    @property
    def decided(self) -> int:
        return self.completed + self.not_completed

    @property
    def completion_rate(self) -> Decimal | None:
        return rate(self.completed, self.decided)

    @property
    def share_of_completers(self) -> Decimal | None:
        return rate(self.completed, self.all_completed)


@dataclass(frozen=True)
class SessionReport:
    session: CourseSession
    meetings: list[MeetingLine]
    participants: list[ParticipantLine]
    by_organization: list[CompletionGroup]
    by_kind: list[CompletionGroup]
    by_gender: list[CompletionGroup]

    @property
    def roster(self) -> int:
        return len(self.participants)

    @property
    def held(self) -> int:
        return sum(1 for line in self.meetings if line.held)

    @property
    def expected(self) -> int:
        return self.roster * self.held

    @property
    def attended(self) -> int:
        return sum(line.attended for line in self.meetings if line.held)

    @property
    def attendance_rate(self) -> Decimal | None:
        return rate(self.attended, self.expected)

    @property
    def completed(self) -> int:
        return sum(1 for line in self.participants if line.outcome == E.COMPLETED)

    @property
    def not_completed(self) -> int:
        return sum(1 for line in self.participants if line.outcome == E.NOT_COMPLETED)

    @property
    def pending(self) -> int:
        return self.roster - self.completed - self.not_completed

    @property
    def completion_rate(self) -> Decimal | None:
        return rate(self.completed, self.completed + self.not_completed)

    @property
    def evaluated(self) -> bool:
        return self.completed + self.not_completed > 0


def _completion_groups(lines: list[ParticipantLine], key_of, labels, order) -> list:
    counts: dict[str, list[int]] = {}
    for line in lines:
        roster_count, completed, not_completed = counts.setdefault(key_of(line), [0, 0, 0])
        counts[key_of(line)] = [
            roster_count + 1,
            completed + (line.outcome == E.COMPLETED),
            not_completed + (line.outcome == E.NOT_COMPLETED),
        ]
    all_completed = sum(c[1] for c in counts.values())
    groups = [
        CompletionGroup(key, labels.get(key, key), r, c, n, all_completed)
        for key, (r, c, n) in counts.items()
    ]
    return sorted(groups, key=order)


def session_report(session: CourseSession, now=None) -> SessionReport:
    """Everything the per-session report shows, in six queries whatever the size (seven
    when the session's rule requires modules): the meetings, the roster with profiles
    and organizations, the marks per person and per meeting (counted by the database),
    and the rule's figures (``completion_figures``)."""
    now = now or timezone.now()
    meetings = list(Meeting.objects.filter(session=session).numbered().order_by("starts_at", "pk"))
    enrollments = list(roster(session))
    marks = Attendance.objects.filter(
        meeting__session=session, enrollment__session=session, enrollment__status__in=ROSTER
    ).order_by()
    per_meeting: dict[int, dict[str, int]] = {m.pk: {} for m in meetings}
    for meeting_id, status, n in marks.values_list("meeting_id", "status").annotate(n=Count("pk")):
        per_meeting[meeting_id][status] = n
    per_person: dict[int, dict[str, int]] = {e.pk: {} for e in enrollments}
    for enrollment_id, status, n in (
        marks.filter(meeting__starts_at__lte=now)
        .values_list("enrollment_id", "status")
        .annotate(n=Count("pk"))
    ):
        per_person[enrollment_id][status] = n
    figures = completion_figures(session, enrollments)
    held = sum(1 for m in meetings if m.starts_at <= now)
    meeting_lines = [
        MeetingLine(
            meeting=m,
            held=m.starts_at <= now,
            roster=len(enrollments),
            **{status: per_meeting[m.pk].get(status, 0) for status in S.values},
        )
        for m in meetings
    ]
    people = [
        ParticipantLine(
            enrollment=e,
            figures=figures[e.pk],
            held=held,
            **{status: per_person[e.pk].get(status, 0) for status in S.values},
        )
        for e in enrollments
    ]
    organizations = {e.organization_id: e.organization for e in enrollments}
    kinds = dict(Organization.Kind.choices)
    kind_order = list(kinds)
    genders = gender_labels()
    gender_order = list(genders)

    def gender_of(line):
        profile = getattr(line.enrollment.participant, "participant", None)
        return (profile.gender if profile else "") or NOT_GIVEN

    return SessionReport(
        session=session,
        meetings=meeting_lines,
        participants=people,
        by_organization=_completion_groups(
            people,
            lambda line: str(line.enrollment.organization_id),
            {str(pk): org.acronym for pk, org in organizations.items()},
            lambda g: (-g.completed, -g.roster, g.label),
        ),
        by_kind=_completion_groups(
            people,
            lambda line: line.enrollment.organization.kind,
            kinds,
            lambda g: kind_order.index(g.key) if g.key in kind_order else len(kind_order),
        ),
        by_gender=_completion_groups(
            people, gender_of, genders, lambda g: gender_order.index(g.key)
        ),
    )


def chooser_courses(user):
    """The courses of the sessions ``user`` may see (every course for a superuser)."""
    return CoursePage.objects.filter(pk__in=sessions_for(user).values("course_id"))


def courses_titled(user, text: str, *, limit: int) -> list[tuple[int, str]]:
    """(pk, title) of up to ``limit`` of ``user``'s courses whose title has ``text`` in
    it, accents and case aside, by title: what the report's course chooser offers."""
    courses = chooser_courses(user).order_by("title", "pk")
    if text:
        courses = courses.filter(title__unaccent__icontains=text)
    return list(courses.values_list("pk", "title")[:limit])


# ---------------------------------------------------------------------- across sessions


def _course_titles(keys) -> dict:
    """{translation key: the course's title}, by its source page (or, for a course whose
    source is gone, any of its pages)."""
    titles = {}
    pages = (
        CoursePage.objects.filter(translation_key__in=keys)
        .annotate(is_source=Exists(source_courses().filter(pk=OuterRef("pk"))))
        .order_by("-is_source", "pk")
        .values_list("translation_key", "title")
    )
    for key, title in pages:
        titles.setdefault(key, title)
    return titles


def _organization_names(keys) -> dict:
    return dict(Organization.objects.filter(pk__in=keys).values_list("pk", "name"))


def _choices(choices) -> Callable:
    return lambda keys: dict(choices())


@dataclass(frozen=True)
class Grouping:
    """How the cross-session figures are grouped: an expression for the key relative to
    an enrollment at a prefix, and how keys become labels."""

    name: str
    verbose_name: str
    key: Callable[[str], object]
    #: The labels of the keys found (one small query for courses and organizations, so
    #: that the big ``GROUP BY`` sorts narrow rows); kinds and genders keep this order.
    labels: Callable[[list], dict] | None = None
    ordered: bool = False
    #: Whether a session can fall in several groups (then the total of sessions is
    #: counted apart rather than summed over the rows).
    splits_sessions: bool = False
    #: The key on ``SessionFigures`` when it differs from ``key("")``.
    figures_key: Callable[[], object] | None = None

    def key_of_figures(self):
        return self.figures_key() if self.figures_key else self.key("")


def _path(prefix: str, path: str) -> str:
    return f"{prefix}{path}"


GROUPINGS: dict[str, Grouping] = {
    grouping.name: grouping
    for grouping in [
        Grouping(
            "course",
            _("Course"),
            # A course in every language is one course: sessions of its translations
            # (made before sessions had to point at the source page) count with it.
            key=lambda p: F(_path(p, "session__course__translation_key")),
            labels=_course_titles,
        ),
        Grouping(
            "organization",
            _("Organization"),
            key=lambda p: F(_path(p, "organization_id")),
            labels=_organization_names,
            splits_sessions=True,
        ),
        Grouping(
            "kind",
            _("Kind of organization"),
            key=lambda p: F(_path(p, "organization__kind")),
            labels=_choices(lambda: Organization.Kind.choices),
            ordered=True,
            splits_sessions=True,
        ),
        Grouping(
            "gender",
            _("Gender"),
            key=lambda p: Coalesce(
                NullIf(F(_path(p, "participant__participant__gender")), Value("")),
                Value(NOT_GIVEN),
            ),
            labels=_choices(lambda: gender_labels().items()),
            ordered=True,
            splits_sessions=True,
            figures_key=lambda: F("gender"),
        ),
        Grouping(
            "year",
            _("Year"),
            key=lambda p: ExtractYear(_path(p, "session__starts_on")),
        ),
    ]
}


@dataclass
class SummaryRow:
    """The figures of one group of enrollments across the sessions of the report."""

    key: object
    label: str
    sessions: int = 0
    enrollments: int = 0
    roster: int = 0
    completed: int = 0
    not_completed: int = 0
    #: The roster's people times the meetings held of their session.
    expected: int = 0
    attended: int = 0
    excused: int = 0
    #: Natural order of the grouping (kinds and genders in their declared order).
    position: int = 0

    @property
    def decided(self) -> int:
        return self.completed + self.not_completed

    @property
    def attendance_rate(self) -> Decimal | None:
        return rate(self.attended, self.expected)

    @property
    def completion_rate(self) -> Decimal | None:
        return rate(self.completed, self.decided)


def _scope(
    prefix: str,
    *,
    user,
    starts_from=None,
    starts_until=None,
    course=None,
    organization=None,
) -> Q:
    """The filters of the report, for a query whose enrollment is at ``prefix``."""
    q = Q()
    if not user.is_superuser:
        q &= Q(**{_path(prefix, "session__in"): sessions_for(user).values("pk")})
    if starts_from:
        q &= Q(**{_path(prefix, "session__starts_on__gte"): starts_from})
    if starts_until:
        q &= Q(**{_path(prefix, "session__starts_on__lte"): starts_until})
    if course:
        q &= Q(
            **{
                _path(prefix, "session__course__translation_key__in"): CoursePage.objects.filter(
                    pk=getattr(course, "pk", course)
                ).values("translation_key")
            }
        )
    if organization:
        q &= Q(**{_path(prefix, "organization"): organization})
    return q


def attendance_summary(
    *,
    user,
    by: str = "course",
    starts_from=None,
    starts_until=None,
    course=None,
    organization=None,
    ordering: str = "position",
    now=None,
) -> Summary:
    """Enrollments, attendance and completion of the sessions ``user`` may see (all for
    a superuser, else those they coordinate), grouped ``by`` one of ``GROUPINGS`` and
    filtered by the first day of the session (``starts_from`` … ``starts_until``,
    inclusive), a course and an organization.

    The rows (``SummaryRows``) are read lazily, a page at a time, ``ordering`` one of
    ``SORTABLE`` or "position" (the grouping's natural order): one statement per page
    sums ``SessionFigures`` (per session, organization and gender: the enrollments by
    status, the expected attendances, roster times meetings held, and the marks present,
    late and excused at meetings held) by the group's key, labels, sorts and cuts in
    PostgreSQL, with the number of groups and the totals (every enrollment is in exactly
    one group) as window sums. Before the first page, one statement brings the figures
    up to date (``refresh_figures``: a no-op when nothing changed). One more query
    counts the sessions of the total when a session spans several groups (by
    organization, kind or gender): three queries at most, whatever the number of
    sessions or groups.

    Given ``now``, the figures are counted from the enrollments and marks as of that
    moment instead (``_from_scratch``: the kept figures hold for the present only).
    """
    grouping = GROUPINGS[by]
    filters = {
        "user": user,
        "starts_from": starts_from,
        "starts_until": starts_until,
        "course": course,
        "organization": organization,
    }
    if now is None:
        merged = _from_figures(grouping, filters)
        session_count = lambda: _figures_session_count(filters)  # noqa: E731
    else:
        merged = _from_scratch(grouping, filters, now)
        session_count = lambda: _session_count(filters)  # noqa: E731
    rows = SummaryRows(
        grouping=grouping,
        merged=merged,
        ordering=ordering,
        session_count=session_count if grouping.splits_sessions else None,
        refresh=now is None,
    )
    return Summary(grouping=grouping, rows=rows)


def _from_figures(grouping: Grouping, filters: dict) -> tuple[str, list]:
    """The figures of every group, summed over ``SessionFigures``: by course or year, a
    row per session (10,000 rows, not 300,000 enrollments and 1.3 million marks); by
    organization, kind or gender, a row per session, organization and gender."""
    # A session's total row serves a grouping by course or year; one by organization,
    # kind or gender, or filtered by organization, sums the rows per organization and
    # gender.
    detailed = grouping.splits_sessions or bool(filters["organization"])
    figures = (
        SessionFigures.objects.filter(_scope("", **filters), organization__isnull=not detailed)
        .order_by()
        .values(group=grouping.key_of_figures())
        .annotate(
            sessions=Count("session", distinct=True),
            **{name: Sum(name) for name in SUMMED[1:]},
        )
    )
    sql, params = figures.query.sql_with_params()
    columns = ", ".join(f"f.{name}" for name in SUMMED)
    return f'SELECT f."group" AS key, {columns} FROM ({sql}) f', list(params)  # noqa: S608


def _from_scratch(grouping: Grouping, filters: dict, now) -> tuple[str, list]:
    """The figures of every group counted from the enrollments and marks, as of ``now``
    (a report of a past or future moment, which the figures kept for the present cannot
    give; and the tests' check of those figures)."""
    on_roster = Q(status__in=ROSTER)
    counted = (
        Enrollment.objects.filter(_scope("", **filters))
        .order_by()
        .values(group=grouping.key(""))
        .annotate(
            sessions=Count("session", distinct=True),
            enrollments=Count("pk"),
            roster=Count("pk", filter=on_roster),
            completed=Count("pk", filter=Q(status=E.COMPLETED)),
            not_completed=Count("pk", filter=Q(status=E.NOT_COMPLETED)),
        )
    )
    expected = (
        Enrollment.objects.filter(on_roster, _scope("", **filters))
        .order_by()
        .values(group=grouping.key(""))
        .annotate(
            expected=Count("session__meetings", filter=Q(session__meetings__starts_at__lte=now))
        )
    )
    # The marks of the roster at every meeting, then those at meetings not held yet, to
    # take away: joining every mark to its meeting to test its date costs more than the
    # rest of the report, while marks ahead of a meeting are few (excused in advance).
    marks = Attendance.objects.filter(
        _scope("enrollment__", **filters),
        enrollment__status__in=ROSTER,
        status__in=[*ATTENDED, S.EXCUSED],
    ).order_by()
    counts = {
        "attended": Count("pk", filter=Q(status__in=ATTENDED)),
        "excused": Count("pk", filter=Q(status=S.EXCUSED)),
    }
    all_marks = marks.values(group=grouping.key("enrollment__")).annotate(**counts)
    ahead = (
        marks.filter(meeting__in=Meeting.objects.filter(starts_at__gt=now).values("pk"))
        .values(group=grouping.key("enrollment__"))
        .annotate(**counts)
    )
    sql_parts, params = {}, []
    for name, query in zip(
        ("counted", "expected", "all_marks", "ahead"),
        (counted, expected, all_marks, ahead),
        strict=True,
    ):
        sql_parts[name], part_params = query.query.sql_with_params()
        params.extend(part_params)
    return FROM_SCRATCH_SQL.format(**sql_parts), params


# The figures of every group counted from scratch: the four grouped counts of
# ``_from_scratch`` merged by key.
FROM_SCRATCH_SQL = """
WITH counted AS ({counted}), expected AS ({expected}), all_marks AS ({all_marks}),
ahead AS ({ahead})
    -- One UNION ALL of the four parts grouped again by key (GROUP BY takes NULL keys as
    -- one group), rather than joins on "IS NOT DISTINCT FROM", which PostgreSQL can
    -- only run as nested loops: 5,000 groups made 75 million comparisons. Every group
    -- of the other parts is among the enrollments counted (same filters, fewer rows).
    SELECT key, sum(sessions)::bigint AS sessions, sum(enrollments)::bigint AS enrollments,
        sum(roster)::bigint AS roster, sum(completed)::bigint AS completed,
        sum(not_completed)::bigint AS not_completed, sum(expected)::bigint AS expected,
        sum(attended)::bigint AS attended, sum(excused)::bigint AS excused
    FROM (
        SELECT c."group" AS key, c.sessions, c.enrollments, c.roster, c.completed,
            c.not_completed, 0 AS expected, 0 AS attended, 0 AS excused
        FROM counted c
        UNION ALL
        SELECT e."group", 0, 0, 0, 0, 0, e.expected, 0, 0 FROM expected e
        UNION ALL
        SELECT m."group", 0, 0, 0, 0, 0, 0, m.attended, m.excused FROM all_marks m
        UNION ALL
        SELECT a."group", 0, 0, 0, 0, 0, 0, -a.attended, -a.excused FROM ahead a
    ) parts
    GROUP BY key
"""

# The figures of every group (``merged``: from ``SessionFigures`` or from scratch),
# labelled, sorted and cut to one page by PostgreSQL; the totals of all groups come with
# every row (window sums). A page of 50 groups among 5,000 does not build, label and
# sort the 5,000 in Python.
SUMMARY_SQL = """
WITH merged AS ({merged}), labelled AS (
    SELECT merged.*, {label} AS label, {position} AS position,
        attended::numeric / NULLIF(expected, 0) AS attendance_rate,
        completed::numeric / NULLIF(completed + not_completed, 0) AS completion_rate
    FROM merged {label_join}
)
SELECT key, label, position, sessions, enrollments, roster, completed, not_completed,
    expected, attended, excused,
    count(*) OVER (), sum(sessions) OVER (), sum(enrollments) OVER (), sum(roster) OVER (),
    sum(completed) OVER (), sum(not_completed) OVER (), sum(expected) OVER (),
    sum(attended) OVER (), sum(excused) OVER ()
FROM labelled
ORDER BY {order}
LIMIT %s OFFSET %s
"""
SUMMED = ("sessions", "enrollments", "roster", "completed", "not_completed")
SUMMED += ("expected", "attended", "excused")
# The orderings a report can ask for (``-`` in front: descending); ties in the natural
# order of the grouping, then by label. Empty rates sort last either way.
SORTABLE = {"label", "sessions", "enrollments", "roster", "completed"}
SORTABLE |= {"attendance_rate", "completion_rate"}


class SummaryRows:
    """The rows of a summary, read from the database a page at a time: ``len()``, a slice
    (what Django's paginator takes) and iteration (every row, for an export). The page
    the caller ``expect``s is read with the number of rows and the totals in one query.
    """

    def __init__(self, *, grouping, merged, ordering, session_count, refresh):
        self.grouping = grouping
        self.merged = merged
        #: Whether ``SessionFigures`` are read (then brought up to date first).
        self.refresh = refresh
        self.ordering = ordering if ordering.lstrip("-") in SORTABLE else "position"
        self.session_count = session_count
        self.expected_page = (0, None)
        self.pages: dict[tuple, list[SummaryRow]] = {}
        self.count: int | None = None
        self.total: SummaryRow | None = None

    def expect(self, offset: int, limit: int | None) -> None:
        """The page that will be asked for: read with the count, in one query."""
        self.expected_page = (offset, limit)

    def _sql(self):
        grouping = self.grouping
        merged, params = self.merged
        label_params: list = []
        label_join = ""
        if grouping.name == "course":
            # The title is a column of Wagtail's page table (the course's parent model).
            table = connection.ops.quote_name(
                CoursePage._meta.get_field("title").model._meta.db_table
            )
            sessions = connection.ops.quote_name(CourseSession._meta.db_table)
            # The key is the course's translation key: its title is the source page's,
            # the page sessions point at (any of its pages if none does any more).
            # One join for every group, the pages pointed at found in one hashed set, not
            # a look-up per group (5,000 courses made 5,000 of them).
            label_join = (
                "LEFT JOIN (SELECT DISTINCT ON (p.translation_key) p.translation_key, p.title "  # noqa: S608 -- names ours
                f"FROM {table} p WHERE p.translation_key IN (SELECT key FROM merged) "
                "ORDER BY p.translation_key, "
                f"p.id IN (SELECT s.course_id FROM {sessions} s WHERE s.course_id IS NOT NULL) "
                "DESC, p.alias_of_id IS NOT NULL, p.id) titles "
                "ON titles.translation_key = merged.key"
            )
            label = "titles.title"
            position = "0"
        elif grouping.name == "organization":
            table = connection.ops.quote_name(Organization._meta.db_table)
            label = f"(SELECT name FROM {table} WHERE id = merged.key)"  # noqa: S608 -- names ours
            position = "0"
        elif grouping.labels:
            labels = grouping.labels([])
            whens = " ".join("WHEN %s THEN %s" for _label in labels)
            label = f"(CASE merged.key::text {whens} ELSE merged.key::text END)"
            for key, text in labels.items():
                label_params += [str(key), str(text)]
            position = f"(CASE merged.key::text {whens} ELSE %s END)"
            for index, key in enumerate(labels):
                label_params += [str(key), index]
            label_params.append(len(labels))
        else:
            label, position = "merged.key::text", "0"
        name = self.ordering.lstrip("-")
        direction = "DESC" if self.ordering.startswith("-") else "ASC"
        natural = "position, lower(label), key::text"
        if name == "position":
            order = natural
        elif name == "label":
            order = f"lower(label) {direction}, position, key::text"
        else:
            order = f"{name} {direction} NULLS LAST, {natural}"
        sql = SUMMARY_SQL.format(
            merged=merged, label=label, label_join=label_join, position=position, order=order
        )
        return sql, [*params, *label_params]

    def _read(self, offset: int, limit: int | None) -> list[SummaryRow]:
        if (offset, limit) in self.pages:
            return self.pages[(offset, limit)]
        sql, params = self._sql()
        with connection.cursor() as cursor:
            if self.refresh:
                refresh_figures(cursor)
                self.refresh = False
            cursor.execute(sql, [*params, limit, offset])
            fetched = cursor.fetchall()
        rows = []
        for line in fetched:
            key, label, position, *figures = line[:11]
            rows.append(
                SummaryRow(
                    key=key,
                    label=str(label if label is not None else key),
                    position=position,
                    **dict(zip(SUMMED, figures, strict=True)),
                )
            )
        if fetched:
            self.count = fetched[0][11]
            self.total = SummaryRow(
                key="",
                label=str(_("All")),
                **{name: int(value) for name, value in zip(SUMMED, fetched[0][12:], strict=True)},
            )
        elif offset == 0:
            self.count = 0
            self.total = SummaryRow(key="", label=str(_("All")))
        self.pages[(offset, limit)] = rows
        return rows

    def _ensure_count(self):
        if self.count is None:
            self._read(*self.expected_page)
            if self.count is None:  # the page expected was past the end
                self._read(0, 1)

    def __len__(self) -> int:
        self._ensure_count()
        return self.count

    def __getitem__(self, index):
        if isinstance(index, slice):
            start = index.start or 0
            limit = None if index.stop is None else max(0, index.stop - start)
            return self._read(start, limit)
        return self._read(index, 1)[0]

    def __iter__(self):
        return iter(self._read(0, None))


class Summary:
    def __init__(self, grouping: Grouping, rows: SummaryRows):
        self.grouping = grouping
        self.rows = rows

    @cached_property
    def total(self) -> SummaryRow:
        rows = self.rows
        rows._ensure_count()
        total = rows.total
        if rows.session_count is not None:
            total.sessions = rows.session_count()
        return total


def refresh_figures(cursor=None) -> int:
    """Bring ``SessionFigures`` up to date: recount the sessions flagged stale and those
    where a meeting has started since (migration 0023); one statement, writing nothing
    when nothing changed. Returns the number of sessions recounted."""
    if cursor is None:
        with connection.cursor() as cursor:
            return refresh_figures(cursor)
    cursor.execute("SELECT concord_refresh_session_figures()")
    return cursor.fetchone()[0]


def _figures_session_count(filters) -> int:
    """Sessions with at least one enrollment among the filtered ones (read after the
    rows, so from figures already brought up to date)."""
    return (
        SessionFigures.objects.filter(_scope("", **filters), organization__isnull=False)
        .order_by()
        .values("session")
        .distinct()
        .count()
    )


def _session_count(filters) -> int:
    """Sessions with at least one enrollment among the filtered ones (a session appears
    in several groups when grouped by organization, kind or gender)."""
    return (
        Enrollment.objects.filter(_scope("", **filters))
        .order_by()
        .values("session")
        .distinct()
        .count()
    )
