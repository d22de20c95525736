"""The cross-session attendance report over 1,000 sessions and 30,000 enrollments.

- ``attendance_report``: the report page in the admin for a superuser (every session),
  grouped by course;
- ``attendance_report_figures``: its figures alone (the selector, without the page);
- ``attendance_report_by_organization``: grouped by organization (the grouping with the
  most queries: the names, and the sessions counted apart);
- ``attendance_report_coordinator``: the page of a coordinator who ran 25 of the sessions;
- ``attendance_report_xlsx``: the XLSX export of the first.

The data is made with ``bulk_create`` in the test's own transaction (rolled back at its
end) over the benchmark catalogue's 500 courses: five meetings per session, all held; 30
enrollments per session, eight in nine of them on the roster; a mark for about 95 % of
the roster's places.
"""

from __future__ import annotations

import datetime
import random
import time

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cms.models import CoursePage
from courses.models import Attendance, CourseSession, Enrollment, Meeting
from courses.reports.selectors import attendance_summary
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
    rnd = random.Random(4)
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

    meetings = Meeting.objects.bulk_create(
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
    by_session: dict[int, list[Meeting]] = {}
    for meeting in meetings:
        by_session.setdefault(meeting.session_id, []).append(meeting)
    enrollments = []
    for s, session in enumerate(sessions):
        for k in range(PER_SESSION):
            n = (s * PER_SESSION + k) % PEOPLE
            enrollments.append(
                Enrollment(
                    session=session,
                    participant=users[n],
                    organization_id=profiles[n].organization_id,
                    status=STATUSES[rnd.randrange(len(STATUSES))],
                    decided_at=now,
                )
            )
    enrollments = Enrollment.objects.bulk_create(enrollments, batch_size=5_000)
    Attendance.objects.bulk_create(
        (
            Attendance(
                enrollment=enrollment,
                meeting=meeting,
                status=MARKS[rnd.randrange(len(MARKS))],
                recorded_at=now,
            )
            for enrollment in enrollments
            if enrollment.status in ("completed", "not_completed", "confirmed")
            for meeting in by_session[enrollment.session_id]
            if rnd.random() >= 0.05
        ),
        batch_size=5_000,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return len(enrollments)


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
