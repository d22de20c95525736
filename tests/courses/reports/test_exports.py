"""Every CSV and XLSX file the admin exports reads well where it is opened: CSV with a
byte-order mark and times to the minute with their zone named; XLSX with a named sheet,
real dates in a date format, the header row bold and frozen, columns sized, and an About
sheet saying what the file holds, for which session, with which filters, when, by whom."""

import csv
import datetime
import io
import zoneinfo

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import Enrollment, Meeting
from participants.models import Organization
from tests.factories.courses import make_cohort, make_session
from tests.factories.pages import make_course

pytestmark = pytest.mark.django_db

ADDIS = zoneinfo.ZoneInfo("Africa/Addis_Ababa")
# 06:00 UTC with microseconds: 09:00 in Addis Ababa.
DECIDED = datetime.datetime(2027, 3, 5, 6, 0, 12, 345678, tzinfo=datetime.UTC)


@pytest.fixture
def session(course, coordinator):
    session = make_session(
        course,
        code="mpd-2027-addis",
        city="Addis Ababa",
        country="ET",
        timezone="Africa/Addis_Ababa",
        starts_on=datetime.date(2027, 3, 8),
        ends_on=datetime.date(2027, 3, 12),
        coordinators=[coordinator],
    )
    people = make_cohort(session, 2, acronym="AUC", prefix="a")
    names = [("Pierre", "Lefèvre"), ("Nguyễn Thị", "Lan")]
    for enrollment, (first, last) in zip(people, names, strict=True):
        user = enrollment.participant
        user.first_name, user.last_name = first, last
        user.save(update_fields=["first_name", "last_name"])
    Enrollment.objects.filter(session=session).update(decided_at=DECIDED)
    return session


def body(response) -> bytes:
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def roster(client, session, fmt):
    return body(client.get(reverse("course_review:roster", args=[session.pk, fmt])))


def workbook(content: bytes):
    return openpyxl.load_workbook(io.BytesIO(content))


def about(book) -> dict[str, str]:
    return {row[0]: row[1] for row in book["About"].iter_rows(values_only=True)}


# --- CSV ---------------------------------------------------------------------------------


def test_the_roster_csv_starts_with_a_byte_order_mark_so_excel_reads_utf8(
    client, coordinator, session, login
):
    content = roster(login(client, coordinator), session, "csv")
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert {r["Name"] for r in rows} == {"Pierre Lefèvre", "Nguyễn Thị Lan"}


def test_csv_times_are_to_the_minute_in_the_sessions_zone_named(
    client, coordinator, session, login
):
    content = roster(login(client, coordinator), session, "csv").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    assert {r["Decided at"] for r in rows} == {"2027-03-05 09:00 (Africa/Addis_Ababa)"}


