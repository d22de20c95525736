"""Reads about attendance and completion: the sheet, the completion figures, a person's
progress, and the hours they attended.

Each function runs a fixed number of queries, whatever the number of people or meetings.

The completion rule lives here (``Figures``), so that the evaluation
(``services.evaluate_completion``), the coordinator's screens and "My learning" all
apply the same arithmetic:

- attended = present + late (late counts in full), plus excused when the session counts
  excused absences as attended;
- counted = every meeting of the session, less the excused ones when the session leaves
  excused meetings out of the count;
- the attendance part is met when the session has no meetings at all (nothing to
  attend), when its minimum is 0 %, or when attended / counted reaches the minimum; a
  person excused from every meeting of a session that leaves them out of the count has
  nothing counted and attended nothing: not met;
- the evaluation part, when the session asks for it, is met once the person submitted
  the end-of-session evaluation and/or passed the knowledge check after the course
  (only a questionnaire the session has counts: none attached, nothing owed);
- the module part is met when the person opened at least the required number of the
  course's live modules; the requirement is capped at the number of live modules, so
  unpublishing a module never makes completion impossible.
"""

from __future__ import annotations

import datetime
import math
import operator
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import reduce

from django.db.models import (
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    Value,
)
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.models import ModulePage
from courses.access import attendance_sessions_for
from courses.enrollment.consent import pending_conditions_by_person
from courses.enrollment.selectors import roster
from courses.evaluation.selectors import completion_requirements
from courses.models import (
    ATTENDED,
    ROSTER,
    Attendance,
    CourseSession,
    Enrollment,
    Meeting,
    ModuleVisit,
)
from courses.spreadsheets import zone_name
from participants.selectors import person_name

S = Attendance.Status


# ---------------------------------------------------------------------- the rule


@dataclass(frozen=True)
class Rule:
    """A session's completion rule, as it stood when read."""

    min_percent: int
    excused: str
    min_modules: int
    requires_evaluation: bool = False
    requires_post_check: bool = False

    @classmethod
    def of(cls, session: CourseSession) -> Rule:
        return cls(
            min_percent=session.min_attendance_percent,
            excused=session.excused_absences,
            min_modules=session.min_modules_opened,
            requires_evaluation=session.completion_requires_evaluation,
            requires_post_check=session.completion_requires_post_check,
        )

    @property
    def excused_count_as_attended(self) -> bool:
        return self.excused == CourseSession.ExcusedAbsences.ATTENDED


@dataclass(frozen=True)
class Figures:
    """What decides one enrollment's completion: its marks over the session's meetings
    and the modules its participant opened. ``unmarked`` meetings count as not attended."""

    rule: Rule
    meetings: int
    present: int = 0
    late: int = 0
    excused: int = 0
    absent: int = 0
    modules_opened: int = 0
    live_modules: int = 0
    #: What the evaluation still owes (``evaluation.selectors.completion_requirements``):
    #: "evaluation" not submitted, "post_check" not passed.
    evaluation_owed: tuple[str, ...] = ()

    @property
    def unmarked(self) -> int:
        return self.meetings - self.present - self.late - self.excused - self.absent

    @property
    def attended(self) -> int:
        attended = self.present + self.late
        if self.rule.excused_count_as_attended:
            attended += self.excused
        return attended

    @property
    def counted(self) -> int:
        if self.rule.excused_count_as_attended:
            return self.meetings
        return self.meetings - self.excused

    @property
    def percent(self) -> Decimal | None:
        """Attended over counted, in %, two decimals; None when nothing is counted."""
        if not self.counted:
            return None
        return (Decimal(100 * self.attended) / self.counted).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )

    @property
    def attendance_met(self) -> bool:
        if self.meetings == 0 or self.rule.min_percent == 0:
            return True
        # Compared in integers: 4 of 5 meetings is 80 % exactly, never 79.99…
        return self.counted > 0 and 100 * self.attended >= self.rule.min_percent * self.counted

    @property
    def modules_required(self) -> int:
        return min(self.rule.min_modules, self.live_modules)

    @property
    def modules_met(self) -> bool:
        return self.modules_opened >= self.modules_required

    @property
    def met(self) -> bool:
        return self.attendance_met and self.modules_met and not self.evaluation_owed

    def meetings_needed(self, remaining: int) -> int:
        """How many of ``remaining`` meetings (not held yet, so not excused yet) the person
        must still attend to reach the minimum, if they attend nothing else: 0 when met.

        May exceed ``remaining``: the minimum can no longer be reached."""
        if self.attendance_met:
            return 0
        # Attending x of the remaining meetings gives (attended + x) / counted, with
        # counted unchanged (the remaining meetings are counted already).
        return max(0, math.ceil(self.rule.min_percent * self.counted / 100) - self.attended)

    @property
    def modules_needed(self) -> int:
        return max(0, self.modules_required - self.modules_opened)


