"""Attendance and completion: the sheet, self check-in, and the completion decision.

Who may do what. A session's coordinators and trainers (and superusers) take attendance:
the sheet, "mark all present", the check-in screen. Only its coordinators evaluate
completion and override a decision. Confirmed participants check themselves in.

Every write of attendance takes the session's row lock first (``SELECT … FOR UPDATE``):
the sheet, "mark all present", check-in and imports must all do so, which is what makes
the concurrent-edit check (a cell's ``version``, read under the lock) reliable. Every
change of a mark is written to Wagtail's audit log on the session (``RECORD_ACTION``:
who, when, and for each changed cell the meeting, the old and the new mark), one entry
per person and save, in one bulk insert, so a save runs the same number of queries
whatever the size of the sheet.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.db.models import FilteredRelation, Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.log_actions import log

from courses.access import attendance_sessions_for, count_hit, lock_session
from courses.attendance.selectors import completion_figures
from courses.audit import (
    COMPLETION_ACTION,
    EVALUATE_ACTION,
    OVERRIDE_ACTION,
    RECORD_ACTION,
    log_each,
)
from courses.bulk import insert_rows
from courses.dates import course_datetime, course_time
from courses.enrollment.consent import pending_conditions
from courses.enrollment.selectors import roster
from courses.models import (
    ATTENDED,
    ROSTER,
    Attendance,
    CourseSession,
    Enrollment,
    Meeting,
)
from participants.selectors import person_name

S = Attendance.Status


class AttendanceError(Exception):
    """A refusal to explain to the person who asked; nothing was changed."""


class NotAllowed(AttendanceError):
    """The person may not take this session's attendance (views answer 404)."""


class CheckInRefused(AttendanceError):
    """A check-in code that is expired, unknown, for another session, or not yours."""


class ConsentPending(CheckInRefused):
    """A condition of taking part (a text of the session's form) whose current version
    the person has not accepted: they accept it, then check in."""

    def __init__(self, documents):
        self.documents = list(documents)
        titles = ", ".join(f"“{document.title}”" for document in self.documents)
        super().__init__(
            ngettext(
                "Before you check in, read and accept %(titles)s: taking part in this "
                "session depends on it.",
                "Before you check in, read and accept %(titles)s: taking part in this "
                "session depends on them.",
                len(self.documents),
            )
            % {"titles": titles}
        )


class SittingNotStarted(AttendanceError):
    """A mark for a sitting that has not opened yet: nobody can have attended it. Who
    was there is known once it opens (as check-in, 30 minutes before it starts)."""

    def __init__(self, meeting: Meeting):
        self.meeting = meeting
        super().__init__(
            _(
                "%(sitting)s has not started yet (it starts on %(when)s): attendance can be "
                "recorded from 30 minutes before it starts. Nothing was saved."
            )
            % {
                "sitting": meeting.label,
                "when": course_datetime(meeting.starts_at, meeting.session),
            }
        )


class SittingCancelled(AttendanceError):
    """A mark for a cancelled sitting: it took place for nobody, so it counts neither
    way for completion, hours or the certificate."""

    def __init__(self, meeting: Meeting):
        self.meeting = meeting
        super().__init__(
            _("%(sitting)s is cancelled: no attendance is taken for it. Nothing was saved.")
            % {"sitting": meeting.label}
        )


def sitting_has_opened(meeting: Meeting, now) -> bool:
    """Attendance of ``meeting`` can be recorded: it opened for check-in (30 minutes
    before it starts), the same moment for the sheet, imports and check-in."""
    return now >= meeting.starts_at - CHECK_IN_OPENS_BEFORE


# ---------------------------------------------------------------------- the sheet


@dataclass(frozen=True)
class CellChange:
    """What the person set in one cell, and the cell as they loaded it.

    ``status`` is a mark, or "" to clear it; ``note`` None keeps the current note.
    ``loaded_version`` is the cell's version when the page was loaded (0: unmarked).
    """

    enrollment_id: int
    meeting_id: int
    status: str
    note: str | None = None
    loaded_version: int = 0


