"""Attendance and completion reports: one session's, for its coordinators only, and the
figures across sessions, grouped, filtered and exported, for the sessions one runs."""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.models import Attendance, Enrollment
from courses.reports.selectors import attendance_summary, session_report
from participants.models import Organization, Participant
from tests.factories.courses import make_cohort, make_meetings, make_running_session, make_session
from tests.factories.pages import make_course
from tests.factories.users import (
    make_coordinator,
    make_participant,
    make_trainer,
    make_user,
)

pytestmark = pytest.mark.django_db

S = Attendance.Status
E = Enrollment.Status


@pytest.fixture
def other_course(catalog):
    return make_course(catalog, title="Early warning")


def mark(session, rows):
    """``rows``: one list of marks per person of the roster (by pk), one per meeting."""
    enrollments = list(session.enrollments.order_by("pk"))
    meetings = list(session.meetings.order_by("starts_at"))
    Attendance.objects.bulk_create(
        Attendance(enrollment=e, meeting=m, status=s)
        for e, marks in zip(enrollments, rows, strict=False)
        for m, s in zip(meetings, marks, strict=False)
        if s is not None
    )
    return enrollments


def set_status(enrollment, status):
    Enrollment.objects.filter(pk=enrollment.pk).update(status=status)


def set_gender(enrollment, gender):
    Participant.objects.filter(user_id=enrollment.participant_id).update(gender=gender)


def report_url(session):
    return reverse("course_session_report:index", args=[session.pk])


# --- one session -------------------------------------------------------------------------


@pytest.fixture
def evaluated(course, coordinator):
    """Four people, four meetings held: two completed, two not, in two organizations."""
    session = make_running_session(
        course, people=3, meetings=4, coordinators=[coordinator], code="mpd-2026"
    )
    make_cohort(session, 1, acronym="AUC", prefix="a")
    people = mark(
        session,
        [
            [S.PRESENT, S.PRESENT, S.LATE, S.PRESENT],  # 4 of 4
            [S.PRESENT, S.ABSENT, S.EXCUSED, None],  # 1 of 4, one unmarked
            [S.PRESENT, S.PRESENT, S.PRESENT, S.ABSENT],  # 3 of 4
            [S.ABSENT, S.ABSENT, S.PRESENT, S.PRESENT],  # AUC: 2 of 4
        ],
    )
    outcomes = [E.COMPLETED, E.NOT_COMPLETED, E.COMPLETED, E.NOT_COMPLETED]
    for person, status in zip(people, outcomes, strict=True):
        set_status(person, status)
    set_gender(people[0], "woman")
    set_gender(people[2], "woman")
    set_gender(people[3], "man")
    return session


def by_pk(report):
    """The report's lines in the order people were enrolled (the report sorts by name)."""
    return sorted(report.participants, key=lambda line: line.enrollment.pk)


def test_the_session_report_counts_attendance_per_meeting_and_per_person(evaluated):
    report = session_report(evaluated)
    assert (report.roster, report.held) == (4, 4)
    per_meeting = [(m.present, m.late, m.excused, m.absent, m.unmarked) for m in report.meetings]
    assert per_meeting == [(3, 0, 0, 1, 0), (2, 0, 0, 2, 0), (2, 1, 1, 0, 0), (2, 0, 0, 1, 1)]
    assert [m.rate for m in report.meetings] == [
        Decimal("75.0"),
        Decimal("50.0"),
        Decimal("75.0"),
        Decimal("50.0"),
    ]
    # 10 present or late out of 4 people x 4 meetings.
    assert report.attendance_rate == Decimal("62.5")
    second = by_pk(report)[1]
    assert (second.present, second.excused, second.absent, second.unmarked) == (1, 1, 1, 1)
    assert second.absences == 2
    # The rule leaves the excused meeting out: 1 of 3.
    assert second.figures.percent == Decimal("33.33")
    assert [p.outcome for p in by_pk(report)] == [
        "completed",
        "not_completed",
        "completed",
        "not_completed",
    ]
    assert (report.completed, report.not_completed, report.pending) == (2, 2, 0)