def _marks_by_enrollment(enrollment_ids) -> dict[int, dict[str, int]]:
    marks: dict[int, dict[str, int]] = {pk: {} for pk in enrollment_ids}
    rows = (
        Attendance.objects.filter(
            enrollment_id__in=enrollment_ids, meeting__in=Meeting.objects.held()
        )
        .order_by()
        .values_list("enrollment_id", "status")
        .annotate(n=Count("pk"))
    )
    for enrollment_id, status, n in rows:
        marks[enrollment_id][status] = n
    return marks


def _under(paths, prefix="") -> Q:
    """Pages below any of the tree ``paths`` (a course's modules are its children)."""
    return reduce(operator.or_, (Q(**{f"{prefix}path__startswith": p}) for p in paths))


def _course_modules(course_paths: Iterable[str]) -> dict[str, int]:
    """Live modules per course path: one query."""
    paths = set(course_paths)
    counts = dict.fromkeys(paths, 0)
    if not paths:
        return counts
    steplen = ModulePage.steplen
    modules = ModulePage.objects.live().filter(_under(paths))
    for path in modules.values_list("path", flat=True):
        parent = path[:-steplen]
        if parent in counts:
            counts[parent] += 1
    return counts


def _modules_opened(pairs: Iterable[tuple[int, str]]) -> dict[tuple[int, str], int]:
    """Live modules opened per (user id, course path): one query."""
    pairs = set(pairs)
    opened = dict.fromkeys(pairs, 0)
    if not pairs:
        return opened
    steplen = ModulePage.steplen
    rows = ModuleVisit.objects.filter(
        _under({path for _user, path in pairs}, prefix="module__"),
        user_id__in={user for user, _path in pairs},
        module__live=True,
    ).values_list("user_id", "module__path")
    for user_id, path in rows:
        key = (user_id, path[:-steplen])
        if key in opened:
            opened[key] += 1
    return opened


def completion_figures(
    session: CourseSession, enrollments: Iterable[Enrollment] | None = None
) -> dict[int, Figures]:
    """The figures of each enrollment of ``session``'s roster (or of ``enrollments``), by
    enrollment id. Four queries whatever the size (three when ``enrollments`` is given):
    the roster, the meetings' count, the marks, and the modules (live count and visits
    together when the session requires modules, nothing when it does not)."""
    rule = Rule.of(session)
    if enrollments is None:
        enrollments = Enrollment.objects.filter(session=session, status__in=ROSTER).only(
            "pk", "participant_id"
        )
    enrollments = list(enrollments)
    # A cancelled sitting took place for nobody: it counts neither way.
    meetings = Meeting.objects.filter(session=session).held().count()
    owed = completion_requirements(session, [e.pk for e in enrollments])
    marks = _marks_by_enrollment([e.pk for e in enrollments])
    live_modules = 0
    opened: dict[tuple[int, str], int] = {}
    course_path = None
    if rule.min_modules:
        course_path = session.course.path
        live_modules = _course_modules([course_path])[course_path]
        opened = _modules_opened((e.participant_id, course_path) for e in enrollments)
    return {
        e.pk: Figures(
            rule=rule,
            meetings=meetings,
            present=marks[e.pk].get(S.PRESENT, 0),
            late=marks[e.pk].get(S.LATE, 0),
            excused=marks[e.pk].get(S.EXCUSED, 0),
            absent=marks[e.pk].get(S.ABSENT, 0),
            modules_opened=opened.get((e.participant_id, course_path), 0),
            live_modules=live_modules,
            evaluation_owed=owed.get(e.pk, ()),
        )
        for e in enrollments
    }