@dataclass(frozen=True)
class Conflict:
    """A cell someone else changed since the page was loaded; the change was not saved."""

    enrollment_id: int
    meeting_id: int
    participant: str
    meeting: str
    wanted: str
    current: str
    recorded_by: str

    @property
    def message(self) -> str:
        current = S(self.current).label if self.current else _("not marked")
        wanted = S(self.wanted).label if self.wanted else _("not marked")
        return _(
            "%(person)s, %(meeting)s: %(who)s changed this mark since you opened the sheet; "
            "it is now “%(current)s”. Your “%(wanted)s” was not saved: check and save again."
        ) % {
            "person": self.participant,
            "meeting": self.meeting,
            "who": self.recorded_by or _("someone"),
            "current": current,
            "wanted": wanted,
        }


@dataclass(frozen=True)
class SheetSave:
    saved: int
    conflicts: list[Conflict]


def _lock_with_meetings(session: CourseSession, by) -> tuple[CourseSession, dict[int, Meeting]]:
    """Lock the session row and read its meetings, in one query, if ``by`` may take its
    attendance. A session with no meetings has nothing to take."""
    meetings = list(
        Meeting.objects.select_for_update(of=("session",))
        .numbered()  # for the labels the audit log records
        .select_related("session__course")
        .filter(session_id=session.pk, session__in=attendance_sessions_for(by))
        .order_by("starts_at", "pk")
    )
    if not meetings:
        if not attendance_sessions_for(by).filter(pk=session.pk).exists():
            raise NotAllowed(_("Only a coordinator or trainer of this session can do this."))
        raise AttendanceError(_("This session has no meetings to take attendance on."))
    return meetings[0].session, {m.pk: m for m in meetings}


def attendance_log_data(*, enrollment_id, participant, source, changes) -> dict:
    """The audit data of one person's changed marks in one save: ``changes`` holds
    (meeting, old mark, new mark, note), a mark being "" when unmarked."""
    return {
        "enrollment": enrollment_id,
        "participant": participant,
        "source": source,
        "changes": [
            {
                "meeting": meeting.pk,
                "meeting_label": str(meeting),
                "from": before,
                "to": after,
                "note": note,
            }
            for meeting, before, after, note in changes
        ],
    }


def _write_log(session, by, changes, now, source) -> None:
    """The audit entries of one save, in one statement: one per person whose marks
    changed, listing each change (so a whole sheet is 200 entries, not 2,000).
    ``changes`` holds (enrollment id, person's name, meeting, old mark, new mark, note)."""
    people: dict[int, tuple[str, list]] = {}
    for enrollment_id, name, meeting, before, after, note in changes:
        people.setdefault(enrollment_id, (name, []))[1].append((meeting, before, after, note))
    label = str(session)
    log_each(
        (
            (
                session,
                attendance_log_data(
                    enrollment_id=enrollment_id, participant=name, source=source, changes=cells
                ),
            )
            for enrollment_id, (name, cells) in people.items()
        ),
        RECORD_ACTION,
        by=by,
        timestamp=now,
        label=lambda _session: label,
    )


