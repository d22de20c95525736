"""Hostile input to Wagtail's page editor for every page type of ours (create and edit):
malformed StreamField counts, Draftail JSON, chooser ids, NUL, lone surrogates, huge
numbers. Each answers with the form and its errors, never a 5xx."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import CatalogPage, CoursePage, HomePage, ModulePage, ThematicArea
from participants.models import Organization
from tests.factories.pages import make_course, make_module
from tests.factories.users import make_user
from tests.hostile import EDITOR_VALUES, post_raw, variants

pytestmark = pytest.mark.django_db


def home_data(page):
    return nested_form_data(
        {
            "title": "Concord",
            "slug": page.slug,
            "intro_title": "Joint training",
            "intro": rich_text("<p>Welcome</p>"),
            "partners_intro": rich_text("<p>Partners</p>"),
            "comments": inline_formset([]),
        }
    )


def catalog_data(page):
    return nested_form_data(
        {
            "title": "Courses",
            "slug": page.slug,
            "intro": rich_text("<p>All courses</p>"),
            "comments": inline_formset([]),
        }
    )


def course_data(page):
    return {
        **nested_form_data(
            {
                "title": "Mediation",
                "slug": page.slug,
                "summary": "A course.",
                "hero_image": "",
                "learning_outcomes": streamfield([("item", "Listen")]),
                "target_audience": rich_text("<p>Staff</p>"),
                "prerequisites": rich_text(""),
                "duration_hours": "20",
                "delivery_mode": "online",
                "comments": inline_formset([]),
            }
        ),
        "languages": ["en"],
        "thematic_areas": [ThematicArea.objects.first().pk],
        "partner_organizations": [Organization.objects.get(acronym="AUC").pk],
    }


def module_data(page):
    return nested_form_data(
        {
            "title": "Readiness",
            "slug": page.slug,
            "summary": "Why now.",
            "estimated_minutes": "45",
            "learning_objectives": streamfield([("item", "Understand")]),
            "body": streamfield(
                [("heading", "Introduction"), ("paragraph", rich_text("<p>x</p>"))]
            ),
            "comments": inline_formset([]),
        }
    )


@pytest.fixture
def pages(home, catalog):
    course = make_course(catalog, title="Mediation")
    module = make_module(course, title="Readiness")
    return {
        HomePage: (home, home_data),
        CatalogPage: (catalog, catalog_data),
        CoursePage: (course, course_data),
        ModulePage: (module, module_data),
    }


@pytest.fixture
def editor(client):
    client.force_login(make_user("root", superuser=True))
    return client


def server_errors(client, url, cases):
    """The hostile cases that the server did not answer with a 4xx or a form (3xx, 200)."""
    errors = []
    for key, value, data in cases:
        try:
            status = post_raw(client, url, data).status_code
        except Exception as error:  # the test client re-raises what would be a 500
            errors.append((key, value[:20], f"{type(error).__name__}: {str(error)[:80]}"))
            continue
        if status >= 500:
            errors.append((key, value[:20], status))
    return errors


@pytest.mark.parametrize("model", [HomePage, CatalogPage, CoursePage, ModulePage])
def test_the_page_editor_answers_hostile_edits_with_the_form(editor, pages, model):
    page, data = pages[model]
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    base = data(page)
    assert post_raw(editor, url, base).status_code == 302  # the valid form saves
    assert server_errors(editor, url, variants(base, EDITOR_VALUES)) == []


@pytest.mark.parametrize("model", [CoursePage, ModulePage])
def test_the_page_editor_answers_hostile_new_pages_with_the_form(editor, pages, model):
    page, data = pages[model]
    parent = page.get_parent()
    url = reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )
    base = {**data(page), "slug": "new-page"}
    assert server_errors(editor, url, variants(base, EDITOR_VALUES[::2])) == []


@pytest.mark.parametrize(
    ("model", "key", "value"),
    [
        (ModulePage, "body-count", "abc"),
        (ModulePage, "body-0-order", "abc"),
        (HomePage, "intro", "{"),
        (CoursePage, "hero_image", "abc"),
        (CoursePage, "hero_image", "99999999999999999999"),
    ],
)
def test_unreadable_values_are_explained_on_their_field(editor, pages, model, key, value):
    page, data = pages[model]
    revisions = page.revisions.count()
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = post_raw(editor, url, {**data(page), key: value})
    assert response.status_code in (200, 400)
    html = response.content.decode()
    assert "could not be read" in html or "Select a valid choice" in html
    assert page.revisions.count() == revisions