# ---------------------------------------------------------------------- the sheet


@dataclass(frozen=True, slots=True)
class Mark:
    """One recorded cell of the sheet: what it shows and the version it was loaded at."""

    meeting_id: int
    status: str
    note: str
    version: int

    @property
    def label(self) -> str:
        return S(self.status).label


@dataclass
class SheetRow:
    enrollment: Enrollment
    #: One per meeting of the sheet, in its order: the mark, or None when unmarked.
    cells: list[Mark | None]
    #: Conditions of taking part the person has not accepted: they cannot check in.
    pending_consents: list = field(default_factory=list)

    @property
    def name(self) -> str:
        return person_name(self.enrollment.participant)


@dataclass
class Sheet:
    session: CourseSession
    meetings: list[Meeting]
    rows: list[SheetRow]
    #: Marked cells per meeting id, for the column headers.
    marked: dict[int, int] = field(default_factory=dict)

    def versions(self) -> str:
        """What the page loaded, for the concurrent-edit check: ``e.m.version.status``
        for each marked cell, comma-separated (unmarked cells are version 0)."""
        return ",".join(
            f"{row.enrollment.pk}.{cell.meeting_id}.{cell.version}.{cell.status}"
            for row in self.rows
            for cell in row.cells
            if cell is not None
        )


def attendance_sheet(session: CourseSession, meetings=None, *, with_consents=True) -> Sheet:
    """``session``'s roster (confirmed, completed, not completed) by name, against its
    meetings (or the given subset), with each mark and the conditions of taking part each
    person has not accepted (which stop them checking in): four queries whatever the
    size, five when the session's form requires acknowledgements (three without
    ``with_consents``, as the export is)."""
    if meetings is None:
        # A cancelled sitting has no column: nobody is marked for it.
        meetings = list(
            Meeting.objects.filter(session=session).held().numbered().order_by("starts_at", "pk")
        )
    # The roster (see ``roster``), with only what the sheet shows of each person.
    enrollments = list(
        Enrollment.objects.filter(session=session, status__in=ROSTER)
        .select_related("participant", "organization")
        .only(
            "session_id",
            "status",
            "participant__first_name",
            "participant__last_name",
            "participant__username",
            "organization__acronym",
            "organization__name",
        )
        .order_by("participant__last_name", "participant__first_name", "pk")
    )
    # Plain rows, not model instances: a 200-by-10 sheet has 2,000 of them.
    marks = {
        (enrollment_id, meeting_id): Mark(meeting_id, status, note, version)
        for enrollment_id, meeting_id, status, note, version in Attendance.objects.filter(
            meeting__in=[m.pk for m in meetings], enrollment__in=[e.pk for e in enrollments]
        )
        .order_by()
        .values_list("enrollment_id", "meeting_id", "status", "note", "version")
    }
    marked: dict[int, int] = dict.fromkeys((m.pk for m in meetings), 0)
    for _e, meeting_id in marks:
        marked[meeting_id] += 1
    pending = (
        pending_conditions_by_person(session, (e.participant_id for e in enrollments))
        if with_consents
        else {}
    )
    rows = [
        SheetRow(e, [marks.get((e.pk, m.pk)) for m in meetings], pending.get(e.participant_id, []))
        for e in enrollments
    ]
    return Sheet(session=session, meetings=meetings, rows=rows, marked=marked)


# ---------------------------------------------------------------------- learners


@dataclass
class Progress:
    """One person's attendance in one session, and what they still need to complete it."""

    enrollment: Enrollment
    figures: Figures
    #: (meeting, mark or None, still to come), in the order of the meetings: still to
    #: come is not over and not marked (a sitting under way can still be checked into).
    meetings: list[tuple[Meeting, Attendance | None, bool]]
    #: Meetings still to come.
    remaining: int

    @property
    def held(self) -> int:
        """Meetings over, or under way and marked."""
        return sum(1 for _m, _mark, upcoming in self.meetings if not upcoming)

    @property
    def meetings_needed(self) -> int:
        return self.figures.meetings_needed(self.remaining)

    @property
    def can_still_complete(self) -> bool:
        return self.meetings_needed <= self.remaining

    @property
    def modules_needed(self) -> int:
        return self.figures.modules_needed


