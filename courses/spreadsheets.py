"""CSV and spreadsheet files in and out of the admin, made safe to open and to read.

Out: a cell a spreadsheet program would run as a formula (one that starts with ``=``,
``+``, ``-`` or ``@``, or with a tab or a carriage return that some programs skip
before looking) gets a leading apostrophe, which makes it text (OWASP's advice against
CSV injection). Names and organizations come from people's own profiles, so an export
must never carry a formula a coordinator's spreadsheet would run. XLSX cells that would
be formulas are typed as text.

Every export reads well where it is opened. CSV: a byte-order mark first (Excel then
reads "Lefèvre" and "Nguyễn" as UTF-8), times to the minute with their time zone named
("2027-03-05 09:00 (Africa/Addis_Ababa)"), dates as ISO dates. XLSX: a named sheet, its
header row bold and frozen, columns wide enough to read, dates and times as real Excel
dates with a date format (their time zone in the heading), and a second sheet, "About",
that says what the file holds, for which session, with which filters, when and by whom.

In: an uploaded CSV is read within limits (size, rows, columns), as UTF-8 with or
without a byte-order mark, with a comma, semicolon (what spreadsheets in French write)
or tab between cells; anything else is refused with a message a person can act on.
"""

from __future__ import annotations

import csv
import datetime
import io
import zoneinfo
from dataclasses import dataclass