def _record(
    *,
    session: CourseSession,
    by,
    changes: Iterable[CellChange],
    now,
    source: str,
    skip_conflicts: bool = False,
) -> SheetSave:
    """The body of ``record_attendance`` and ``mark_all_present``, in the caller's
    transaction: a fixed number of queries (lock and meetings, people with their marks,
    one upsert, one delete when something is cleared, one audit insert, and one to name
    who made the conflicting changes, if any)."""
    changes = list(changes)
    marks = frozenset(S.values)
    for change in changes:
        if change.status and change.status not in marks:
            raise AttendanceError(_("“%(value)s” is not a mark.") % {"value": change.status})
    session, meetings = _lock_with_meetings(session, by)
    # Plain rows rather than model instances: a 200-by-10 sheet would otherwise build
    # thousands of objects only to read three fields of each.
    changed_meetings = [m for m in {c.meeting_id for c in changes} if m in meetings]
    # The people and their current marks in one query: a row per (person, mark), or
    # one row with no mark for someone not marked yet in the meetings changed.
    rows = (
        Enrollment.objects.filter(
            session=session, status__in=ROSTER, pk__in={c.enrollment_id for c in changes}
        )
        .annotate(
            mark=FilteredRelation(
                "attendances", condition=Q(attendances__meeting_id__in=changed_meetings)
            )
        )
        .values_list(
            "pk",
            "participant__first_name",
            "participant__last_name",
            "participant__username",
            "mark__meeting_id",
            "mark__pk",
            "mark__status",
            "mark__note",
            "mark__version",
            "mark__recorded_by_id",
        )
    )
    names = {}
    current = {}
    for pk, first, last, username, meeting_id, *mark in rows:
        names[pk] = f"{first} {last}".strip() or username
        if meeting_id is not None:
            current[(pk, meeting_id)] = tuple(mark)
    for change in changes:
        if change.enrollment_id not in names or change.meeting_id not in meetings:
            raise AttendanceError(_("The sheet does not match this session: reload it."))
    upserts: list[tuple] = []
    cleared: list[int] = []
    logged = []
    clashes = []
    for change in changes:
        key = (change.enrollment_id, change.meeting_id)
        pk, status, note, version, recorded_by_id = current.get(key, (None, "", "", 0, None))
        new_note = (change.note if change.note is not None else note).strip()[:500]
        if not change.status:
            new_note = ""
        if (change.status, new_note) == (status, note):
            continue  # what the person wants is what is there: nothing to do
        if change.status and meetings[change.meeting_id].is_cancelled:
            raise SittingCancelled(meetings[change.meeting_id])
        if change.status and not sitting_has_opened(meetings[change.meeting_id], now):
            raise SittingNotStarted(meetings[change.meeting_id])
        if change.loaded_version != version:
            if not skip_conflicts:
                clashes.append((change, status, recorded_by_id))
            continue
        if change.status:
            upserts.append(
                (change.enrollment_id, change.meeting_id, change.status, new_note, version + 1)
            )
        else:
            cleared.append(pk)
        meeting = meetings[change.meeting_id]
        name = names[change.enrollment_id]
        logged.append((change.enrollment_id, name, meeting, status, change.status, new_note))
    if upserts:
        _upsert_marks(upserts, by=by, now=now, source=source)
    if cleared:
        Attendance.objects.filter(pk__in=cleared)._raw_delete(Attendance.objects.db)
    if logged:
        _write_log(session, by, logged, now, source)
    return SheetSave(saved=len(logged), conflicts=_conflicts(clashes, names, meetings))


def _upsert_marks(marks: list[tuple], *, by, now, source: str) -> None:
    """Insert or update marks, given as (enrollment id, meeting id, status, note, new
    version), in one statement. The versions were read under the session's lock, so
    the new ones are final."""
    insert_rows(
        Attendance,
        ["enrollment_id", "meeting_id", "status", "note", "version"],
        marks,
        same={"source": source, "recorded_by_id": by.pk, "recorded_at": now},
        unique=["enrollment_id", "meeting_id"],
        update=["status", "note", "version", "source", "recorded_by_id", "recorded_at"],
    )


def _conflicts(clashes, names, meetings) -> list[Conflict]:
    """The refused cells with who changed them: one more query, only when there are any."""
    if not clashes:
        return []
    users = {
        user.pk: person_name(user)
        for user in get_user_model().objects.filter(pk__in={c[2] for c in clashes if c[2]})
    }
    return [
        Conflict(
            enrollment_id=change.enrollment_id,
            meeting_id=change.meeting_id,
            participant=names[change.enrollment_id],
            meeting=str(meetings[change.meeting_id]),
            wanted=change.status,
            current=current,
            recorded_by=users.get(recorded_by_id, ""),
        )
        for change, current, recorded_by_id in clashes
    ]


def record_attendance(
    *,
    session: CourseSession,
    by,
    changes: Iterable[CellChange],
    now=None,
    source: str = Attendance.Source.SHEET,
) -> SheetSave:
    """Save the cells of an attendance sheet that the person changed, in one transaction.

    A cell someone else changed since the page was loaded (its version moved on) is not
    saved: it comes back in ``conflicts`` with its current mark, for the person to
    check. The other cells of the same save are saved. We chose this over refusing the
    whole sheet because the cells are independent facts (one person at one meeting):
    throwing away 40 good marks because of one clash would make the coordinator retype
    them, while the clash itself is shown and nothing is overwritten silently.

    A change to what is already there (someone else set the same mark) is no change and
    no conflict. Clearing a cell deletes its row (unmarked has no row; the log keeps it).

    Side effects: marks inserted, updated or deleted; one audit-log entry on the session
    per person whose marks changed, listing each change. Queries: five at most whatever
    the size of the sheet (lock with the meetings, people with their marks, upsert,
    delete, audit), plus one to name who made clashing changes when there are any. Calling it
    twice with the same cells saves nothing the second time (the marks are already
    there), so a double submit is harmless.
    """
    now = now or timezone.now()
    with transaction.atomic():
        return _record(session=session, by=by, changes=changes, now=now, source=source)


