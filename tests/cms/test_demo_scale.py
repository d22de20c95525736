"""Generated courses (``seed_demo --courses N``), inserted in bulk rather than page by page,
leave a tree Wagtail itself finds sound (what ``fixtree`` checks), pages that are served
and a catalogue that lists them, and sessions for them made in bulk too."""

from __future__ import annotations

from collections import Counter

import pytest
from django.apps import apps
from django.db import connection
from django.db.models import TextField
from django.db.models.functions import Cast
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from cms.catalog import CatalogQuery, search_catalog
from cms.demo import COURSES, seed_generated_courses, seed_site
from cms.models import CoursePage, ModulePage
from cms.search import refresh_search_documents
from courses.demo import seed_generated_sessions
from courses.models import CourseSession
from tests.factories.courses import make_learner
from tests.factories.users import make_coordinator, make_user

pytestmark = pytest.mark.django_db

COUNT = 14


@pytest.fixture
def seeded():
    _home, catalog = seed_site()
    made = seed_generated_courses(catalog, COUNT, modules_per_course=3, extra_modules=2)
    assert made == COUNT
    return catalog


def test_the_seeded_tree_is_consistent(seeded):
    # Page.find_problems() is what `manage.py fixtree` reports: bad paths and depths,
    # orphans, wrong numchild; all empty.
    problems = Page.find_problems()
    assert all(not found for found in problems), problems
    catalog = Page.objects.get(pk=seeded.pk)
    assert catalog.numchild == COUNT == catalog.get_children().count()
    for course in CoursePage.objects.child_of(catalog):
        assert course.numchild == course.get_children().count()
        assert course.url_path == f"{catalog.url_path}{course.slug}/"
        assert course.get_parent().pk == catalog.pk
        for module in ModulePage.objects.child_of(course):
            assert module.url_path == f"{course.url_path}{module.slug}/"
    # Courses 1 and 2 have one module more.
    counts = sorted(
        ModulePage.objects.child_of(course).count() for course in CoursePage.objects.all()
    )
    assert counts == [3] * (COUNT - 2) + [4, 4]
    # Every page is live, with a translation key of its own, in the catalogue's locale.
    pages = Page.objects.filter(path__startswith=catalog.path, depth__gt=catalog.depth)
    assert pages.count() == COUNT + 3 * COUNT + 2
    assert not pages.filter(live=False).exists()
    assert pages.values("translation_key").distinct().count() == pages.count()
    assert set(pages.values_list("locale_id", flat=True)) == {catalog.locale_id}


def test_a_page_added_after_seeding_goes_at_the_end(seeded):
    # treebeard computes the next path from the last child: the bulk paths must allow it.
    course = CoursePage.objects.child_of(seeded).order_by("path").last()
    module = ModulePage(title="One more", slug="one-more", estimated_minutes=5)
    course.add_child(instance=module)
    assert Page.find_problems() == ([], [], [], [], [])
    assert module.get_parent().pk == course.pk
    assert ModulePage.objects.child_of(course).order_by("path").last().pk == module.pk


def test_seeded_pages_are_served_and_in_the_catalogue(client, seeded):
    courses = list(CoursePage.objects.child_of(seeded).order_by("path"))
    for course in courses[:3]:
        response = client.get(course.url)
        assert response.status_code == 200
        assert escape(course.title) in response.content.decode()
    html = client.get(seeded.url).content.decode()
    assert f"{COUNT} courses" in html
    assert escape(courses[0].title) in html
    module = ModulePage.objects.child_of(courses[0]).first()
    client.force_login(make_learner(courses[0], "reader"))
    response = client.get(module.url)
    assert response.status_code == 200
    assert escape(module.title) in response.content.decode()


def test_the_admin_explorer_lists_the_seeded_courses(client, seeded):
    client.force_login(make_user("explorer-admin", superuser=True))
    response = client.get(f"/admin/pages/{seeded.pk}/")
    assert response.status_code == 200
    first = CoursePage.objects.child_of(seeded).order_by("path").first()
    assert escape(first.title) in response.content.decode()
    response = client.get(f"/admin/pages/{first.pk}/edit/")
    assert response.status_code == 200


def test_sessions_are_made_for_the_generated_courses_once(seeded):
    coordinator = make_coordinator("seed-coordinator")
    assert seed_generated_sessions(coordinator=coordinator) == 2 * COUNT
    assert seed_generated_sessions(coordinator=coordinator) == 0
    sessions = CourseSession.objects.filter(course__slug__contains="-cohort-")
    assert sessions.count() == 2 * COUNT
    assert set(sessions.values_list("coordinators", flat=True)) == {coordinator.pk}
    assert sessions.filter(meetings__isnull=False).distinct().count() == 2 * COUNT