def test_the_balance_of_completers_by_organization_kind_and_gender(evaluated):
    report = session_report(evaluated)
    by_org = {g.label: (g.roster, g.completed, g.completion_rate) for g in report.by_organization}
    assert by_org == {"DPPA": (3, 2, Decimal("66.7")), "AUC": (1, 0, Decimal("0.0"))}
    by_kind = {g.key: (g.roster, g.completed) for g in report.by_kind}
    assert by_kind == {"un": (3, 2), "regional": (1, 0)}
    by_gender = {g.key: (g.roster, g.completed, g.share_of_completers) for g in report.by_gender}
    assert by_gender == {
        "woman": (2, 2, Decimal("100.0")),
        "man": (1, 0, Decimal("0.0")),
        "not_given": (1, 0, Decimal("0.0")),
    }


def test_the_report_page_shows_charts_with_their_tables(client, coordinator, evaluated, login):
    response = login(client, coordinator).get(report_url(evaluated))
    assert response.status_code == 200
    html = response.content.decode()
    # One accessible image per chart, named by its title and summed up by its desc.
    for chart in ("meetings", "participants", "organization", "kind", "gender"):
        assert f'id="chart-{chart}"' in html
        assert f'aria-labelledby="chart-{chart}-title chart-{chart}-desc"' in html
    assert "Share of the roster present or late at each of the 4 meetings held" in html
    assert "from 50 % (" in html and "to 75 % (" in html
    assert "1 participant(s) reached the minimum attendance of 80 %, 3 did not." in html
    assert "62.5 %" in html  # the session's rate, in the figures
    # The numbers are in tables too.
    assert response.context["report"].roster == 4
    assert html.count('<table class="listing report-table"') == 5


def test_the_report_is_linked_from_the_session_screens(client, coordinator, evaluated, login):
    client = login(client, coordinator)
    url = report_url(evaluated)
    assert url in client.get(reverse("course_sessions:edit", args=[evaluated.pk])).content.decode()
    assert url in client.get(reverse("course_sessions:index")).content.decode()


def test_a_session_with_no_meetings_and_nobody_still_reports(client, course, coordinator, login):
    session = make_session(course, coordinators=[coordinator])
    response = login(client, coordinator).get(report_url(session))
    assert response.status_code == 200
    assert "This session has no sittings." in response.content.decode()
    assert response.context["report"].attendance_rate is None


def test_a_coordinator_of_another_session_gets_404(client, evaluated, login):
    other = make_coordinator("other")
    assert login(client, other).get(report_url(evaluated)).status_code == 404


def test_a_trainer_of_the_session_gets_404(client, evaluated, login):
    trainer = make_trainer("teacher")
    evaluated.trainers.add(trainer)
    assert login(client, trainer).get(report_url(evaluated)).status_code == 404


def test_a_participant_is_sent_to_the_admin_login(client, evaluated, login):
    person = make_participant("someone")
    response = login(client, person).get(report_url(evaluated))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_a_superuser_sees_any_session_report(client, evaluated, login):
    admin = make_user("root", superuser=True)
    assert login(client, admin).get(report_url(evaluated)).status_code == 200


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_session_report_runs_a_constant_number_of_queries(
    client, course, coordinator, django_assert_num_queries, login
):
    small = make_running_session(course, people=2, meetings=2, coordinators=[coordinator])
    mark(small, [[S.PRESENT, S.LATE], [S.ABSENT]])
    big = make_running_session(course, people=12, meetings=8, coordinators=[coordinator])
    make_cohort(big, 5, acronym="AUC", prefix="a")
    make_cohort(big, 5, acronym="OSCE", prefix="o")
    rows = [[S.PRESENT, S.LATE, S.EXCUSED, S.ABSENT, None, S.PRESENT, S.PRESENT, S.LATE]] * 22
    for person in mark(big, rows)[:8]:
        set_status(person, E.COMPLETED)
    client = login(client, coordinator)
    client.get(report_url(small))  # warm up the session and content-type caches
    queries = count_queries(client, report_url(small))
    with django_assert_num_queries(queries):
        response = client.get(report_url(big))
    assert response.context["report"].roster == 22
    assert len(response.context["report"].meetings) == 8


# --- across sessions ---------------------------------------------------------------------


