"""Attendance from a CSV file: the sheet exported, filled in offline, and imported.

The file is the export's layout (``selectors.attendance_export``): a header row, then
one row per participant. The import finds the columns by their header, in any order and
in any language the site speaks: the email (which identifies the participant), one
column per meeting (its header starts with the meeting's local date and time,
``2027-03-01 09:00``, or only its date when it has one meeting that day), and the
export's versions column, if kept. Other known columns (participant, organization) are
ignored. In a meeting's column a cell holds a mark (present, late, excused, absent, as
exported in any language, or the word itself); an empty cell leaves the mark as it is,
so a file with only some marks filled in changes only those.

Nothing is saved unless the whole file is valid: every row is checked first and every
problem reported with its row (as a spreadsheet numbers it: the header is row 1) and
column. The changes then go through ``record_attendance`` in one transaction, so the
session lock, the audit log (source "import") and the concurrent-edit rule apply: a
cell someone changed after the file was exported (the versions column says which
version the file saw; without that column, the version read when the file is checked)
is a conflict, and any conflict rolls the whole import back.
"""

from __future__ import annotations

import re
import zoneinfo
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.access import may_take_attendance
from courses.attendance.selectors import (
    EMAIL_COLUMN,
    ORGANIZATION_COLUMN,
    PARTICIPANT_COLUMN,
    VERSIONS_COLUMN,
)
from courses.attendance.services import AttendanceError, CellChange, record_attendance
from courses.models import ROSTER, Attendance, CourseSession, Enrollment, Meeting
from courses.spreadsheets import Limits, UnreadableFile, read_csv, unescape_cell
from participants.selectors import person_name

S = Attendance.Status
LIMITS = Limits(max_bytes=1_000_000, max_rows=2_000, max_columns=200)
MEETING_HEADER = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2}))?(?!\d)")
# Ids and versions are PostgreSQL integers: a longer number is a damaged cell, not a
# 5,000-digit int() that Python refuses to parse (or the database to compare).
VERSION_TOKEN = re.compile(r"^(\d{1,10}):(\d{1,10})$")
LARGEST_INTEGER = 2**31 - 1