def _documents():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT page_id, translation_key, locale_id, config, document::text, text "
            "FROM cms_coursesearchdocument ORDER BY page_id"
        )
        return cursor.fetchall()


def test_search_documents_are_those_a_publish_writes(seeded):
    # The bulk path writes each copy's document from its shape's text and its own title;
    # the per-course statement a publish runs must find nothing to change.
    bulk = _documents()
    ids = list(CoursePage.objects.child_of(seeded).values_list("pk", flat=True))
    assert len(ids) == COUNT
    assert {row[0] for row in bulk} == set(ids)
    refresh_search_documents(ids=ids)
    assert _documents() == bulk


def _entries(pages):
    IndexEntry = apps.get_model("wagtailsearch", "IndexEntry")
    return sorted(
        IndexEntry.objects.filter(object_id__in=[str(p.pk) for p in pages])
        .annotate(
            title_v=Cast("title", TextField()),
            autocomplete_v=Cast("autocomplete", TextField()),
            body_v=Cast("body", TextField()),
        )
        .values_list(
            "content_type_id",
            "object_id",
            "title_v",
            "autocomplete_v",
            "body_v",
            "title_text",
            "body_text",
        )
    )


def test_search_index_entries_are_those_the_backend_writes(seeded):
    # Copied entries (with their own title vectors for courses) against the ones Wagtail's
    # search backend writes for the same pages; title norms follow every entry's length.
    courses = list(
        CoursePage.objects.child_of(seeded).prefetch_related(
            "thematic_areas", "partner_organizations"
        )
    )
    modules = list(ModulePage.objects.descendant_of(seeded))
    bulk = _entries([*courses, *modules])
    assert len(bulk) == len(courses) + len(modules) == COUNT + 3 * COUNT + 2
    backend = get_search_backend()
    backend.add_bulk(CoursePage, courses)
    backend.add_bulk(ModulePage, modules)
    assert _entries([*courses, *modules]) == bulk
    # And the admin's search finds a generated course by its own title.
    found = backend.search("cohort 7", CoursePage)
    assert [course.slug for course in found][:1] == [
        CoursePage.objects.get(title__endswith="— cohort 7").slug
    ]


def test_seeded_courses_are_found_and_counted_by_the_catalogue(seeded):
    templates = [COURSES[number % len(COURSES)] for number in range(1, COUNT + 1)]
    results = search_catalog(catalog=seeded, query=CatalogQuery.from_params(QueryDict("")))
    assert results.total == COUNT
    area_counts = {o.value: o.count for o in results.facets["area"].options}
    assert area_counts == dict(
        Counter(area for t in templates for area in t["thematic_areas"] if area in area_counts)
    )
    assert sum(area_counts.values()) > 0
    mode_counts = {o.value: o.count for o in results.facets["mode"].options}
    assert mode_counts == dict(Counter(t["delivery_mode"] for t in templates))
    # A word only the first written course's first module has (its case study).
    found = search_catalog(catalog=seeded, query=CatalogQuery.from_params(QueryDict("q=kalvania")))
    assert sorted(course.title for course in found.courses) == sorted(
        f"{COURSES[0]['title']} — cohort {number}"
        for number in range(1, COUNT + 1)
        if number % len(COURSES) == 0
    )
    # And by a generated course's own title.
    found = search_catalog(catalog=seeded, query=CatalogQuery.from_params(QueryDict("q=cohort 11")))
    assert f"{templates[10]['title']} — cohort 11" in [c.title for c in found.courses]


def test_every_seeded_page_has_its_live_revision(seeded):
    pages = Page.objects.filter(path__startswith=seeded.path, depth__gt=seeded.depth)
    for page in pages.specific():
        revision = page.live_revision
        assert revision is not None and revision.pk == page.latest_revision_id
        restored = revision.as_object()
        assert (restored.pk, restored.title, restored.path) == (page.pk, page.title, page.path)


def test_the_statements_do_not_grow_with_the_number_of_courses():
    _home, catalog = seed_site()
    # Once every written course's banner exists (one look-up per written course).
    seed_generated_courses(catalog, len(COURSES))
    statements = []
    for count in (2 * len(COURSES), 6 * len(COURSES)):
        made_before = CoursePage.objects.count()
        with CaptureQueriesContext(connection) as queries:
            made = seed_generated_courses(catalog, made_before + count, modules_per_course=2)
        assert made == count
        statements.append(len(queries))
    assert statements[0] == statements[1], statements
    assert Page.find_problems() == ([], [], [], [], [])
