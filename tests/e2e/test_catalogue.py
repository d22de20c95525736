"""A visitor narrows the catalogue down with filters and a search, then opens a course."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.steps import facet_box, query_of, results_heading
from tests.factories.pages import make_course, make_module

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

GENDER_MODULES = [
    "Women's participation and the WPS agenda",
    "Designing inclusive processes",
    "Gender-sensitive agreement provisions",
]


@pytest.fixture
def courses(catalog):
    """Five courses: three in mediation, two of those also taught in French."""
    make_course(
        catalog,
        title="Mediation process design",
        areas=("mediation", "conflict-prevention"),
        languages=("en", "fr"),
        summary="Design a mediation process from first contact to agreement.",
    )
    gender = make_course(
        catalog,
        title="Gender-inclusive mediation",
        areas=("mediation", "women-peace-security"),
        languages=("en", "fr", "es"),
        mode="blended",
        summary="Peace processes in which women take part as mediators and negotiators.",
    )
    for minutes, title in enumerate(GENDER_MODULES, start=3):
        make_module(gender, title=title, minutes=minutes * 10)
    make_course(
        catalog,
        title="Mediation support for envoys",
        areas=("mediation",),
        languages=("en",),
        mode="online",
        summary="How a support team serves an envoy during talks.",
    )
    make_course(
        catalog,
        title="Early warning and conflict analysis",
        areas=("early-warning",),
        languages=("en", "fr", "pt"),
        mode="online",
        summary="Reading the signs of rising tension.",
    )
    make_course(
        catalog,
        title="Electoral assistance and the prevention of electoral violence",
        areas=("electoral-assistance",),
        languages=("fr", "pt"),
        mode="blended",
        summary="Credible elections without violence.",
    )
    return gender


def test_visitor_filters_searches_and_opens_a_course(page, courses):
    page.goto("/courses/")
    expect(page.get_by_role("heading", level=1, name="Course catalogue")).to_be_visible()
    expect(results_heading(page, 5)).to_be_visible()

    # Ticking a box applies it at once (the page's script submits the form).
    facet_box(page, "Thematic area", "Mediation").click()
    expect(page).to_have_url(re.compile(r"[?&]area=mediation\b"))
    expect(results_heading(page, 3)).to_be_visible()
    expect(facet_box(page, "Thematic area", "Mediation")).to_be_checked()

    facet_box(page, "Language", "French").click()
    expect(page).to_have_url(re.compile(r"[?&]lang=fr\b"))
    assert query_of(page) == {"area": ["mediation"], "lang": ["fr"]}
    expect(results_heading(page, 2)).to_be_visible()
    expect(page.get_by_role("link", name="Mediation support for envoys")).to_have_count(0)
    expect(page.get_by_role("link", name="Remove filter: French")).to_be_visible()

    # The search keeps the ticked filters.
    page.get_by_role("searchbox", name="Search courses").fill("gender")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page).to_have_url(re.compile(r"[?&]q=gender\b"))
    assert query_of(page) == {"q": ["gender"], "area": ["mediation"], "lang": ["fr"]}
    expect(results_heading(page, 1)).to_contain_text("gender")
    expect(page.get_by_role("link", name="Mediation process design")).to_have_count(0)

    page.get_by_role("link", name="Gender-inclusive mediation").click()
    expect(page).to_have_url(re.compile(r"/courses/[\w-]+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Gender-inclusive mediation")
    modules = page.get_by_role("region", name="Modules")
    expect(modules.get_by_text("3 modules")).to_be_visible()
    expect(modules.get_by_role("listitem").get_by_role("heading", level=3)).to_have_text(
        GENDER_MODULES
    )


def test_filters_apply_without_javascript(new_context, courses):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/courses/")
    filters = page.get_by_role("group", name="Thematic area")
    if not filters.is_visible():
        page.get_by_text("Filters", exact=True).click()  # a folded <details>
    facet_box(page, "Thematic area", "Mediation").check()
    facet_box(page, "Language", "French").check()
    expect(page).to_have_url(re.compile(r"/courses/$"))  # nothing was sent yet

    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"[?&]lang=fr\b"))
    assert query_of(page) == {"area": ["mediation"], "lang": ["fr"]}
    expect(results_heading(page, 2)).to_be_visible()
    expect(page.get_by_role("link", name="Gender-inclusive mediation")).to_be_visible()
    expect(page.get_by_role("link", name="Mediation process design")).to_be_visible()