@pytest.fixture
def sessions(course, other_course, coordinator):
    """Two sessions run by ``coordinator`` (two courses, two years) and a foreign one."""
    now = timezone.now()
    first = make_session(
        course,
        code="mpd-2025",
        starts_on=datetime.date(2025, 3, 3),
        ends_on=datetime.date(2025, 3, 4),
        coordinators=[coordinator],
        status="completed",
    )
    make_meetings(first, 2)
    dppa = make_cohort(first, 2)
    (auc,) = make_cohort(first, 1, acronym="AUC", prefix="a")
    make_cohort(first, 1, prefix="w", status=E.WITHDRAWN)
    mark(first, [[S.PRESENT, S.PRESENT], [S.LATE, S.ABSENT], [S.EXCUSED]])
    set_status(dppa[0], E.COMPLETED)
    set_status(dppa[1], E.NOT_COMPLETED)
    set_gender(dppa[0], "woman")
    set_gender(auc, "man")

    second = make_session(
        other_course,
        code="ew-2026",
        starts_on=datetime.date(2026, 5, 4),
        ends_on=datetime.date(2026, 5, 6),
        coordinators=[coordinator],
        status="in_progress",
    )
    # Three meetings: two held, the last tomorrow.
    make_meetings(second, 3, first=now - datetime.timedelta(hours=25))
    make_cohort(second, 2, acronym="OSCE", prefix="o")
    # Marks at the meeting not held yet (one excused in advance, one by mistake) are
    # not counted: the meeting is not expected either.
    mark(second, [[S.PRESENT, S.PRESENT, S.PRESENT], [None, None, S.EXCUSED]])

    foreign = make_session(course, code="foreign", coordinators=[make_coordinator("else")])
    make_meetings(foreign, 2)
    make_cohort(foreign, 3, prefix="f")
    mark(foreign, [[S.PRESENT, S.PRESENT]] * 3)
    return first, second, foreign


def rows_by_label(summary):
    return {row.label: row for row in summary.rows}


def test_figures_by_course_for_the_sessions_one_coordinates(coordinator, sessions):
    summary = attendance_summary(user=coordinator, by="course")
    rows = rows_by_label(summary)
    assert set(rows) == {"Mediation process design", "Early warning"}
    mpd = rows["Mediation process design"]
    assert (mpd.sessions, mpd.enrollments, mpd.roster) == (1, 4, 3)
    assert (mpd.expected, mpd.attended, mpd.excused) == (6, 3, 1)
    assert mpd.attendance_rate == Decimal("50.0")
    assert (mpd.completed, mpd.not_completed, mpd.completion_rate) == (1, 1, Decimal("50.0"))
    ew = rows["Early warning"]
    # Two of its three meetings are held: 2 people x 2 meetings expected.
    assert (ew.enrollments, ew.roster, ew.expected, ew.attended, ew.excused) == (2, 2, 4, 2, 0)
    assert ew.completion_rate is None  # nobody decided yet
    total = summary.total
    assert (total.sessions, total.enrollments, total.roster) == (2, 6, 5)
    assert total.attendance_rate == Decimal("50.0")  # 5 of 10


def test_a_superuser_sees_every_session(sessions):
    admin = make_user("root", superuser=True)
    summary = attendance_summary(user=admin, by="course")
    assert summary.total.sessions == 3
    assert rows_by_label(summary)["Mediation process design"].enrollments == 7


def test_figures_by_organization_kind_gender_and_year(coordinator, sessions):
    by_org = rows_by_label(attendance_summary(user=coordinator, by="organization"))
    assert {label: row.roster for label, row in by_org.items()} == {
        "African Union Commission": 1,
        "UN Department of Political and Peacebuilding Affairs": 2,
        "Organization for Security and Co-operation in Europe": 2,
    }
    dppa = by_org["UN Department of Political and Peacebuilding Affairs"]
    # The DPPA person who withdrew counts as an enrollment, not a seat.
    assert (dppa.enrollments, dppa.attended, dppa.expected) == (3, 3, 4)
    by_kind = attendance_summary(user=coordinator, by="kind")
    assert [(r.key, r.roster) for r in by_kind.rows] == [("un", 2), ("regional", 3)]
    assert by_kind.total.sessions == 2
    by_gender = {r.key: r for r in attendance_summary(user=coordinator, by="gender").rows}
    assert {k: r.roster for k, r in by_gender.items()} == {"woman": 1, "man": 1, "not_given": 3}
    assert by_gender["woman"].completion_rate == Decimal("100.0")
    by_year = attendance_summary(user=coordinator, by="year")
    assert [(r.key, r.enrollments) for r in by_year.rows] == [(2025, 4), (2026, 2)]