def mark_all_present(*, meeting: Meeting, by, now=None) -> int:
    """Mark present everyone on the session's roster who has no mark yet for ``meeting``.

    Marks already recorded (late, excused, absent, present) are left as they are: this
    fills the blanks, it never overwrites what someone recorded. Returns how many were
    marked; calling it again marks nobody. One transaction under the session lock, a
    fixed number of queries, audited like ``record_attendance``.
    """
    now = now or timezone.now()
    with transaction.atomic():
        people = roster(meeting.session).values_list("pk", flat=True)
        changes = [
            CellChange(enrollment_id=pk, meeting_id=meeting.pk, status=S.PRESENT, loaded_version=0)
            for pk in people
        ]
        result = _record(
            session=meeting.session,
            by=by,
            changes=changes,
            now=now,
            source=Attendance.Source.SHEET,
            skip_conflicts=True,
        )
        return result.saved


# ---------------------------------------------------------------------- self check-in

CHECK_IN_PERIOD = 60  # seconds a code is shown before the next one
CHECK_IN_GRACE = 15  # seconds a code is still taken after it changed (typing, scanning)
CHECK_IN_OPENS_BEFORE = datetime.timedelta(minutes=30)
CHECK_IN_SALT = "courses.check-in"
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: easy to read aloud
CODE_LENGTH = 6
# Wrong codes a person may type in a row before waiting: guessing a code is hopeless.
CHECK_IN_ATTEMPTS = 10
CHECK_IN_LOCKOUT = 300  # seconds


def check_in_window(now) -> int:
    """The number of the 60-second window ``now`` falls in (the same on every server)."""
    return int(now.timestamp()) // CHECK_IN_PERIOD


def check_in_code(meeting_id: int, window: int) -> str:
    """The short code of ``meeting_id`` for ``window``: six characters a person can type,
    derived with the server's secret (HMAC), so only the server can make them."""
    digest = salted_hmac(CHECK_IN_SALT, f"{meeting_id}.{window}", algorithm="sha256").digest()
    number = int.from_bytes(digest[:8], "big")
    chars = []
    for _i in range(CODE_LENGTH):
        number, rest = divmod(number, len(CODE_ALPHABET))
        chars.append(CODE_ALPHABET[rest])
    return "".join(chars)


def check_in_token(meeting_id: int, window: int) -> str:
    """The signed token the QR code carries: meeting and window, HMAC-signed."""
    return signing.Signer(salt=CHECK_IN_SALT).sign(f"{meeting_id}.{window}")


@dataclass(frozen=True)
class CheckInCode:
    meeting: Meeting
    code: str
    token: str
    expires_at: datetime.datetime

    @property
    def display_code(self) -> str:
        return f"{self.code[:3]} {self.code[3:]}"


def current_check_in(*, meeting: Meeting, now=None) -> CheckInCode:
    """The code and token to show for ``meeting`` now; they change every 60 seconds."""
    now = now or timezone.now()
    window = check_in_window(now)
    return CheckInCode(
        meeting=meeting,
        code=check_in_code(meeting.pk, window),
        token=check_in_token(meeting.pk, window),
        expires_at=datetime.datetime.fromtimestamp((window + 1) * CHECK_IN_PERIOD, tz=datetime.UTC),
    )


def check_in_open(meeting: Meeting, now) -> bool:
    return meeting.starts_at - CHECK_IN_OPENS_BEFORE <= now <= meeting.ends_at


def _still_valid(window: int, now) -> bool:
    current = check_in_window(now)
    if window == current:
        return True
    return window == current - 1 and now.timestamp() - current * CHECK_IN_PERIOD < CHECK_IN_GRACE


