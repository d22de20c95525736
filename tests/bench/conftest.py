"""The benchmark catalogue, built once per run: 500 live courses, 2,500 modules.

It is committed to the test database pytest-django creates for the run (and drops at
its end), before any benchmark starts. Each benchmark then runs in its own transaction,
rolled back at its end, as the rest of the suite does (``bench_site`` asks for ``db``),
so what one writes is gone before the next. None may use ``transactional_db``: its
flush would empty the catalogue for the others.
"""

from __future__ import annotations

import contextlib
import io
import logging
import time
from dataclasses import dataclass

import pytest
from django.core.management import call_command
from django.db import connection

from cms.demo import seed_generated_courses, seed_site
from cms.models import CoursePage, ModulePage
from tests.bench.harness import emit
from tests.support.pipeline_harness import pipeline  # noqa: F401 -- the fixture, for the e2e benchmarks

COURSES = 500
MODULES = 2_500


@dataclass(frozen=True)
class BenchSite:
    home: object
    catalog: object
    courses: int
    modules: int


def pytest_report_teststatus(report, config):
    # No progress dot after a passing benchmark: it would start the next JSON line.
    if report.passed and report.nodeid.startswith("tests/bench/"):
        category = "passed" if report.when == "call" else ""
        return category, "", ""
    return None


def seed_catalogue():
    """The demo (its written courses and users), then generated courses up to the size."""

    call_command("seed_demo", verbosity=0, stdout=io.StringIO())  # stdout is for JSON lines
    home, catalog = seed_site()

    def counts():
        courses = CoursePage.objects.live().child_of(catalog).count()
        modules = ModulePage.objects.live().descendant_of(catalog).count()
        return courses, modules

    # The generated courses in bulk, five modules each, and one more for the first few
    # (the written courses have 33 modules, not 40) so that the totals come out right.
    courses, modules = counts()
    generated = COURSES - courses
    seed_generated_courses(
        catalog,
        generated,
        modules_per_course=5,
        extra_modules=MODULES - modules - 5 * generated,
    )
    courses, modules = counts()
    assert (courses, modules) == (COURSES, MODULES), (courses, modules)
    # Statistics for the planner, as autovacuum would gather them after such a load.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return BenchSite(home=home, catalog=catalog, courses=courses, modules=modules)


@contextlib.contextmanager
def quiet(logger_name, level=logging.WARNING):
    """Wagtail logs three lines per page published: 9,000 lines of noise here."""
    logger = logging.getLogger(logger_name)
    previous = logger.level
    logger.setLevel(level)
    try:
        yield
    finally:
        logger.setLevel(previous)


@pytest.fixture(scope="session")
def bench_catalogue(django_db_setup, django_db_blocker) -> BenchSite:
    with django_db_blocker.unblock(), quiet("wagtail"):
        start = time.perf_counter()
        site = seed_catalogue()
        emit(
            "bench_setup",
            courses=site.courses,
            modules=site.modules,
            seed_s=round(time.perf_counter() - start, 1),
        )
    return site


@pytest.fixture
def bench_site(bench_catalogue, db) -> BenchSite:
    """The catalogue, with database access for the benchmark that asks for it."""
    return bench_catalogue
