"""Hostile input to Wagtail's page editor for every page type of ours (create and edit):
malformed StreamField counts, Draftail JSON, chooser ids, NUL, lone surrogates, huge
numbers. Each answers with the form and its errors, never a 5xx: 400 for what no
editor's browser can send (cms/unreadable_input.py), Wagtail's 200 for a form that is
merely invalid."""

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


UNREADABLE = "This value could not be read. Enter it again."
NOT_A_CHOICE = "Select a valid choice."
TAMPERED = "The form arrived incomplete or altered, so nothing was saved."


@pytest.mark.parametrize(
    ("model", "key", "value", "message"),
    [
        (ModulePage, "body-count", "abc", UNREADABLE),
        (ModulePage, "body-count", "\x00", UNREADABLE),
        (ModulePage, "body-0-order", "abc", UNREADABLE),
        (ModulePage, "learning_objectives-count", "99999999999999999999", UNREADABLE),
        (HomePage, "intro", "{", UNREADABLE),
        (HomePage, "intro", '{"blocks": [{"text": 1}], "entityMap": []}', UNREADABLE),
        (CoursePage, "target_audience", "\ud800", UNREADABLE),
        (CoursePage, "hero_image", "abc", UNREADABLE),
        # An id no row can have (beyond the column's range), unlike a deleted image's.
        (CoursePage, "hero_image", "99999999999999999999", NOT_A_CHOICE),
        (CoursePage, "thematic_areas", "abc", "is not a valid value"),
        (CoursePage, "partner_organizations", "99999999999999999999", NOT_A_CHOICE),
        (CatalogPage, "comments-TOTAL_FORMS", "99999999999999999999", TAMPERED),
    ],
)
def test_a_submission_no_editor_can_make_answers_400_with_the_form_and_its_error(
    editor, pages, model, key, value, message
):
    page, data = pages[model]
    revisions = page.revisions.count()
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    response = post_raw(editor, url, {**data(page), key: value})

    assert response.status_code == 400
    html = response.content.decode()
    assert "The page could not be saved due to validation errors" in html
    assert message in html
    assert page.revisions.count() == revisions


@pytest.mark.parametrize(("key", "value"), [("body-count", "abc"), ("summary-x", None)])
def test_a_new_page_from_a_tampered_form_answers_400_with_the_form(editor, pages, key, value):
    module, data = pages[ModulePage]
    course = module.get_parent()
    url = reverse("wagtailadmin_pages:add", args=["cms", "modulepage", course.pk])
    form = {**data(module), "slug": "new-module"}
    if value is None:  # the control: the same form, valid, creates the page
        assert post_raw(editor, url, form).status_code == 302
        return

    response = post_raw(editor, url, {**form, key: value})

    assert response.status_code == 400
    assert UNREADABLE in response.content.decode()
    assert not ModulePage.objects.filter(slug="new-module").exists()


def test_a_form_that_is_merely_invalid_keeps_wagtails_answer(editor, pages):
    course, data = pages[CoursePage]
    url = reverse("wagtailadmin_pages:edit", args=[course.pk])

    missing_title = post_raw(editor, url, {**data(course), "title": ""})
    assert missing_title.status_code == 200
    assert "This field is required." in missing_title.content.decode()

    # The id of an image deleted while the page was open: a choice gone, not garbage.
    deleted_image = post_raw(editor, url, {**data(course), "hero_image": "2147483000"})
    assert deleted_image.status_code == 200
    assert NOT_A_CHOICE in deleted_image.content.decode()

    words_for_hours = post_raw(editor, url, {**data(course), "duration_hours": "twenty"})
    assert words_for_hours.status_code == 200
    assert "Enter a whole number." in words_for_hours.content.decode()


def test_an_organization_with_a_tampered_logo_chooser_answers_400_with_the_form(editor):
    organization = Organization.objects.get(acronym="AUC")
    url = reverse("wagtailsnippets_participants_organization:edit", args=[organization.pk])
    form = {
        "name": organization.name,
        "acronym": organization.acronym,
        "kind": organization.kind,
        "website": "https://example.org",
        "colour": "#1f4e79",
    }

    tampered = post_raw(editor, url, {**form, "logo": "abc"})
    assert tampered.status_code == 400
    assert UNREADABLE in tampered.content.decode()

    nameless = post_raw(editor, url, {**form, "name": "", "logo": ""})
    assert nameless.status_code == 200
    assert "This field is required." in nameless.content.decode()