def test_filters_by_dates_course_and_organization(coordinator, sessions, other_course):
    only_2026 = attendance_summary(
        user=coordinator, by="course", starts_from=datetime.date(2026, 1, 1)
    )
    assert [r.label for r in only_2026.rows] == ["Early warning"]
    until_2025 = attendance_summary(
        user=coordinator, by="year", starts_until=datetime.date(2025, 12, 31)
    )
    assert [r.key for r in until_2025.rows] == [2025]
    by_course = attendance_summary(user=coordinator, by="year", course=other_course)
    assert [r.key for r in by_course.rows] == [2026]
    auc = Organization.objects.get(acronym="AUC")
    one_org = attendance_summary(user=coordinator, by="course", organization=auc)
    assert [(r.label, r.roster, r.excused) for r in one_org.rows] == [
        ("Mediation process design", 1, 1)
    ]


def report_list_url(**params):
    url = reverse("course_reports:attendance")
    if params:
        url += "?" + "&".join(f"{k}={v}" for k, v in params.items())
    return url


def test_the_report_page_lists_the_groups_and_the_total(client, coordinator, sessions, login):
    response = login(client, coordinator).get(report_list_url(by="course"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mediation process design" in html and "Early warning" in html
    assert "foreign" not in html
    assert [r.label for r in response.context["object_list"]] == [
        "Early warning",
        "Mediation process design",
    ]
    assert 'aria-current="page">Course</a>' in html
    assert "Download CSV" in html and "Download XLSX" in html


def test_the_report_page_filters_by_date_range(client, coordinator, sessions, login):
    response = login(client, coordinator).get(
        report_list_url(by="course", starts_on_from="2026-01-01", starts_on_to="2026-12-31")
    )
    assert [r.label for r in response.context["object_list"]] == ["Early warning"]


def test_the_report_page_filters_by_one_of_ones_courses(
    client, catalog, coordinator, sessions, other_course, login
):
    elsewhere = make_course(catalog, title="Someone else's course")
    make_session(elsewhere, coordinators=[make_coordinator("third")])
    client = login(client, coordinator)
    response = client.get(report_list_url(by="year", course=other_course.pk))
    assert [r.key for r in response.context["object_list"]] == [2026]
    html = response.content.decode()
    # A chooser (search as you type), not a select of every course: the chosen course's
    # title in the box, its id in the hidden input the form submits.
    assert "<option" not in html.split("data-course-chooser")[1].split("</div>")[0]
    assert f'name="course" value="{other_course.pk}" data-chooser-value' in html
    assert 'value="Early warning"' in html
    assert "course_chooser.js" in html
    # Another coordinator's course is not a valid choice: the filter is refused and its
    # title never shown.
    response = client.get(report_list_url(by="year", course=elsewhere.pk))
    assert "Someone else" not in response.content.decode()
    assert "course" in response.context["filters"].form.errors


def test_the_course_chooser_finds_ones_courses_as_one_types(
    client, catalog, coordinator, sessions, other_course, login
):
    elsewhere = make_course(catalog, title="Early action elsewhere")
    make_session(elsewhere, coordinators=[make_coordinator("third")])
    client = login(client, coordinator)
    url = reverse("course_reports:courses")
    found = client.get(url, {"q": "EARLY"}).json()
    assert found == {"results": [{"id": other_course.pk, "title": "Early warning"}], "more": False}
    titles = [c["title"] for c in client.get(url).json()["results"]]
    assert titles == ["Early warning", "Mediation process design"]
    assert client.get(url, {"q": "médiation"}).json()["results"][0]["title"] == (
        "Mediation process design"
    )
    # Whoever may not see the report may not list its courses.
    trainer = make_trainer("teacher")
    assert login(client, trainer).get(url).status_code in (302, 403)


def test_the_report_page_runs_as_many_queries_for_3_courses_as_for_30(
    client, catalog, coordinator, login
):
    def grow(n):
        for i in range(n):
            course = make_course(catalog, title=f"Grown course {i:03d} {catalog.pk}-{n}")
            session = make_session(course, coordinators=[coordinator])
            make_cohort(session, 2, prefix=f"g{n}-{i}-")

    grow(3)
    client = login(client, coordinator)
    client.get(report_list_url())  # warm up the session and content-type caches
    small = count_queries(client, report_list_url())
    grow(27)
    page = report_list_url(by="course", course=Enrollment.objects.last().session.course_id)
    large = count_queries(client, report_list_url())
    assert small == large, (small, large)
    assert count_queries(client, page) <= large + 2  # the chosen course checked, and its title
    response = client.get(report_list_url())
    assert len(response.context["object_list"]) == 30
    assert response.context["total"].sessions == 30


def test_the_report_page_sorts_by_a_rate(client, coordinator, sessions, login):
    response = login(client, coordinator).get(
        report_list_url(by="organization", ordering="-attendance_rate")
    )
    rates = [r.attendance_rate for r in response.context["object_list"]]
    assert rates == sorted(rates, reverse=True)


def test_a_trainer_cannot_open_the_cross_session_report(client, sessions, login):
    trainer = make_trainer("teacher")
    response = login(client, trainer).get(report_list_url())
    # Wagtail answers a refused permission with a message on the dashboard.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def export(client, fmt, **params):
    response = client.get(report_list_url(export=fmt, **params))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_the_csv_export_has_every_group_and_the_total(client, coordinator, sessions, login):
    content = export(login(client, coordinator), "csv", by="course").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    assert [r["Course"] for r in rows] == ["Early warning", "Mediation process design", "All"]
    mpd = rows[1]
    assert mpd["Enrollments"] == "4"
    assert mpd["Seats held"] == "3"
    assert mpd["Attendances expected"] == "6"
    assert mpd["Present or late"] == "3"
    assert mpd["Attendance rate (%)"] == "50.0"
    assert mpd["Completion rate (%)"] == "50.0"
    assert rows[0]["Completion rate (%)"] == ""
    assert rows[2]["Enrollments"] == "6"


def test_the_xlsx_export_opens_with_numbers(client, coordinator, sessions, login):
    content = export(login(client, coordinator), "xlsx", by="year")
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Year", "Sessions", "Enrollments")
    assert [row[0] for row in rows[1:]] == ["2025", "2026", "All"]
    assert rows[1][2] == 4
    assert rows[-1][2] == 6


def test_exports_never_carry_a_formula(client, coordinator, sessions, login):
    first = sessions[0]
    evil = Organization.objects.create(
        name='=HYPERLINK("http://evil.example","x")', acronym="EVIL", kind="other"
    )
    make_cohort(first, 1, acronym="EVIL", prefix="e")
    client = login(client, coordinator)
    content = export(client, "csv", by="organization").decode("utf-8-sig")
    labels = [r["Organization"] for r in csv.DictReader(io.StringIO(content))]
    assert "'" + evil.name in labels
    assert evil.name not in labels
    sheet = openpyxl.load_workbook(io.BytesIO(export(client, "xlsx", by="organization"))).active
    cells = [row[0] for row in sheet.iter_rows() if row[0].value == evil.name]
    assert cells and cells[0].data_type == "s"


def test_the_cross_session_report_runs_a_constant_number_of_queries(
    client, course, other_course, coordinator, django_assert_num_queries, login
):
    def add_session(c, people, meetings, acronym):
        session = make_running_session(
            c, people=people, meetings=meetings, coordinators=[coordinator]
        )
        make_cohort(session, 2, acronym=acronym, prefix=f"x{acronym.lower()}")
        mark(session, [[S.PRESENT, S.LATE, S.ABSENT]] * (people + 2))
        return session

    add_session(course, 2, 2, "AUC")
    client = login(client, coordinator)
    url = report_list_url(by="organization")
    client.get(url)
    queries = count_queries(client, url)
    for i, acronym in enumerate(["OSCE", "EEAS", "IGAD", "LAS", "OAS"]):
        add_session(other_course if i % 2 else course, 6, 4, acronym)
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert len(response.context["object_list"]) == 7
    assert response.context["total"].sessions == 6


def test_the_roster_export_never_carries_a_formula(client, coordinator, sessions, login):
    first = sessions[0]
    person = first.enrollments.filter(status=E.COMPLETED).get().participant
    person.first_name, person.last_name = "@SUM(1+1)", "-2"
    person.save()
    response = login(client, coordinator).get(
        reverse("course_review:roster", args=[first.pk, "csv"])
    )
    names = [
        r["Name"]
        for r in csv.DictReader(
            io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))
        )
    ]
    assert "'@SUM(1+1) -2" in names