def _read_token(token: str) -> tuple[int, int]:
    try:
        meeting_id, window = signing.Signer(salt=CHECK_IN_SALT).unsign(token).split(".")
        return int(meeting_id), int(window)
    except (signing.BadSignature, ValueError) as error:
        raise CheckInRefused(_("This check-in link is not valid.")) from error


# A QR code scanned by someone who must sign in first: the scan time is kept (in their
# session) and honoured this long, so signing in does not make the code expire.
SCAN_GRACE = datetime.timedelta(minutes=10)


def token_is_fresh(token: str, now=None) -> bool:
    """Whether ``token`` is a genuine check-in token still valid ``now``."""
    now = now or timezone.now()
    try:
        _meeting_id, window = _read_token(token)
    except CheckInRefused:
        return False
    return _still_valid(window, now)


def normalize_code(value: str) -> str:
    return "".join(ch for ch in value.upper() if ch.isalnum())


def _read_code(code: str, now) -> tuple[int, int]:
    """Find the meeting and window of a typed code among the meetings open around now.

    Codes of the last ten windows are recognized too, so that an old code is told apart
    from a mistyped one ("expired" rather than "not valid")."""
    if len(code) != CODE_LENGTH:
        raise CheckInRefused(
            _("A check-in code has %(n)d letters and digits.") % {"n": CODE_LENGTH}
        )
    current = check_in_window(now)
    # Meetings of the next hours too, so that an early code is told it is early.
    around = Meeting.objects.filter(
        starts_at__lte=now + datetime.timedelta(hours=3),
        ends_at__gte=now - datetime.timedelta(minutes=15),
    ).values_list("pk", flat=True)
    for meeting_id in around:
        for window in range(current, current - 11, -1):
            if check_in_code(meeting_id, window) == code:
                return meeting_id, window
    raise CheckInRefused(_("This code is not valid: check it against the screen."))


@dataclass(frozen=True)
class CheckIn:
    attendance: Attendance
    meeting: Meeting
    #: False when the person had already checked in (present or late) for the meeting.
    new: bool


def _failed(user) -> None:
    count_hit(f"check-in-failures:{user.pk}", timeout=CHECK_IN_LOCKOUT)


