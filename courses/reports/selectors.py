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
conditional counts), never by looping over enrollments here, and kept per session and
per group by it (``SessionFigures``, ``GroupFigures``, migrations 0023 and 0026), so that
the report reads those rather than every enrollment and mark. Nothing here writes: the
beat brings the kept figures up to date (``courses.reports.services``), and the report
counts the sessions changed since then itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Q, Value
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
    #: The key's column on ``SessionFigures`` (and on what
    #: ``concord_live_session_figures`` returns), and its SQL type (``GroupFigures``
    #: keeps keys as text).
    column: str = ""
    sql_type: str = "text"


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
            column="course_key",
            sql_type="uuid",
        ),
        Grouping(
            "organization",
            _("Organization"),
            key=lambda p: F(_path(p, "organization_id")),
            labels=_organization_names,
            splits_sessions=True,
            column="organization_id",
            sql_type="bigint",
        ),
        Grouping(
            "kind",
            _("Kind of organization"),
            key=lambda p: F(_path(p, "organization__kind")),
            labels=_choices(lambda: Organization.Kind.choices),
            ordered=True,
            splits_sessions=True,
            column="kind",
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
            column="gender",
        ),
        Grouping(
            "year",
            _("Year"),
            key=lambda p: ExtractYear(_path(p, "session__starts_on")),
            column="year",
            sql_type="integer",
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
    ``SORTABLE`` or "position" (the grouping's natural order), each page with the
    number of groups and the totals in one statement, whatever the number of sessions
    or groups. Where the figures come from (the database keeps them, migrations 0023
    and 0026; nothing here writes):

    - every session, unfiltered (a superuser's first look): ``GroupFigures``, a row per
      group, and by course in title order only the page's rows by the title index
      (``_GroupSource``);
    - filtered, or a coordinator's sessions: ``SessionFigures`` of the sessions in
      scope, summed by the group's key (``_SessionSource``);

    either way with the sessions still flagged stale (or whose next meeting has started)
    counted from their enrollments and marks in the same statement
    (``concord_live_session_figures``) instead of their kept rows: the figures are exact
    whether or not the beat's refresh (``courses.reports.services.refresh_figures``) has
    run since the last change.

    Given ``now``, the figures are counted from the enrollments and marks as of that
    moment instead (``_ScratchSource``: the kept figures hold for the present only; and
    the tests' check of them), with one more query for the sessions of the total when a
    session spans several groups (by organization, kind or gender).
    """
    grouping = GROUPINGS[by]
    filters = {
        "user": user,
        "starts_from": starts_from,
        "starts_until": starts_until,
        "course": course,
        "organization": organization,
    }
    if now is not None:
        source = _ScratchSource(grouping, filters, now)
    elif user.is_superuser and not (starts_from or starts_until or course or organization):
        source = _GroupSource(grouping)
    else:
        source = _SessionSource(grouping, filters)
    return Summary(grouping=grouping, rows=SummaryRows(source=source, ordering=ordering))


SUMMED = ("sessions", "enrollments", "roster", "completed", "not_completed")
SUMMED += ("expected", "attended", "excused")
#: What ``SessionFigures`` and ``GroupFigures`` hold besides the sessions.
COUNTED = SUMMED[1:]
# The orderings a report can ask for (``-`` in front: descending); ties in the natural
# order of the grouping, then by label. Empty rates sort last either way.
SORTABLE = {"label", "sessions", "enrollments", "roster", "completed"}
SORTABLE |= {"attendance_rate", "completion_rate"}


def _columns(template: str) -> str:
    """``template`` (with ``{c}``) for each of ``COUNTED``, comma-separated."""
    return ", ".join(template.format(c=name) for name in COUNTED)


# The sessions whose kept figures are not to be read: flagged by a trigger and not
# recounted yet, or with a meeting started since they were counted. The statement's
# time, not the transaction's (``now()``): a request run in one transaction would take a
# meeting started since it began for one not held.
STALE_CTE = """stale AS MATERIALIZED (
    SELECT session_id FROM courses_stalesessionfigures
    UNION SELECT session_id FROM courses_sessionfigures WHERE valid_until <= statement_timestamp()
)"""


def _label_sql(grouping: Grouping) -> tuple[str, str, str, list]:
    """The label and natural position of a row of ``merged`` (key as text, and the
    stored label of a course when read from ``GroupFigures``), the join that names
    courses, and their parameters."""
    params: list = []
    join = ""
    if grouping.name == "course":
        # Courses not named yet (all of them but those of ``GroupFigures``) by one call
        # over their keys: the source page's title (``concord_course_titles``).
        join = (
            "LEFT JOIN (SELECT * FROM concord_course_titles(ARRAY(SELECT m.key::uuid "
            "FROM merged m WHERE m.stored_label IS NULL)) "
            "WHERE EXISTS (SELECT 1 FROM merged m WHERE m.stored_label IS NULL)) titles "
            "ON titles.translation_key::text = merged.key"
        )
        label, position = "coalesce(merged.stored_label, titles.title)", "0"
    elif grouping.name == "organization":
        table = connection.ops.quote_name(Organization._meta.db_table)
        label = f"(SELECT name FROM {table} WHERE id = merged.key::bigint)"  # noqa: S608 -- names ours
        position = "0"
    elif grouping.labels:
        labels = grouping.labels([])
        whens = " ".join("WHEN %s THEN %s" for _label in labels)
        label = f"(CASE merged.key {whens} ELSE merged.key END)"
        for key, text in labels.items():
            params += [str(key), str(text)]
        position = f"(CASE merged.key {whens} ELSE %s END)"
        for index, key in enumerate(labels):
            params += [str(key), index]
        params.append(len(labels))
    else:
        label, position = "merged.key", "0"
    return label, position, join, params


def _order_sql(ordering: str) -> str:
    name = ordering.lstrip("-")
    direction = "DESC" if ordering.startswith("-") else "ASC"
    natural = "labelled.position, lower(labelled.label), labelled.key"
    if name == "position":
        return natural
    if name == "label":
        return f"lower(labelled.label) {direction}, labelled.position, labelled.key"
    return f"labelled.{name} {direction} NULLS LAST, {natural}"


# The page: the figures of every group (CTE ``merged``, keys as text), labelled, sorted
# and cut by PostgreSQL, with the number of groups and the totals (``{count}``,
# ``{totals}``: window sums over the groups, or read from ``GroupFigures``).
SUMMARY_SQL = """
WITH {ctes}, labelled AS (
    SELECT merged.*, {label} AS label, {position} AS position,
        attended::numeric / NULLIF(expected, 0) AS attendance_rate,
        completed::numeric / NULLIF(completed + not_completed, 0) AS completion_rate
    FROM merged {label_join}
)
SELECT labelled.key::{key_type}, labelled.label, labelled.position, labelled.sessions,
    labelled.enrollments, labelled.roster, labelled.completed, labelled.not_completed,
    labelled.expected, labelled.attended, labelled.excused, {count}, {totals}
FROM labelled {extra_from}
ORDER BY {order}
LIMIT %s OFFSET %s
"""
WINDOW_TOTALS = ", ".join(f"sum({name}) OVER ()" for name in COUNTED)


class _GroupSource:
    """Every session, unfiltered: ``GroupFigures`` (a row per group, and ``all``), with
    the stale sessions' kept rows taken out and their live figures put in, key by key
    (``changed``); the other groups are read as kept (``kept``). By course in title
    order (the natural one), ``kept`` is cut to the rows up to the page's end by the
    title index: 50 rows read, not one per course. The number of groups and the totals
    come from the kept rows and ``all``, corrected the same way."""

    def __init__(self, grouping: Grouping):
        self.grouping = grouping
        self.session_count = None

    def statement(self, ordering: str, offset: int, limit: int | None) -> tuple[str, list]:
        grouping = self.grouping
        column = grouping.column
        name = grouping.name  # one of GROUPINGS: a literal of ours
        head = ""
        if name == "course" and ordering in ("position", "label") and limit is not None:
            head = f"ORDER BY lower(g.label), g.key LIMIT {int(offset) + int(limit)}"
        ctes = f"""{STALE_CTE},
changes AS MATERIALIZED (
    SELECT f.{column}::text AS key, f.session_id, -1 AS sign, {_columns("f.{c}")}
      FROM courses_sessionfigures f
     WHERE f.session_id IN (SELECT session_id FROM stale) AND f.organization_id IS NOT NULL
    UNION ALL
    SELECT l.{column}::text, l.session_id, 1, {_columns("l.{c}")}
      FROM concord_live_session_figures(
          ARRAY(SELECT session_id FROM stale), statement_timestamp()) l
     -- Not called at all when nothing is stale (a function's plan costs milliseconds).
     WHERE EXISTS (SELECT 1 FROM stale)
), delta AS MATERIALIZED (
    SELECT key, count(DISTINCT session_id) FILTER (WHERE sign = 1)
        - count(DISTINCT session_id) FILTER (WHERE sign = -1) AS sessions,
        {_columns("sum(sign * {c})::bigint AS {c}")}
      FROM changes GROUP BY key
), changed AS MATERIALIZED (
    SELECT d.key, NULL::text AS stored_label, coalesce(g.sessions, 0) + d.sessions AS sessions,
        {_columns("coalesce(g.{c}, 0) + d.{c} AS {c}")}
      FROM delta d LEFT JOIN courses_groupfigures g ON g.grouping = '{name}' AND g.key = d.key
), kept AS (
    SELECT g.key::text, g.label AS stored_label, g.sessions, {_columns("g.{c}")}
      FROM courses_groupfigures g
     WHERE g.grouping = '{name}' AND g.key NOT IN (SELECT key FROM delta)
     {head}
), merged AS (
    SELECT * FROM kept UNION ALL SELECT * FROM changed WHERE sessions > 0
), total AS (
    SELECT coalesce(a.sessions, 0) + t.sessions AS sessions,
        {_columns("coalesce(a.{c}, 0) + t.{c} AS {c}")}
      FROM (
        SELECT count(DISTINCT session_id) FILTER (WHERE sign = 1)
            - count(DISTINCT session_id) FILTER (WHERE sign = -1) AS sessions,
            {_columns("coalesce(sum(sign * {c}), 0)::bigint AS {c}")}
          FROM changes
      ) t
      LEFT JOIN courses_groupfigures a ON a.grouping = 'all' AND a.key = ''
), groups AS (
    SELECT (SELECT count(*) FROM courses_groupfigures g
             WHERE g.grouping = '{name}' AND g.key NOT IN (SELECT key FROM delta))
         + (SELECT count(*) FROM changed WHERE sessions > 0) AS n
)"""  # noqa: S608 -- names and numbers ours
        label, position, label_join, label_params = _label_sql(grouping)
        sql = SUMMARY_SQL.format(
            ctes=ctes,
            label=label,
            position=position,
            label_join=label_join,
            key_type=grouping.sql_type,
            count="groups.n",
            totals="total.sessions, " + _columns("total.{c}"),
            extra_from="CROSS JOIN total CROSS JOIN groups",
            order=_order_sql(ordering),
        )
        return sql, [*label_params, limit, offset]


class _SessionSource:
    """The sessions in the filters' scope: their ``SessionFigures`` (a row per session
    by course or year, per session, organization and gender otherwise or when filtered
    by organization), the stale ones counted live instead, summed by the group's key."""

    def __init__(self, grouping: Grouping, filters: dict):
        self.grouping = grouping
        self.filters = filters
        self.session_count = None

    def statement(self, ordering: str, offset: int, limit: int | None) -> tuple[str, list]:
        grouping = self.grouping
        column = grouping.column
        organization = self.filters["organization"]
        detailed = grouping.splits_sessions or bool(organization)
        scope, scope_params = "", []
        sessions = _session_scope(**self.filters)
        if sessions is not None:
            scope, scope_params = sessions.query.sql_with_params()
        kept_where, live_where, params = "", "", []
        if scope:
            kept_where += f" AND f.session_id IN ({scope})"
            params += scope_params
        if organization:
            kept_where += " AND f.organization_id = %s"
            params.append(getattr(organization, "pk", organization))
        live_scope = f" WHERE session_id IN ({scope})" if scope else ""
        params += scope_params
        if organization:
            live_where = " AND l.organization_id = %s"
            params.append(getattr(organization, "pk", organization))
        ctes = f"""{STALE_CTE},
rows AS MATERIALIZED (
    SELECT f.{column}::text AS key, f.session_id, {_columns("f.{c}")}
      FROM courses_sessionfigures f
     WHERE f.organization_id IS {"NOT NULL" if detailed else "NULL"}{kept_where}
       AND f.session_id NOT IN (SELECT session_id FROM stale)
    UNION ALL
    SELECT l.{column}::text, l.session_id, {_columns("l.{c}")}
      FROM concord_live_session_figures(
          ARRAY(SELECT session_id FROM stale{live_scope}), statement_timestamp()) l
     WHERE EXISTS (SELECT 1 FROM stale){live_where}
), merged AS (
    SELECT key, NULL::text AS stored_label, count(DISTINCT session_id) AS sessions,
        {_columns("sum({c})::bigint AS {c}")}
      FROM rows GROUP BY key
)"""  # noqa: S608 -- names ours, values as parameters
        label, position, label_join, label_params = _label_sql(grouping)
        sql = SUMMARY_SQL.format(
            ctes=ctes,
            label=label,
            position=position,
            label_join=label_join,
            key_type=grouping.sql_type,
            count="count(*) OVER ()",
            totals="(SELECT count(DISTINCT session_id) FROM rows), " + WINDOW_TOTALS,  # noqa: S608 -- names ours
            extra_from="",
            order=_order_sql(ordering),
        )
        return sql, [*params, *label_params, limit, offset]


class _ScratchSource:
    """Counted from the enrollments and marks as of ``now`` (``_from_scratch``)."""

    def __init__(self, grouping: Grouping, filters: dict, now):
        self.grouping = grouping
        self.filters = filters
        self.now = now
        self.session_count = (lambda: _session_count(filters)) if grouping.splits_sessions else None

    def statement(self, ordering: str, offset: int, limit: int | None) -> tuple[str, list]:
        grouping = self.grouping
        scratch, params = _from_scratch(grouping, self.filters, self.now)
        ctes = (
            "merged AS (SELECT s.key::text AS key, NULL::text AS stored_label, "  # noqa: S608 -- ours
            f"s.sessions, {_columns('s.{c}')} FROM ({scratch}) s)"
        )
        label, position, label_join, label_params = _label_sql(grouping)
        sql = SUMMARY_SQL.format(
            ctes=ctes,
            label=label,
            position=position,
            label_join=label_join,
            key_type=grouping.sql_type,
            count="count(*) OVER ()",
            totals="sum(sessions) OVER (), " + WINDOW_TOTALS,
            extra_from="",
            order=_order_sql(ordering),
        )
        return sql, [*params, *label_params, limit, offset]


def _session_scope(*, user, starts_from, starts_until, course, organization):
    """The sessions the filters keep (ids, as a subquery), or None for every session;
    the organization filters rows, not sessions."""
    q = Q()
    if not user.is_superuser:
        q &= Q(pk__in=sessions_for(user).values("pk"))
    if starts_from:
        q &= Q(starts_on__gte=starts_from)
    if starts_until:
        q &= Q(starts_on__lte=starts_until)
    if course:
        q &= Q(
            course__translation_key__in=CoursePage.objects.filter(
                pk=getattr(course, "pk", course)
            ).values("translation_key")
        )
    if not q:
        return None
    return CourseSession.objects.filter(q).order_by().values("pk")


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


class SummaryRows:
    """The rows of a summary, read from the database a page at a time: ``len()``, a slice
    (what Django's paginator takes) and iteration (every row, for an export). The page
    the caller ``expect``s is read with the number of rows and the totals in one query.
    """

    def __init__(self, *, source, ordering):
        self.source = source
        self.grouping = source.grouping
        self.ordering = ordering if ordering.lstrip("-") in SORTABLE else "position"
        self.session_count = source.session_count
        self.expected_page = (0, None)
        self.pages: dict[tuple, list[SummaryRow]] = {}
        self.count: int | None = None
        self.total: SummaryRow | None = None

    def expect(self, offset: int, limit: int | None) -> None:
        """The page that will be asked for: read with the count, in one query."""
        self.expected_page = (offset, limit)

    def _read(self, offset: int, limit: int | None) -> list[SummaryRow]:
        if (offset, limit) in self.pages:
            return self.pages[(offset, limit)]
        sql, params = self.source.statement(self.ordering, offset, limit)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
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