@dataclass(frozen=True)
class RowError:
    """One problem of the file: ``row`` as a spreadsheet numbers it (the header is 1; 0
    for the file as a whole) and the header of the ``column`` concerned, if one is."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = []
        if self.row:
            where.append(_("row %(n)d") % {"n": self.row})
        if self.column:
            where.append(f"“{self.column}”")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class ImportRefused(AttendanceError):
    """The file was not imported; ``errors`` lists every problem found. Nothing saved."""

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__(
            ngettext(
                "The file was not imported: %(n)d problem found.",
                "The file was not imported: %(n)d problems found.",
                len(errors),
            )
            % {"n": len(errors)}
        )


@dataclass(frozen=True)
class ImportResult:
    #: Marks recorded or changed.
    saved: int
    #: Cells that already held the mark the file gives.
    unchanged: int
    #: Empty cells, whose marks were left as they are.
    blank: int
    #: Participant rows read.
    rows: int


def _in_every_language(*words) -> set[str]:
    seen = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            seen.update(str(word).casefold() for word in words)
    return seen


def _mark_words() -> dict[str, str]:
    """Every way of writing a mark the import understands, casefolded: the stored value
    and its label in every language of the site."""
    words = {value: value for value in S.values}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            words.update({str(label).casefold(): value for value, label in S.choices})
    return words


def _meeting_finder(session: CourseSession, meetings: list[Meeting]):
    tz = zoneinfo.ZoneInfo(session.timezone)
    by_start: dict[str, list[Meeting]] = {}
    by_day: dict[str, list[Meeting]] = {}
    for meeting in meetings:
        start = timezone.localtime(meeting.starts_at, tz)
        by_start.setdefault(f"{start:%Y-%m-%d %H:%M}", []).append(meeting)
        by_day.setdefault(f"{start:%Y-%m-%d}", []).append(meeting)

    def find(header: str) -> tuple[Meeting | None, str]:
        match = MEETING_HEADER.match(header)
        if not match:
            return None, _(
                "its header does not start with a meeting's date and time, as in the "
                "export (2027-03-01 09:00)."
            )
        day, hour, minute = match.groups()
        found = (
            by_start.get(f"{day} {int(hour):02d}:{minute}", [])
            if hour is not None
            else by_day.get(day, [])
        )
        if len(found) == 1:
            return found[0], ""
        if not found:
            return None, _("no meeting of this session starts then.")
        return None, _("several meetings start that day: give the time as in the export.")

    return find


def _header(rows, session, meetings):
    """The columns of the file: (email index, versions index or None, {index: meeting}),
    or the errors of the header row."""
    email_words = _in_every_language(EMAIL_COLUMN) | {"email", "e-mail", "courriel", "mail"}
    versions_words = _in_every_language(VERSIONS_COLUMN)
    ignored = _in_every_language(PARTICIPANT_COLUMN, ORGANIZATION_COLUMN) | {
        "name",
        "nom",
        "organisation",
    }
    find = _meeting_finder(session, meetings)
    errors: list[RowError] = []
    email = versions = None
    columns: dict[int, Meeting] = {}
    seen: dict[int, str] = {}
    header = [unescape_cell(cell) for cell in rows[0]]
    for index, name in enumerate(header):
        word = name.casefold()
        if word in email_words:
            if email is not None:
                errors.append(RowError(1, name, _("There are two email columns.")))
            email = index
        elif word in versions_words:
            versions = index
        elif not word or word in ignored:
            continue
        else:
            meeting, problem = find(name)
            if meeting is None:
                errors.append(
                    RowError(1, name, _("Unknown meeting column: %(why)s") % {"why": problem})
                )
            elif meeting.pk in seen:
                errors.append(
                    RowError(
                        1,
                        name,
                        _("The same meeting as the column “%(other)s”.")
                        % {"other": seen[meeting.pk]},
                    )
                )
            else:
                seen[meeting.pk] = name
                columns[index] = meeting
    if email is None:
        errors.append(
            RowError(1, "", _("The file has no Email column: the import finds people by it."))
        )
    if not columns and not errors:
        errors.append(RowError(1, "", _("The file has no meeting column.")))
    return header, email, versions, columns, errors


def _versions(cell: str, meetings: dict[int, Meeting]) -> dict[int, int] | None:
    """The ``meeting:version`` pairs of a versions cell, or None when it is damaged."""
    found = {}
    for token in cell.split():
        match = VERSION_TOKEN.match(token)
        if not match or int(match.group(1)) not in meetings:
            return None
        if int(match.group(2)) > LARGEST_INTEGER:
            return None
        found[int(match.group(1))] = int(match.group(2))
    return found


def _conflict(conflict) -> str:
    current = S(conflict.current).label if conflict.current else _("not marked")
    return _(
        "%(who)s changed this mark after the file was exported: it is now “%(current)s”. "
        "Export the sheet again, or leave this cell empty."
    ) % {"who": conflict.recorded_by or _("Someone"), "current": current}


def import_attendance(*, session: CourseSession, by, data: bytes, now=None) -> ImportResult:
    """Record the marks of an attendance CSV file (``data``, the uploaded bytes) for
    ``session``, all or nothing; ``by`` must take the session's attendance.

    Refused with ``ImportRefused`` (its ``errors`` list every problem, nothing saved):
    an unreadable file (over 1 MB or 2,000 lines, not UTF-8, not CSV); a header with no
    email column, an unknown or repeated meeting column; a row whose email is no one's
    in the session, or someone's whose place is not confirmed (requested, waitlisted,
    withdrawn …), or that repeats an earlier row's; a cell that is not a mark; a damaged
    versions cell; a cell someone changed since the file was exported.

    Side effects: the marks changed, through ``record_attendance`` (source "import"),
    with one audit-log entry per changed cell, in one transaction under the session
    lock. A fixed number of queries whatever the size of the file. Importing the same
    file twice saves nothing the second time: its marks are already there.
    """
    now = now or timezone.now()
    if not may_take_attendance(by, session):
        raise AttendanceError(_("Only a coordinator or trainer of this session can do this."))
    try:
        rows = read_csv(data, LIMITS)
    except UnreadableFile as error:
        raise ImportRefused([RowError(0, "", str(error))]) from error
    meetings = list(Meeting.objects.filter(session=session).order_by("starts_at", "pk"))
    if not meetings:
        raise AttendanceError(_("This session has no meetings to take attendance on."))
    header, email_at, versions_at, columns, errors = _header(rows, session, meetings)
    if errors:
        raise ImportRefused(errors)

    by_email: dict[str, list[Enrollment]] = {}
    for enrollment in Enrollment.objects.filter(session=session).select_related("participant"):
        by_email.setdefault(enrollment.participant.email.casefold(), []).append(enrollment)
    current = {
        (mark.enrollment_id, mark.meeting_id): mark
        for mark in Attendance.objects.filter(meeting__session=session).only(
            "enrollment_id", "meeting_id", "status", "version"
        )
    }
    meetings_by_id = {m.pk: m for m in meetings}
    words = _mark_words()
    statuses = dict(Enrollment.Status.choices)
    changes: list[CellChange] = []
    where: dict[tuple[int, int], tuple[int, str]] = {}
    rows_of: dict[int, int] = {}
    unchanged = blank = people = 0
    for number, row in enumerate(rows[1:], start=2):
        if not any(row):
            continue
        people += 1
        if len(row) > len(header):
            errors.append(
                RowError(number, "", _("This row has more cells than the header has columns."))
            )
            continue
        row = [*row, *[""] * (len(header) - len(row))]
        email = unescape_cell(row[email_at])
        found = by_email.get(email.casefold(), []) if email else []
        if not email:
            errors.append(RowError(number, header[email_at], _("No email address.")))
            continue
        if not found:
            errors.append(
                RowError(
                    number,
                    header[email_at],
                    _("Unknown participant: nobody with the address %(email)s is enrolled.")
                    % {"email": email},
                )
            )
            continue
        if len(found) > 1:
            errors.append(
                RowError(
                    number,
                    header[email_at],
                    _("Several people of this session share the address %(email)s.")
                    % {"email": email},
                )
            )
            continue
        enrollment = found[0]
        if enrollment.status not in ROSTER:
            errors.append(
                RowError(
                    number,
                    header[email_at],
                    _("%(person)s is not a confirmed participant (%(status)s).")
                    % {
                        "person": person_name(enrollment.participant),
                        "status": statuses[enrollment.status],
                    },
                )
            )
            continue
        if enrollment.pk in rows_of:
            errors.append(
                RowError(
                    number,
                    header[email_at],
                    _("%(email)s is already on row %(row)d.")
                    % {"email": email, "row": rows_of[enrollment.pk]},
                )
            )
            continue
        rows_of[enrollment.pk] = number
        versions = None
        if versions_at is not None and row[versions_at]:
            versions = _versions(row[versions_at], meetings_by_id)
            if versions is None:
                errors.append(
                    RowError(
                        number,
                        header[versions_at],
                        _("This cell was changed: export the sheet again."),
                    )
                )
                continue
        for index, meeting in columns.items():
            value = row[index]
            if not value:
                blank += 1
                continue
            status = words.get(value.casefold())
            if status is None:
                errors.append(
                    RowError(
                        number,
                        header[index],
                        _("“%(value)s” is not a mark: write one of %(marks)s.")
                        % {"value": value, "marks": ", ".join(str(label) for label in S.labels)},
                    )
                )
                continue
            mark = current.get((enrollment.pk, meeting.pk))
            if mark is not None and mark.status == status:
                unchanged += 1
                continue
            if versions_at is not None:
                loaded = (versions or {}).get(meeting.pk, 0)
            else:
                loaded = mark.version if mark else 0
            changes.append(
                CellChange(
                    enrollment_id=enrollment.pk,
                    meeting_id=meeting.pk,
                    status=status,
                    loaded_version=loaded,
                )
            )
            where[(enrollment.pk, meeting.pk)] = (number, header[index])
    if errors:
        raise ImportRefused(errors)
    if not changes:
        return ImportResult(saved=0, unchanged=unchanged, blank=blank, rows=people)
    with transaction.atomic():
        result = record_attendance(
            session=session, by=by, changes=changes, now=now, source=Attendance.Source.IMPORT
        )
        if result.conflicts:
            # Raising inside the transaction rolls back the cells that were saved.
            raise ImportRefused(
                [
                    RowError(*where[(c.enrollment_id, c.meeting_id)], _conflict(c))
                    for c in result.conflicts
                ]
            )
    return ImportResult(saved=result.saved, unchanged=unchanged, blank=blank, rows=people)