def learning_progress(enrollments: Iterable[Enrollment], now=None) -> dict[int, Progress]:
    """Progress of each enrollment that holds or held a seat (confirmed, completed, not
    completed), by enrollment id. The enrollments come with their session and course
    (``select_related("session__course")``). Four queries at most, whatever the number:
    meetings, marks, live modules, module visits."""
    now = now or timezone.now()
    enrollments = [e for e in enrollments if e.status in ROSTER]
    if not enrollments:
        return {}
    by_session: dict[int, list[Meeting]] = {e.session_id: [] for e in enrollments}
    sittings = Meeting.objects.filter(session__in=by_session).held().numbered()
    for meeting in sittings.order_by("starts_at", "pk"):
        by_session[meeting.session_id].append(meeting)
    marks = {
        (a.enrollment_id, a.meeting_id): a
        for a in Attendance.objects.filter(enrollment__in=[e.pk for e in enrollments])
    }
    with_modules = [e for e in enrollments if e.session.min_modules_opened]
    live = _course_modules(e.session.course.path for e in with_modules)
    opened = _modules_opened((e.participant_id, e.session.course.path) for e in with_modules)
    progress = {}
    for e in enrollments:
        meetings = by_session[e.session_id]
        # A sitting under way and not marked yet is still to come for the person: they
        # may check in until it ends, so it is not counted as missed.
        cells = [
            (m, mark, mark is None and m.ends_at > now)
            for m in meetings
            for mark in [marks.get((e.pk, m.pk))]
        ]
        counts = dict.fromkeys(S.values, 0)
        for _m, mark, _upcoming in cells:
            if mark is not None:
                counts[mark.status] += 1
        path = e.session.course.path
        figures = Figures(
            rule=Rule.of(e.session),
            meetings=len(meetings),
            present=counts[S.PRESENT],
            late=counts[S.LATE],
            excused=counts[S.EXCUSED],
            absent=counts[S.ABSENT],
            modules_opened=opened.get((e.participant_id, path), 0),
            live_modules=live.get(path, 0),
        )
        remaining = sum(1 for _m, mark, upcoming in cells if mark is None and upcoming)
        progress[e.pk] = Progress(e, figures, cells, remaining)
    return progress


# ---------------------------------------------------------------------- hours


def attended_hours_by_enrollment(enrollments: Iterable[Enrollment | int]) -> dict[int, float]:
    """Hours attended per enrollment id: the summed length of the meetings where the
    person was present or late (late counts in full). One query for any number; an
    enrollment with no attended meeting maps to 0.0."""
    ids = [e if isinstance(e, int) else e.pk for e in enrollments]
    hours = dict.fromkeys(ids, 0.0)
    if not ids:
        return hours
    rows = (
        Attendance.objects.filter(
            enrollment_id__in=ids, status__in=ATTENDED, meeting__in=Meeting.objects.held()
        )
        .order_by()
        .values("enrollment_id")
        .annotate(
            total=Sum(
                ExpressionWrapper(
                    F("meeting__ends_at") - F("meeting__starts_at"), output_field=DurationField()
                )
            )
        )
    )
    for row in rows:
        hours[row["enrollment_id"]] = round(row["total"].total_seconds() / 3600, 2)
    return hours


def attended_hours(enrollment: Enrollment | int) -> float:
    """Hours ``enrollment`` attended (present or late meetings), in one query."""
    key = enrollment if isinstance(enrollment, int) else enrollment.pk
    return attended_hours_by_enrollment([key])[key]


# ---------------------------------------------------------------------- the sheet as CSV

#: The fixed columns of an attendance export, before the meetings and after them. The
#: import recognizes them by these words in any language the site speaks.
PARTICIPANT_COLUMN = _("Participant")
EMAIL_COLUMN = _("Email")
ORGANIZATION_COLUMN = _("Organization")
VERSIONS_COLUMN = _("Versions (do not edit)")


