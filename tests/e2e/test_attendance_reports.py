"""Reports in the browser: a coordinator opens a session's report from the session list
and reads its figures and charts (axe finds no serious problem in it), exports the
sheet, fills in a mark and imports it back, then reads the cross-session report."""

import csv
import io
import re

import pytest
from playwright.sync_api import expect

from courses.models import Attendance, Enrollment
from tests.e2e.conftest import describe_violations
from tests.e2e.steps import admin_sign_in
from tests.factories.courses import make_cohort, make_running_session
from tests.factories.pages import make_course
from tests.factories.users import make_coordinator

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

S = Attendance.Status
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture
def evaluated(catalog):
    """Four people and four meetings held; two completed, two not; one mark missing."""
    course = make_course(catalog, title="Mediation process design")
    session = make_running_session(
        course, people=3, meetings=4, coordinators=[make_coordinator("coordinator")], code="mpd-e2e"
    )
    make_cohort(session, 1, acronym="AUC", prefix="a")
    enrollments = list(session.enrollments.order_by("pk"))
    meetings = list(session.meetings.order_by("starts_at"))
    marks = [
        [S.PRESENT, S.PRESENT, S.LATE, S.PRESENT],
        [S.PRESENT, S.ABSENT, S.EXCUSED, None],
        [S.PRESENT, S.PRESENT, S.PRESENT, S.ABSENT],
        [S.ABSENT, S.ABSENT, S.PRESENT, S.PRESENT],
    ]
    Attendance.objects.bulk_create(
        Attendance(enrollment=e, meeting=m, status=s)
        for e, row in zip(enrollments, marks, strict=True)
        for m, s in zip(meetings, row, strict=True)
        if s is not None
    )
    outcomes = ["completed", "not_completed", "completed", "not_completed"]
    for enrollment, status in zip(enrollments, outcomes, strict=True):
        Enrollment.objects.filter(pk=enrollment.pk).update(status=status)
    return session


def test_the_coordinator_reads_the_report_and_round_trips_the_sheet(
    new_context, axe_source, evaluated
):
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    admin_sign_in(page, "coordinator")
    page.get_by_role("button", name="Courses").click()  # the menu groups the areas
    page.get_by_role("link", name="Sessions", exact=True).first.click()
    page.get_by_role("link", name="Report of mpd-e2e").click()
    expect(page.get_by_role("heading", name="Report", level=1)).to_be_visible()

    figures = page.locator(".report-figures")
    expect(figures.get_by_text("62.5 %")).to_be_visible()  # 10 of 16 present or late
    expect(figures).to_contain_text("On the roster")
    chart = page.get_by_role("img", name="Attendance rate per meeting")
    expect(chart).to_be_visible()
    expect(chart).to_contain_text("75 % (3 of 4)")
    expect(page.get_by_role("img", name="Participants by attendance")).to_be_visible()
    expect(page.get_by_role("img", name="Completion rate by gender")).to_be_visible()
    meetings_table = page.get_by_role("table", name="Marks per sitting")
    expect(meetings_table.get_by_role("row")).to_have_count(5)

    page.evaluate(axe_source)
    result = page.evaluate("options => axe.run('main', options)", AXE_OPTIONS)
    assert len(result["passes"]) > 10, "axe did not run on the report"
    serious = [v for v in result["violations"] if v["impact"] in {"serious", "critical"}]
    assert not serious, describe_violations(serious)

    # The sheet as a file: the missing mark filled in, then imported back.
    with page.expect_download() as download:
        page.get_by_role("link", name="Export attendance (CSV)").click()
    rows = list(csv.reader(io.StringIO(download.value.path().read_text(encoding="utf-8-sig"))))
    missing = next(row for row in rows[1:] if row[6] == "")
    missing[6] = "Late"
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    page.get_by_role("link", name="Import attendance").click()
    page.get_by_label("CSV file").set_input_files(
        files=[{"name": "sheet.csv", "mimeType": "text/csv", "buffer": out.getvalue().encode()}]
    )
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("1 mark imported.")
    assert Attendance.objects.filter(source=Attendance.Source.IMPORT, status=S.LATE).count() == 1

    # Across sessions, from the Reports menu.
    page.get_by_role("button", name="Reports").click()
    page.get_by_role("link", name="Attendance and completion").click()
    row = page.get_by_role("row", name=re.compile("Mediation process design"))
    expect(row).to_contain_text("68.8 %")  # 11 of 16, with the imported mark
    expect(row).to_contain_text("50 %")  # 2 of 4 completed
