"""CSV and spreadsheet files in and out of the admin, made safe to open and to read.

Out: a cell a spreadsheet program would run as a formula (one that starts with ``=``,
``+``, ``-`` or ``@``, or with a tab or a carriage return that some programs skip
before looking) gets a leading apostrophe, which makes it text (OWASP's advice against
CSV injection). Names and organizations come from people's own profiles, so an export
must never carry a formula a coordinator's spreadsheet would run. XLSX cells are typed
as text by Wagtail's export already.

In: an uploaded CSV is read within limits (size, rows, columns), as UTF-8 with or
without a byte-order mark, with a comma, semicolon (what spreadsheets in French write)
or tab between cells; anything else is refused with a message a person can act on.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _
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


class SafeSpreadsheetExportMixin(SpreadsheetExportMixin):
    """Wagtail's CSV/XLSX export with every CSV cell made safe to open, whatever prepared it
    (a field's own preprocessing, a label, a lazy string): the last step of each cell.
    Every export Concord serves uses it, Wagtail's own reports too (``admin_reports``)."""

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
        value = super().preprocess_field_value(field, value, export_format)
        # XLSX cells keep their text: Wagtail types every would-be formula as a string.
        return safe_cell(value) if export_format == self.FORMAT_CSV else value


def csv_text(rows) -> str:
    """``rows`` (lists of cells) as CSV text, every cell made safe, with a byte-order
    mark first so that spreadsheet programs read it as UTF-8."""
    out = io.StringIO()
    out.write("\ufeff")
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