def meeting_column(meeting: Meeting, tz) -> str:
    """A meeting's column: its local start, which the import reads back, its label and
    the time zone named (after the title: the import reads only the start)."""
    start = timezone.localtime(meeting.starts_at, tz)
    return " ".join(
        part for part in (f"{start:%Y-%m-%d %H:%M}", meeting.label, f"({zone_name(tz)})") if part
    )


def attendance_export(session: CourseSession) -> list[list[str]]:
    """The attendance sheet of ``session`` as rows of cells, header first: participant,
    email, organization, one column per meeting with the mark (empty: not marked) and,
    last, the version of each marked cell (``meeting:version`` …), which lets an import
    of this file refuse cells someone changed after it was exported. Three queries."""

    sheet = attendance_sheet(session, with_consents=False)
    tz = zoneinfo.ZoneInfo(session.timezone)
    header = [
        str(PARTICIPANT_COLUMN),
        str(EMAIL_COLUMN),
        str(ORGANIZATION_COLUMN),
        *(meeting_column(m, tz) for m in sheet.meetings),
        str(VERSIONS_COLUMN),
    ]
    labels = dict(S.choices)
    rows = [header]
    for row in sheet.rows:
        enrollment = row.enrollment
        rows.append(
            [
                person_name(enrollment.participant),
                enrollment.participant.email,
                enrollment.organization.name,
                *(str(labels[cell.status]) if cell else "" for cell in row.cells),
                " ".join(f"{cell.meeting_id}:{cell.version}" for cell in row.cells if cell),
            ]
        )
    return rows


# ---------------------------------------------------------------------- admin screens


def attendance_index(user) -> QuerySet[CourseSession]:
    """The sessions ``user`` takes attendance for (not drafts, not cancelled), latest
    first, each with its number of meetings (``meeting_count``) and of people on the
    roster (``roster_count``), and whether ``user`` runs it (``runs``: coordinators
    decide completion). One query."""
    if user.is_superuser:
        runs = Value(True)
    else:
        runs = Exists(
            CourseSession.coordinators.through.objects.filter(
                coursesession_id=OuterRef("pk"), user_id=user.pk
            )
        )
    return (
        attendance_sessions_for(user)
        .exclude(status__in=[CourseSession.Status.DRAFT, CourseSession.Status.CANCELLED])
        .select_related("course")
        .annotate(
            meeting_count=Count("meetings", distinct=True),
            roster_count=Count(
                "enrollments",
                filter=Q(enrollments__status__in=ROSTER),
                distinct=True,
            ),
            runs=runs,
        )
        .order_by("-starts_on", "code")
    )


def checked_in_count(meeting: Meeting) -> int:
    """People marked present or late at ``meeting`` (the check-in screen's counter)."""
    return Attendance.objects.filter(meeting=meeting, status__in=ATTENDED).count()


@dataclass(frozen=True)
class CompletionOverview:
    """The completion screen's figures: the roster, each person's figures now, and what
    the last evaluation decided."""

    enrollments: list[Enrollment]
    figures: dict[int, Figures]
    evaluated: bool
    last_evaluated: datetime.datetime | None
    completed: int
    not_completed: int
    #: Evaluated people whose figures changed since (a new evaluation would say more).
    stale: int
    #: Meetings not started yet.
    ahead: int


def completion_overview(session: CourseSession, now=None) -> CompletionOverview:
    now = now or timezone.now()
    enrollments = list(roster(session).select_related("overridden_by"))
    figures = completion_figures(session, enrollments)
    evaluated = [e for e in enrollments if e.completion_evaluated_at]
    return CompletionOverview(
        enrollments=enrollments,
        figures=figures,
        evaluated=bool(evaluated),
        last_evaluated=max((e.completion_evaluated_at for e in evaluated), default=None),
        completed=sum(e.status == Enrollment.Status.COMPLETED for e in enrollments),
        not_completed=sum(e.status == Enrollment.Status.NOT_COMPLETED for e in enrollments),
        stale=sum(
            1
            for e in evaluated
            if e.completion_rule_met != figures[e.pk].met
            or e.attended_meetings != figures[e.pk].attended
        ),
        ahead=session.meetings.filter(starts_at__gt=now).count(),
    )
