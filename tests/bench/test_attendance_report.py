"""The cross-session attendance report over 1,000 sessions and 30,000 enrollments.

- ``attendance_report``: the report page in the admin for a superuser (every session),
  grouped by course;
- ``attendance_report_figures``: its figures alone (the selector, without the page);
- ``attendance_report_by_organization``: grouped by organization (the grouping with the
  most queries: the names, and the sessions counted apart);
- ``attendance_report_coordinator``: the page of a coordinator who ran 25 of the sessions;
- ``attendance_report_xlsx``: the XLSX export of the first.

The data is made in bulk (``bulk_create``, and INSERT … SELECT for the enrollments and
marks) in the test's own transaction (rolled back at its end) over the benchmark
catalogue's 500 courses: five meetings per session, all held; 30 enrollments per
session, eight in nine of them on the roster; a mark for about 95 % of the roster's
places.
"""

from __future__ import annotations

import datetime
import time

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cms.models import CoursePage
from courses.models import Attendance, CourseSession, Enrollment, Meeting
from courses.reports.selectors import attendance_summary
from courses.reports.services import refresh_figures
from participants.models import Organization, Participant
from tests.bench.harness import emit, expect_page, measure
from tests.factories.users import make_coordinator, make_user

SESSIONS = 1_000
PER_SESSION = 30
MEETINGS = 5
PEOPLE = 6_000  # each in five sessions
PREFIX = "bench-report-"
QUERY_BUDGET = 20  # the admin's own queries (session, user, menu) come on top of ours
STATUSES = ["completed"] * 12 + ["not_completed"] * 3 + ["confirmed"] + ["rejected", "withdrawn"]
MARKS = ["present"] * 7 + ["late", "excused", "absent"]
GENDERS = ["woman", "man", "another", "undisclosed", ""]


def build(catalog, sessions_count: int = SESSIONS) -> int:
    """The sessions, people, enrollments, meetings and marks; returns the enrollments."""
    now = timezone.now()
    today = timezone.localdate(now)
    user_model = get_user_model()
    organizations = list(Organization.objects.order_by("pk"))
    courses = list(CoursePage.objects.live().child_of(catalog).values_list("pk", flat=True))
    users = user_model.objects.bulk_create(
        (
            user_model(
                username=f"{PREFIX}{i:05d}",
                email=f"{PREFIX}{i:05d}@example.org",
                first_name=f"Given{i}",
                last_name=f"Family{i}",
                password="!",
            )
            for i in range(PEOPLE)
        ),
        batch_size=2_000,
    )
    profiles = Participant.objects.bulk_create(
        (
            Participant(
                user=user,
                organization=organizations[i % len(organizations)],
                job_title="Officer",
                duty_station="KE",
                gender=GENDERS[i % len(GENDERS)],
            )
            for i, user in enumerate(users)
        ),
        batch_size=2_000,
    )
    sessions = CourseSession.objects.bulk_create(
        (
            CourseSession(
                course_id=courses[i % len(courses)],
                code=f"{PREFIX}{i:04d}",
                starts_on=today - datetime.timedelta(days=30 + (i * 37) % 1_800),
                ends_on=today - datetime.timedelta(days=26 + (i * 37) % 1_800),
                is_online=True,
                language="en",
                capacity=PER_SESSION,
                enrollment_opens_at=now - datetime.timedelta(days=2_000),
                enrollment_closes_at=now - datetime.timedelta(days=1_900),
                status=CourseSession.Status.COMPLETED,
            )
            for i in range(sessions_count)
        ),
        batch_size=1_000,
    )

    def at(day, hour):
        return datetime.datetime.combine(day, datetime.time(hour), tzinfo=datetime.UTC)

    Meeting.objects.bulk_create(
        (
            Meeting(
                session=session,
                title=f"Day {d + 1}",
                starts_at=at(session.starts_on, 9) + datetime.timedelta(days=d),
                ends_at=at(session.starts_on, 12) + datetime.timedelta(days=d),
            )
            for session in sessions
            for d in range(MEETINGS)
        ),
        batch_size=2_000,
    )
    # The enrollments and the marks by INSERT … SELECT (PostgreSQL's seeded random()):
    # 300,000 enrollments and 1.2 million marks made as Python objects took minutes.
    enrollment_table = Enrollment._meta.db_table
    attendance_table = Attendance._meta.db_table
    meeting_table = Meeting._meta.db_table
    session_ids = [session.pk for session in sessions]
    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(0.4)")
        cursor.execute(
            f"INSERT INTO {enrollment_table} (session_id, participant_id, organization_id, "  # noqa: S608 -- names ours
            "status, requested_at, decided_at, justification, reason, override_reason) "
            "SELECT s.id, u.id, u.organization_id, "
            "(%(statuses)s::text[])[1 + floor(random() * %(n_statuses)s)::int], "
            "%(now)s, %(now)s, '', '', '' "
            "FROM unnest(%(sessions)s::bigint[]) WITH ORDINALITY AS s(id, i) "
            "CROSS JOIN generate_series(0, %(per_session)s - 1) AS k "
            "JOIN unnest(%(users)s::bigint[], %(organizations)s::bigint[]) "
            "WITH ORDINALITY AS u(id, organization_id, n) "
            "ON u.n = ((s.i - 1) * %(per_session)s + k) %% %(people)s + 1 "
            "ORDER BY s.i, k",
            {
                "statuses": STATUSES,
                "n_statuses": len(STATUSES),
                "now": now,
                "sessions": session_ids,
                "per_session": PER_SESSION,
                "users": [user.pk for user in users],
                "organizations": [profile.organization_id for profile in profiles],
                "people": PEOPLE,
            },
        )
        made = cursor.rowcount
        cursor.execute(
            f"INSERT INTO {attendance_table} (enrollment_id, meeting_id, status, note, source, "  # noqa: S608 -- names ours
            "recorded_at, version) "
            "SELECT e.id, m.id, (%(marks)s::text[])[1 + floor(random() * %(n_marks)s)::int], "
            "'', 'sheet', %(now)s, 1 "
            f"FROM {enrollment_table} e JOIN {meeting_table} m ON m.session_id = e.session_id "
            "WHERE e.session_id = ANY(%(sessions)s::bigint[]) "
            "AND e.status IN ('completed', 'not_completed', 'confirmed') "
            "AND random() >= 0.05",
            {"marks": MARKS, "n_marks": len(MARKS), "now": now, "sessions": session_ids},
        )
        cursor.execute("ANALYZE")
    return made


