"""Generated courses (``seed_demo --courses N``), inserted in bulk rather than page by page,
leave a tree Wagtail itself finds sound (what ``fixtree`` checks), pages that are served
and a catalogue that lists them, and sessions for them made in bulk too."""

from __future__ import annotations

import pytest
from django.utils.html import escape
from wagtail.models import Page

from cms.demo import seed_generated_courses, seed_site
from cms.models import CoursePage, ModulePage
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
