"""Server time and SQL queries of the public pages on a 500-course catalogue.

Pages are requested through Django's test client (the whole middleware stack, no
network). Every response is checked for its status and its content, so that a broken
page fails instead of being timed; the timings themselves are only printed.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.postgres.search import SearchQuery
from django.core.cache import cache
from django.db.models import Q

from cms.demo import HOME_TITLE
from cms.models import CoursePage, CourseSearchDocument, ModulePage
from tests.bench.harness import expect_page, measure

# A written course of the demo (featured, five modules), and one of its modules.
COURSE_SLUG = "mediation-process-design"
MODULE_SLUG = "process-architecture"
FILTER = {"area": "mediation", "lang": "fr"}
SEARCH = "mediation"


@pytest.fixture
def course(bench_site):
    return CoursePage.objects.live().child_of(bench_site.catalog).get(slug=COURSE_SLUG)


@pytest.fixture
def module(course):
    return ModulePage.objects.live().child_of(course).get(slug=MODULE_SLUG)


def search_total(catalog, word):
    """How many courses the catalogue finds for an English ``word``: those whose stored
    document (their modules' text included) has it, stemmed or as it is."""
    return (
        CourseSearchDocument.objects.filter(
            page__live=True, page__depth=catalog.depth + 1, page__path__startswith=catalog.path
        )
        .filter(Q(text__contains=word) | Q(document=SearchQuery(word, config="english")))
        .values("translation_key")
        .distinct()
        .count()
    )


def courses_heading(total):
    return f"{total} course" if total == 1 else f"{total} courses"


def test_home_page(client, bench_site, course):
    measure("home_page", lambda: client.get("/"), check=expect_page(HOME_TITLE, course.title))


def test_catalog_page(client, bench_site):
    url = bench_site.catalog.url
    measure(
        "catalog_page",
        lambda: client.get(url),
        check=expect_page(
            courses_heading(bench_site.courses), f"Showing 1\N{EN DASH}12 of {bench_site.courses}"
        ),
    )


def test_catalog_filtered(client, bench_site):
    url = bench_site.catalog.url
    total = (
        CoursePage.objects.live()
        .child_of(bench_site.catalog)
        .filter(thematic_areas__slug=FILTER["area"], languages__contains=[FILTER["lang"]])
        .distinct()
        .count()
    )
    assert 12 < total < bench_site.courses  # filtered, and more than one page of results
    measure(
        "catalog_filtered",
        lambda: client.get(url, FILTER),
        check=expect_page(courses_heading(total), "Active filters:"),
    )


def test_catalog_search(client, bench_site):
    url = bench_site.catalog.url
    total = search_total(bench_site.catalog, SEARCH)
    assert total > 12  # a search with several pages of results
    measure(
        "catalog_search",
        lambda: client.get(url, {"q": SEARCH}),
        check=expect_page(courses_heading(total), f"matching “{SEARCH}”"),
    )


def test_course_page(client, bench_site, course, module):
    url = course.url
    measure("course_page", lambda: client.get(url), check=expect_page(course.title, module.title))


def test_pages_just_after_a_publish(client, bench_site, course, module):
    """The first visit after an editor publishes: nothing of the site's is cached."""
    check = expect_page(course.title, module.title)
    measure("course_page_uncached", lambda: client.get(course.url), check=check, before=cache.clear)
    check = expect_page(courses_heading(bench_site.courses))
    url = bench_site.catalog.url
    measure("catalog_page_uncached", lambda: client.get(url), check=check, before=cache.clear)
    # The first search after a publish reads the stored documents as any search does.
    check = expect_page(courses_heading(search_total(bench_site.catalog, SEARCH)))
    measure(
        "catalog_search_uncached",
        lambda: client.get(url, {"q": SEARCH}),
        check=check,
        before=cache.clear,
    )


def test_module_page(client, bench_site, course, module):
    # Training material is for signed-in staff: the demo's participant reads it.
    client.force_login(get_user_model().objects.get(username="participant"))
    url = module.url
    measure(
        "module_page",
        lambda: client.get(url),
        check=expect_page(module.title, course.title),
    )


# The demo's course translated into Arabic (cms.demo.translations), and one of its modules.
TRANSLATED_SLUG = "partnering-under-chapter-viii"
SEARCH_AR = "وساطة"


def test_course_page_ar(client, bench_site):
    """The course page in Arabic for a visitor whose browser asks for Arabic: the same
    target as ``course_page``."""
    course = CoursePage.objects.live().get(slug=TRANSLATED_SLUG, locale__language_code="ar")
    module = ModulePage.objects.live().child_of(course).first()
    measure(
        "course_page_ar",
        lambda: client.get(course.url, headers={"accept-language": "ar"}),
        check=expect_page(course.title, module.title),
    )


def test_catalog_search_ar(client, bench_site):
    """An Arabic search of the whole catalogue (every course and translation is searched;
    the demo has one course in Arabic): the same target as ``catalog_search``."""
    course = CoursePage.objects.live().get(slug=TRANSLATED_SLUG, locale__language_code="ar")
    url = bench_site.catalog.url
    measure(
        "catalog_search_ar",
        lambda: client.get(url, {"q": SEARCH_AR}, headers={"accept-language": "ar"}),
        check=expect_page(course.title, SEARCH_AR),
    )