def test_the_csv_says_its_charset(client, coordinator, session, login):
    response = login(client, coordinator).get(
        reverse("course_review:roster", args=[session.pk, "csv"])
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"


def test_the_session_list_csv_has_dates_and_times_readable(client, coordinator, session, login):
    response = login(client, coordinator).get(reverse("course_sessions:index"), {"export": "csv"})
    content = body(response)
    assert content.startswith(b"\xef\xbb\xbf")
    (row,) = csv.DictReader(io.StringIO(content.decode("utf-8-sig")))
    assert row["Code"] == "mpd-2027-addis"
    assert row["First day"] == "2027-03-08"
    opens = timezone.localtime(session.enrollment_opens_at, datetime.UTC)
    assert row["Enrollment opens"] == f"{opens:%Y-%m-%d %H:%M} (UTC)"


# --- XLSX --------------------------------------------------------------------------------


def test_the_roster_xlsx_has_a_named_sheet_with_a_bold_frozen_header(
    client, coordinator, session, login
):
    book = workbook(roster(login(client, coordinator), session, "xlsx"))
    assert book.sheetnames == ["Roster", "About"]
    sheet = book["Roster"]
    assert sheet.freeze_panes == "A2"
    header = next(sheet.iter_rows(max_row=1))
    assert [cell.value for cell in header[:3]] == ["Name", "Email", "Organization"]
    assert all(cell.font.bold for cell in header)
    # Every column is sized to its longest text: the emails fit.
    emails = [row[1].value for row in sheet.iter_rows()]
    assert sheet.column_dimensions["B"].width >= max(len(email) for email in emails)
    assert all(sheet.column_dimensions[letter].width for letter in "ABCDEFGHIJ")


def test_xlsx_dates_are_excel_dates_in_the_sessions_zone(client, coordinator, session, login):
    sheet = workbook(roster(login(client, coordinator), session, "xlsx"))["Roster"]
    header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    column = header.index("Decided at (Africa/Addis_Ababa)")
    cells = [row[column] for row in sheet.iter_rows(min_row=2)]
    assert len(cells) == 2
    for cell in cells:
        assert cell.is_date
        assert cell.number_format == "yyyy-mm-dd hh:mm"
        assert cell.value == datetime.datetime(2027, 3, 5, 9, 0)


def test_the_about_sheet_says_what_for_which_session_when_and_by_whom(
    client, coordinator, session, login
):
    coordinator.first_name, coordinator.last_name = "Comfort", "Mensah"
    coordinator.save()
    book = workbook(roster(login(client, coordinator), session, "xlsx"))
    lines = about(book)
    assert "Roster" in lines["What"]
    assert lines["Session"].startswith("mpd-2027-addis · Mediation process design")
    assert "2027-03-08" in lines["Session"]
    assert "Addis Ababa, Ethiopia" in lines["Session"]
    assert lines["Filters"] == "None: every row you may see"
    assert lines["Rows"] == "2"
    assert lines["Times are in"] == "Africa/Addis_Ababa"
    assert lines["Generated at"].endswith("(Africa/Addis_Ababa)")
    assert lines["Generated by"] == "Comfort Mensah <coord@example.org>"
    assert book["About"]["A1"].font.bold


def test_the_report_xlsx_records_the_filters_and_grouping(
    client, coordinator, course, session, login, catalog
):
    other = make_course(catalog, title="Early warning")
    make_session(other, code="ew-2027", coordinators=[coordinator])
    url = reverse("course_reports:attendance")
    response = login(client, coordinator).get(
        url,
        {
            "export": "xlsx",
            "by": "organization",
            "course": str(course.pk),
            "organization": str(Organization.objects.get(acronym="AUC").pk),
            "starts_on_from": "2027-01-01",
        },
    )
    book = workbook(body(response))
    assert book.sheetnames == ["Attendance", "About"]
    lines = about(book)
    assert lines["What"] == "Attendance and completion across sessions"
    assert lines["Grouped by"] == "Organization"
    assert lines["Filter: Course"] == "Mediation process design"
    assert lines["Filter: Organization"] == "African Union Commission (AUC)"
    assert lines["Filter: First day of the session"] == "from 2027-01-01"
    assert "Session" not in lines


def test_the_session_list_xlsx_has_real_dates(client, coordinator, session, login):
    response = login(client, coordinator).get(
        reverse("course_sessions:index"), {"export": "xlsx", "status": "open"}
    )
    book = workbook(body(response))
    assert book.sheetnames == ["Sessions", "About"]
    sheet = book["Sessions"]
    header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    first_day = sheet.cell(row=2, column=header.index("First day") + 1)
    assert first_day.is_date and first_day.number_format == "yyyy-mm-dd"
    assert first_day.value == datetime.date(2027, 3, 8)
    assert about(book)["Filter: Status"] == "Open for enrollment"


def test_xlsx_cells_never_hold_a_formula_or_a_control_character(
    client, coordinator, session, login
):
    person = session.enrollments.order_by("pk").first().participant
    person.first_name, person.last_name = '=HYPERLINK("http://evil.example")', "\x07Bell"
    person.save()
    sheet = workbook(roster(login(client, coordinator), session, "xlsx"))["Roster"]
    names = [row[0] for row in sheet.iter_rows(min_row=2)]
    evil = [cell for cell in names if cell.value.startswith("=HYPERLINK")]
    assert evil and evil[0].data_type == "s"
    assert evil[0].value.endswith(" Bell")


def test_the_attendance_csv_names_the_time_zone_of_its_sittings(
    client, coordinator, session, login
):
    Meeting.objects.create(
        session=session,
        title="Day 1",
        starts_at=datetime.datetime(2027, 3, 8, 9, 0, tzinfo=ADDIS),
        ends_at=datetime.datetime(2027, 3, 8, 16, 0, tzinfo=ADDIS),
    )
    response = login(client, coordinator).get(
        reverse("course_attendance:export", args=[session.pk])
    )
    assert response.content.startswith(b"\xef\xbb\xbf")
    header = next(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert header[3] == "2027-03-08 09:00 Day 1 (Africa/Addis_Ababa)"