def check_in(*, user, code_or_token: str, now=None, scanned_at=None) -> CheckIn:
    """A signed-in participant checks themselves in with the code on the screen (typed)
    or the token of the QR code (scanned): marked present, or late when the meeting
    started more than the session's ``late_after_minutes`` ago.

    Refused, with a message for the person: an unknown or tampered code; a code whose
    window has passed (it changes every 60 s and is taken 15 s more), which is what
    makes a photo of the screen useless later; a code of a meeting whose session the
    person is not a confirmed participant of; a meeting not open for check-in (from 30
    minutes before it starts to its end); a condition of taking part (an acknowledgement
    the session's form requires) whose current version the person has not accepted
    (``ConsentPending``, with the texts). Ten wrong codes in a row lock check-in for
    five minutes. The person checked in is always ``user``: nobody can check someone
    else in.

    ``scanned_at`` is when the server first saw a scanned token, for a person who had to
    sign in before checking in: within ten minutes of it, the token is judged (expiry,
    lateness) as of that moment. It applies to tokens only, never to typed codes.

    Checking in again for the same meeting changes nothing and returns the mark with
    ``new=False``. A mark the coordinator recorded as absent or excused is replaced (the
    person is here after all). One transaction under the session lock; the change is in
    the audit log.
    """
    now = now or timezone.now()
    if cache.get(f"check-in-failures:{user.pk}", 0) >= CHECK_IN_ATTEMPTS:
        raise CheckInRefused(_("Too many wrong codes: wait five minutes and try again."))
    value = (code_or_token or "").strip()
    try:
        if ":" in value:
            meeting_id, window = _read_token(value)
            if scanned_at is not None and datetime.timedelta(0) <= now - scanned_at <= SCAN_GRACE:
                now = scanned_at  # the person arrived then; signing in took the rest
        else:
            meeting_id, window = _read_code(normalize_code(value), now)
        if not _still_valid(window, now):
            raise CheckInRefused(
                _("This code has expired: use the one now on the screen (it changes every minute).")
            )
    except CheckInRefused:
        _failed(user)
        raise
    meeting = Meeting.objects.select_related("session__course").filter(pk=meeting_id).first()
    if meeting is None:
        raise CheckInRefused(_("This check-in link is not valid."))
    enrollment = Enrollment.objects.filter(session_id=meeting.session_id, participant=user).first()
    if enrollment is None or enrollment.status != Enrollment.Status.CONFIRMED:
        raise CheckInRefused(
            _(
                "This code is for a session you are not a confirmed participant of: "
                "check that you scanned the screen of your own session."
            )
        )
    if meeting.is_cancelled:
        raise CheckInRefused(_("This sitting is cancelled: there is nothing to check in to."))
    if not check_in_open(meeting, now):
        if now < meeting.starts_at:
            raise CheckInRefused(
                _("Check-in opens 30 minutes before the meeting starts (%(time)s).")
                % {"time": course_time(meeting.starts_at, meeting.session)}
            )
        raise CheckInRefused(_("This meeting is over: ask the coordinator to record you."))
    session = meeting.session
    missing = pending_conditions(user, session)
    if missing:
        raise ConsentPending(missing)
    late = now > meeting.starts_at + datetime.timedelta(minutes=session.late_after_minutes)
    status = S.LATE if late else S.PRESENT
    with transaction.atomic():
        CourseSession.objects.select_for_update().filter(pk=session.pk).first()
        mark = Attendance.objects.filter(enrollment=enrollment, meeting=meeting).first()
        if mark is not None and mark.status in ATTENDED:
            return CheckIn(attendance=mark, meeting=meeting, new=False)
        before = mark.status if mark else ""
        if mark is None:
            mark = Attendance(enrollment=enrollment, meeting=meeting, version=0)
        mark.status = status
        mark.source = Attendance.Source.CHECK_IN
        mark.recorded_by = user
        mark.recorded_at = now
        mark.version += 1
        mark.save()
        log(
            session,
            RECORD_ACTION,
            user=user,
            data=attendance_log_data(
                enrollment_id=enrollment.pk,
                participant=person_name(user),
                source=Attendance.Source.CHECK_IN,
                changes=[(meeting, before, status, mark.note)],
            ),
        )
    cache.delete(f"check-in-failures:{user.pk}")
    return CheckIn(attendance=mark, meeting=meeting, new=True)


# ---------------------------------------------------------------------- completion

OUTCOME_FIELDS = [
    "status",
    "attended_meetings",
    "counted_meetings",
    "attendance_percent",
    "modules_opened",
    "completion_rule_met",
    "completion_evaluated_at",
]


@dataclass(frozen=True)
class Evaluation:
    completed: int
    not_completed: int
    overridden: int
    changed: int


def _completion_refused() -> AttendanceError:
    return AttendanceError(_("Only a coordinator of this session can decide completion."))


