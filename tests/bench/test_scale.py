"""The catalogue and the cross-session report at ten times the benchmark's size: 5,000
courses (25,000 modules) and 10,000 sessions, against the 500-course lines of
``test_pages`` and the 1,000-session lines of ``test_attendance_report`` (target: within
1.5 times of them).

The 4,500 more courses are added, in bulk (``seed_generated_courses``), to the benchmark
catalogue in a transaction this module opens and rolls back at its end: every other
benchmark (in this process or after it) still sees the 500-course catalogue. Each
benchmark here runs in a savepoint inside it, as the rest of the suite does.
"""

from __future__ import annotations

import time

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.urls import reverse

from cms.cache import bump_content_version
from cms.demo import seed_generated_courses
from cms.models import CoursePage
from courses.reports.selectors import attendance_summary
from courses.reports.services import refresh_figures
from tests.bench.harness import emit, expect_page, measure
from tests.bench.test_attendance_report import PER_SESSION, QUERY_BUDGET, build
from tests.bench.test_pages import SEARCH, courses_heading, search_total
from tests.factories.users import make_user

COURSES = 5_000
SESSIONS = 10_000


@pytest.fixture(scope="module")
def big_catalogue(bench_catalogue, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            catalog = bench_catalogue.catalog
            generated = CoursePage.objects.child_of(catalog).filter(slug__contains="-cohort-")
            start = time.perf_counter()
            made = seed_generated_courses(
                catalog, generated.count() + COURSES - bench_catalogue.courses
            )
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            courses = CoursePage.objects.live().child_of(catalog).count()
            assert courses == COURSES, courses
            emit(
                "scale_setup",
                courses=courses,
                made=made,
                seed_s=round(time.perf_counter() - start, 1),
            )
            yield catalog
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            bump_content_version()  # nothing cached of the 5,000 outlives them


@pytest.fixture
def big_site(big_catalogue, db):
    return big_catalogue


def test_catalog_page_5000(client, big_site):
    url = big_site.url
    measure(
        "catalog_page_5000",
        lambda: client.get(url),
        check=expect_page(courses_heading(COURSES), f"Showing 1\N{EN DASH}12 of {COURSES}"),
    )


def test_catalog_search_5000(client, big_site):
    url = big_site.url
    total = search_total(big_site, SEARCH)
    assert total > 12
    measure(
        "catalog_search_5000",
        lambda: client.get(url, {"q": SEARCH}),
        check=expect_page(courses_heading(total), f"matching “{SEARCH}”"),
    )
    measure(
        "catalog_search_5000_uncached",
        lambda: client.get(url, {"q": SEARCH}),
        check=expect_page(courses_heading(total), f"matching “{SEARCH}”"),
        before=cache.clear,
    )
    measure(
        "catalog_page_5000_uncached",
        lambda: client.get(url),
        check=expect_page(courses_heading(COURSES)),
        before=cache.clear,
    )


def test_attendance_report_10000(client, big_site):
    start = time.perf_counter()
    enrollments = build(big_site, SESSIONS)
    emit(
        "attendance_report_10000_setup",
        sessions=SESSIONS,
        enrollments=enrollments,
        seed_s=round(time.perf_counter() - start, 1),
    )
    admin = make_user("bench-scale-admin", superuser=True)
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
        "attendance_report_10000_first",
        ms=round((time.perf_counter() - first_start) * 1000, 1),
        cpu_ms=round((time.process_time() - first_cpu) * 1000, 1),
    )
    refresh_start = time.perf_counter()
    recounted = refresh_figures()
    emit(
        "attendance_report_10000_refresh",
        sessions=recounted,
        ms=round((time.perf_counter() - refresh_start) * 1000, 1),
    )
    measure(
        "attendance_report_10000",
        lambda: client.get(url),
        n=20,
        check=check,
        query_budget=QUERY_BUDGET,
    )
    emit("attendance_report_10000_bytes", bytes=len(client.get(url).content))

    # The figures alone, against ``attendance_report_figures``: the selector's one
    # statement, without the admin page around it (less exposed to the machine's load).
    def figures():
        summary = attendance_summary(user=admin, by="course")
        summary.rows.expect(0, 50)
        summary.rows[0:50]
        return summary

    measure(
        "attendance_report_10000_figures",
        figures,
        n=20,
        check=lambda summary: summary.total.enrollments >= SESSIONS * PER_SESSION,
        query_budget=QUERY_BUDGET,
    )