def test_attendance_report(client, bench_site):
    start = time.perf_counter()
    enrollments = build(bench_site.catalog)
    emit(
        "attendance_report_setup",
        sessions=SESSIONS,
        enrollments=enrollments,
        seed_s=round(time.perf_counter() - start, 1),
    )
    admin = make_user("bench-report-admin", superuser=True)
    client.force_login(admin)
    url = reverse("course_reports:attendance")
    page_check = expect_page("Attendance and completion")

    def check(response):
        page_check(response)
        total = response.context["total"]
        assert total.enrollments >= SESSIONS * PER_SESSION, total
        assert total.sessions >= SESSIONS, total

    # The first request after the bulk load counts every session itself (the load
    # flagged them all stale; a GET writes nothing); then the beat's refresh recounts
    # them, and the requests measured next read the figures as kept.
    first_start, first_cpu = time.perf_counter(), time.process_time()
    check(client.get(url))
    emit(
        "attendance_report_first",
        ms=round((time.perf_counter() - first_start) * 1000, 1),
        cpu_ms=round((time.process_time() - first_cpu) * 1000, 1),
    )
    refresh_start = time.perf_counter()
    recounted = refresh_figures()
    emit(
        "attendance_report_refresh",
        sessions=recounted,
        ms=round((time.perf_counter() - refresh_start) * 1000, 1),
    )
    measure(
        "attendance_report",
        lambda: client.get(url),
        n=20,
        check=check,
        query_budget=QUERY_BUDGET,
    )

    # The figures alone (the selector's queries, no page around them).
    def figures():
        # The rows are read lazily: the first page of 50 and the total, as the page reads.
        summary = attendance_summary(user=admin, by="course")
        summary.rows.expect(0, 50)
        summary.rows[0:50]
        return summary

    measure(
        "attendance_report_figures",
        figures,
        n=20,
        check=lambda summary: summary.total.enrollments >= SESSIONS * PER_SESSION,
        query_budget=QUERY_BUDGET,
    )
    measure(
        "attendance_report_by_organization",
        lambda: client.get(url, {"by": "organization"}),
        n=20,
        check=check,
        query_budget=QUERY_BUDGET,
    )

    # A coordinator's view: the 25 sessions they ran, among the 1,000.
    coordinator = make_coordinator("bench-report-coordinator")
    CourseSession.coordinators.through.objects.bulk_create(
        CourseSession.coordinators.through(coursesession_id=pk, user_id=coordinator.pk)
        for pk in CourseSession.objects.filter(code__startswith=PREFIX)
        .order_by("pk")
        .values_list("pk", flat=True)[::40]
    )
    coordinator_client = Client()
    coordinator_client.force_login(coordinator)

    def check_coordinator(response):
        page_check(response)
        assert response.context["total"].sessions == SESSIONS // 40, response.context["total"]

    measure(
        "attendance_report_coordinator",
        lambda: coordinator_client.get(url),
        n=20,
        check=check_coordinator,
        query_budget=QUERY_BUDGET,
    )

    def check_xlsx(response):
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/vnd.openxmlformats")

    measure(
        "attendance_report_xlsx",
        lambda: client.get(url, {"export": "xlsx"}),
        n=10,
        check=check_xlsx,
        query_budget=QUERY_BUDGET,
    )