from django import forms
from django.http import FileResponse
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django_filters.fields import DateRangeField
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from participants.privacy import record_personal_data_download

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """``value`` as a spreadsheet will show it, never as a formula it would run."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def unescape_cell(value: str) -> str:
    """Undo ``safe_cell`` on a value read back from an exported file."""
    if len(value) > 1 and value[0] == "'" and value[1] in FORMULA_START:
        return value[1:]
    return value


BOM = "\ufeff"
EXCEL_DATETIME = "yyyy-mm-dd hh:mm"
EXCEL_DATE = "yyyy-mm-dd"
# Excel refuses these in a sheet's name, and names longer than 31 characters.
SHEET_NAME_FORBIDDEN = str.maketrans("", "", "[]:*?/\\")
MIN_WIDTH, MAX_WIDTH = 8, 60


def zone_name(tz) -> str:
    """The IANA name of ``tz`` (``UTC`` for the standard library's own UTC)."""
    return getattr(tz, "key", None) or str(tz)


def export_timestamp(value: datetime.datetime, tz) -> str:
    """``value`` to the minute in ``tz``, the zone named:
    ``2027-03-05 09:00 (Africa/Addis_Ababa)``."""
    return f"{timezone.localtime(value, tz):%Y-%m-%d %H:%M} ({zone_name(tz)})"


def sheet_name(title) -> str:
    """``title`` as Excel accepts a sheet's name."""
    return force_str(title).translate(SHEET_NAME_FORBIDDEN).strip()[:31] or "Sheet"


def xlsx_value(value):
    """A cell's value as openpyxl may write it: control characters (which it refuses,
    and which people's input may hold) removed."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def put(sheet, row: int, column: int, value, *, number_format=None, bold=False):
    """Write one cell, never as a formula, with its format."""
    cell = sheet.cell(row=row, column=column, value=xlsx_value(value))
    if cell.data_type == "f":
        cell.data_type = "s"
    if number_format:
        cell.number_format = number_format
    if bold:
        cell.font = Font(bold=True)
    return cell


def set_widths(sheet, rows: list[list]) -> None:
    """Each column as wide as its longest text (within bounds); dates need 16."""
    widths: dict[int, int] = {}
    for row in rows:
        for index, value in enumerate(row, start=1):
            if isinstance(value, datetime.datetime | datetime.date):
                length = 16
            else:
                length = max((len(line) for line in force_str(value or "").split("\n")), default=0)
            widths[index] = max(widths.get(index, 0), length)
    for index, width in widths.items():
        sheet.column_dimensions[get_column_letter(index)].width = min(
            MAX_WIDTH, max(MIN_WIDTH, width + 2)
        )


def describe_value(field, value) -> str:
    """A filter's cleaned value as a person reads it (labels of choices, date ranges)."""
    if isinstance(value, slice):
        parts = [describe_value(field, value.start), describe_value(field, value.stop)]
        start, stop = parts
        if start and stop:
            return f"{start} \N{EN DASH} {stop}"
        if not (start or stop):
            return ""
        return (
            _("from %(date)s") % {"date": start} if start else _("until %(date)s") % {"date": stop}
        )
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime) and not isinstance(field, DateRangeField):
        return export_timestamp(value, timezone.get_current_timezone())
    if isinstance(value, datetime.datetime):
        # A range of days, which the filter widens to midnights: the days are what was asked.
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple | set) or hasattr(value, "model"):
        return ", ".join(describe_value(field, item) for item in value)
    if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        labels = {str(key): label for key, label in field.choices}
        return force_str(labels.get(str(value), value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return force_str(value)


class SafeSpreadsheetExportMixin(SpreadsheetExportMixin):
    """Wagtail's CSV/XLSX export with every CSV cell made safe to open, whatever prepared it
    (a field's own preprocessing, a label, a lazy string): the last step of each cell.
    Every export Concord serves uses it, Wagtail's own reports too (``admin_reports``).

    Times are written in the session's time zone when the view is about one session
    (``self.session``), else in the admin's current time zone, always named. A view may
    set ``export_sheet_title`` (the sheet's name), ``export_title`` (what the file is)
    and add lines to the About sheet with ``export_about_extra``."""

    export_sheet_title = None
    export_title = None

    def export_timezone(self):
        session = getattr(self, "session", None)
        if session is not None and getattr(session, "timezone", ""):
            return zoneinfo.ZoneInfo(session.timezone)
        return timezone.get_current_timezone()

    def get_sheet_title(self):
        if self.export_sheet_title:
            return self.export_sheet_title
        model = getattr(self, "model", None)
        if model is not None:
            return capfirst(model._meta.verbose_name_plural)
        return self.get_export_title()

    def get_export_title(self):
        return (
            self.export_title
            or getattr(self, "page_title", None)
            or getattr(self, "export_sheet_title", None)
            or self.get_filename()
        )

    def as_spreadsheet(self, queryset, spreadsheet_format):
        # Every export is a download of personal data for the audit trail (issue 18).
        response = super().as_spreadsheet(queryset, spreadsheet_format)
        record_personal_data_download(
            self.request,
            what=f"{spreadsheet_format}: {self.request.path}",
            about=getattr(self, "session", None),
        )
        return response

    def preprocess_field_value(self, field, value, export_format):
        if isinstance(value, datetime.datetime) and timezone.is_naive(value):
            value = value.replace(second=0, microsecond=0)  # no zone known to name
            return f"{value:%Y-%m-%d %H:%M}" if export_format == self.FORMAT_CSV else value
        if isinstance(value, datetime.datetime):
            if export_format == self.FORMAT_CSV:
                return export_timestamp(value, self.export_timezone())
            # Excel has no time zones: the local time, the zone named in the heading.
            return timezone.localtime(value, self.export_timezone()).replace(
                tzinfo=None, second=0, microsecond=0
            )
        if isinstance(value, datetime.date) and export_format == self.FORMAT_CSV:
            return value.isoformat()
        value = super().preprocess_field_value(field, value, export_format)
        # XLSX cells keep their text: ``put`` types every would-be formula as a string.
        return safe_cell(value) if export_format == self.FORMAT_CSV else value

    # ------------------------------------------------------------------ CSV

    def stream_csv(self, queryset):
        for number, line in enumerate(super().stream_csv(queryset)):
            yield BOM.encode() + line if number == 0 else line

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response

    # ------------------------------------------------------------------ XLSX

    def applied_filters(self) -> list[tuple[str, str]]:
        """The filters and search that chose the rows, as (label, value) pairs."""
        applied = []
        filters = getattr(self, "filters", None)
        if filters is not None and filters.is_valid():
            form = filters.form
            for name, field in form.fields.items():
                text = describe_value(field, form.cleaned_data.get(name))
                if text:
                    applied.append((force_str(field.label or name), text))
        query = getattr(self, "search_query", None)
        if query:
            applied.append((_("Search"), force_str(query)))
        return applied

    def export_about_extra(self) -> list[tuple[str, str]]:
        return []

    def about_rows(self, row_count: int) -> list[tuple[str, str]]:
        tz = self.export_timezone()
        rows = [(_("What"), force_str(self.get_export_title()))]
        session = getattr(self, "session", None)
        if session is not None:
            rows.append((_("Session"), session_label(session)))
        rows += self.export_about_extra()
        filters = self.applied_filters()
        if filters:
            rows += [(_("Filter: %(name)s") % {"name": label}, value) for label, value in filters]
        else:
            rows.append((_("Filters"), _("None: every row you may see")))
        rows.append((_("Rows"), str(row_count)))
        rows.append((_("Times are in"), zone_name(tz)))
        rows.append((_("Generated at"), export_timestamp(timezone.now(), tz)))
        user = getattr(getattr(self, "request", None), "user", None)
        if user is not None and user.is_authenticated:
            name = user.get_full_name() or user.get_username()
            rows.append((_("Generated by"), f"{name} <{user.email}>" if user.email else name))
        return rows

    def write_xlsx(self, queryset, output):
        """The rows on a named sheet (header bold and frozen, widths set, dates as dates),
        then the About sheet."""
        tz_name = zone_name(self.export_timezone())
        fields = list(self.list_export)
        headings = [self.get_heading(queryset, field) for field in fields]
        rows = []
        for item in queryset:
            # The row's own order, as Wagtail writes it (a view may build it its own way).
            rows.append(
                [
                    (value, self.preprocess_field_value(field, value, self.FORMAT_XLSX))
                    for field, value in self.to_row_dict(item).items()
                ]
            )
        timed = {
            index
            for row in rows
            for index, (raw, _value) in enumerate(row)
            if isinstance(raw, datetime.datetime)
        }
        headings = [
            f"{heading} ({tz_name})" if index in timed else heading
            for index, heading in enumerate(headings)
        ]

        workbook = Workbook(iso_dates=True)
        sheet = workbook.active
        sheet.title = sheet_name(self.get_sheet_title())
        for column, heading in enumerate(headings, start=1):
            put(sheet, 1, column, heading, bold=True)
        for number, row in enumerate(rows, start=2):
            for column, (raw, value) in enumerate(row, start=1):
                if isinstance(raw, datetime.datetime):
                    number_format = EXCEL_DATETIME
                elif isinstance(raw, datetime.date):
                    number_format = EXCEL_DATE
                else:
                    number_format = None
                put(sheet, number, column, value, number_format=number_format)
        sheet.freeze_panes = "A2"
        set_widths(sheet, [headings, *([value for _raw, value in row] for row in rows)])
        if rows:
            sheet.auto_filter.ref = sheet.dimensions

        about = workbook.create_sheet(sheet_name(_("About")))
        lines = self.about_rows(len(rows))
        for number, (label, value) in enumerate(lines, start=1):
            put(about, number, 1, label, bold=True)
            put(about, number, 2, value)
        set_widths(about, [list(line) for line in lines])
        workbook.save(output)

    def write_xlsx_response(self, queryset):
        output = io.BytesIO()
        self.write_xlsx(queryset, output)
        output.seek(0)
        return FileResponse(
            output,
            as_attachment=True,
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            filename=f"{self.get_filename()}.xlsx",
        )


def session_label(session) -> str:
    """A session as the About sheet names it: code, course, dates, place, time zone."""
    course = getattr(session, "course", None)
    parts = [session.code]
    if course is not None:
        parts.append(force_str(course.title))
    parts.append(f"{session.starts_on:%Y-%m-%d} \N{EN DASH} {session.ends_on:%Y-%m-%d}")
    parts += [force_str(session.place), session.timezone]
    return " · ".join(part for part in parts if part)


def csv_text(rows) -> str:
    """``rows`` (lists of cells) as CSV text, every cell made safe, with a byte-order
    mark first so that spreadsheet programs read it as UTF-8."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return out.getvalue()


class UnreadableFile(Exception):
    """The upload is not a CSV file we can read; the message says why."""


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 1_000_000
    max_rows: int = 5_000
    max_columns: int = 200


def read_csv(data: bytes, limits: Limits = Limits()) -> list[list[str]]:
    """The rows of an uploaded CSV file, each a list of stripped cells.

    Refused (``UnreadableFile``): an empty or oversized file, text that is not UTF-8
    (with or without a byte-order mark), binary content (NUL bytes: a spreadsheet saved
    as .xlsx, say), malformed CSV, too many rows or columns.
    """
    if not data:
        raise UnreadableFile(_("The file is empty."))
    if len(data) > limits.max_bytes:
        raise UnreadableFile(
            _("The file is too large: %(size)d KB, at most %(max)d KB.")
            % {"size": len(data) // 1000, "max": limits.max_bytes // 1000}
        )
    if b"\x00" in data:
        raise UnreadableFile(
            _("This is not a CSV file: save the spreadsheet as “CSV UTF-8” and try again.")
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile(
            _(
                "The file is not in UTF-8: save it as “CSV UTF-8” from your spreadsheet "
                "program and try again."
            )
        ) from error
    # The header line tells the separator: whichever of the three it has most of.
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=lambda candidate: (first_line.count(candidate), candidate == ","))
    rows = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True):
            if len(rows) >= limits.max_rows:
                raise UnreadableFile(
                    _("The file has too many rows: at most %(n)d.") % {"n": limits.max_rows}
                )
            if len(row) > limits.max_columns:
                raise UnreadableFile(
                    _("The file has too many columns: at most %(n)d.") % {"n": limits.max_columns}
                )
            rows.append([cell.strip() for cell in row])
    except csv.Error as error:
        raise UnreadableFile(
            _("The file is not valid CSV (line %(line)s).") % {"line": len(rows) + 1}
        ) from error
    return rows