def evaluate_completion(*, session: CourseSession, by, now=None) -> Evaluation:
    """Decide completion for everyone on ``session``'s roster (confirmed, completed, not
    completed) by its rule (see ``selectors.attendance``): completed or not completed,
    with the figures that decided it stored on the enrollment.

    A decision a coordinator overrode stands until they clear it: re-evaluating updates
    its figures and ``completion_rule_met`` (so the screen shows what the rule says now)
    but not its status. Every other decision follows the rule again, so re-evaluating
    after an attendance correction updates it. Refused before every meeting has started
    (attendance would be incomplete) and for draft or cancelled sessions.

    Side effects: enrollments updated in one bulk update; the session's status becomes
    completed (a finished session must not promote its waitlist into seats that
    evaluation freed); one audit entry on the session and one per enrollment whose
    status changed. One transaction under the session lock; calling it again with no
    change in attendance changes no status and logs the evaluation only.
    """
    now = now or timezone.now()
    statuses = Enrollment.Status
    with transaction.atomic():
        session = lock_session(session, by=by, refusal=_completion_refused())
        if session.status in (CourseSession.Status.DRAFT, CourseSession.Status.CANCELLED):
            raise AttendanceError(_("A draft or cancelled session cannot be evaluated."))
        ahead = Meeting.objects.filter(session=session, starts_at__gt=now).held().count()
        if ahead:
            raise AttendanceError(
                _(
                    "%(n)d meeting(s) of this session have not taken place yet: evaluate "
                    "completion once the last one has started."
                )
                % {"n": ahead}
            )
        enrollments = list(roster(session))
        figures = completion_figures(session, enrollments)
        changed = []
        for enrollment in enrollments:
            f = figures[enrollment.pk]
            enrollment.attended_meetings = f.attended
            enrollment.counted_meetings = f.counted
            enrollment.attendance_percent = f.percent
            enrollment.modules_opened = f.modules_opened
            enrollment.completion_rule_met = f.met
            enrollment.completion_evaluated_at = now
            if enrollment.is_overridden:
                continue
            status = statuses.COMPLETED if f.met else statuses.NOT_COMPLETED
            if enrollment.status != status:
                changed.append((enrollment, enrollment.status, status))
                enrollment.status = status
        Enrollment.objects.bulk_update(enrollments, OUTCOME_FIELDS)
        if session.status != CourseSession.Status.COMPLETED:
            session.status = CourseSession.Status.COMPLETED
            session.save(update_fields=["status"])
        result = Evaluation(
            completed=sum(e.status == statuses.COMPLETED for e in enrollments),
            not_completed=sum(e.status == statuses.NOT_COMPLETED for e in enrollments),
            overridden=sum(e.is_overridden for e in enrollments),
            changed=len(changed),
        )
        log(
            session,
            EVALUATE_ACTION,
            user=by,
            data={
                "completed": result.completed,
                "not_completed": result.not_completed,
                "overridden": result.overridden,
                "changed": result.changed,
            },
        )
        log_each(
            (
                (
                    enrollment,
                    {
                        "session": session.code,
                        "participant": person_name(enrollment.participant),
                        "from": before,
                        "to": after,
                        "attended": enrollment.attended_meetings,
                        "counted": enrollment.counted_meetings,
                        "percent": str(enrollment.attendance_percent),
                        "modules_opened": enrollment.modules_opened,
                    },
                )
                for enrollment, before, after in changed
            ),
            COMPLETION_ACTION,
            by=by,
            timestamp=now,
            label=lambda enrollment: f"{enrollment.participant} · {session.code}",
        )
        return result


def override_completion(
    *, enrollment: Enrollment, completed: bool | None, reason: str = "", by, now=None
) -> Enrollment:
    """A coordinator sets one evaluated enrollment to completed or not completed, against
    the rule, with a reason (required, audited); ``completed=None`` clears the override
    and the decision goes back to what the rule said at the last evaluation.

    The override stands through later evaluations until it is cleared. Refused before
    the session was evaluated. Overriding twice with the same decision and reason
    changes nothing. One transaction under the session lock.
    """
    now = now or timezone.now()
    reason = (reason or "").strip()
    statuses = Enrollment.Status
    with transaction.atomic():
        lock_session(enrollment.session, by=by, refusal=_completion_refused())
        enrollment = (
            Enrollment.objects.select_for_update(of=("self",))
            .select_related("participant", "session")
            .get(pk=enrollment.pk)
        )
        if enrollment.completion_evaluated_at is None or enrollment.status not in ROSTER:
            raise AttendanceError(_("Evaluate the session's completion before overriding it."))
        before = enrollment.status
        if completed is None:
            if not enrollment.is_overridden:
                return enrollment
            met = enrollment.completion_rule_met
            status = statuses.COMPLETED if met else statuses.NOT_COMPLETED
            enrollment.overridden_at = None
            enrollment.overridden_by = None
            enrollment.override_reason = ""
        else:
            if not reason:
                raise AttendanceError(_("Say why you override the rule's decision."))
            status = statuses.COMPLETED if completed else statuses.NOT_COMPLETED
            if enrollment.is_overridden and (status, reason) == (
                enrollment.status,
                enrollment.override_reason,
            ):
                return enrollment
            enrollment.overridden_at = now
            enrollment.overridden_by = by
            enrollment.override_reason = reason
        enrollment.status = status
        enrollment.save(
            update_fields=["status", "overridden_at", "overridden_by", "override_reason"]
        )
        log(
            enrollment,
            OVERRIDE_ACTION,
            user=by,
            data={
                "session": enrollment.session.code,
                "participant": person_name(enrollment.participant),
                "from": before,
                "to": status,
                "reason": reason,
                "cleared": completed is None,
            },
        )
        return enrollment
