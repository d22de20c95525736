"""axe-core finds no serious or critical WCAG 2.1 AA violation on the public pages."""

import json
import os

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from cms.demo import seed_site
from cms.models import CoursePage, ModulePage
from courses.models import OPEN_STATUSES, Certificate, Enrollment
from tests.e2e.conftest import describe_violations
from tests.e2e.steps import admin_sign_in, sign_in
from tests.factories.pages import make_course, make_module, publish
from tests.factories.users import make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
BLOCKING = {"serious", "critical"}


@pytest.fixture
def demo(db):
    call_command("seed_demo", verbosity=0)
    course = CoursePage.objects.live().get(slug="mediation-process-design")
    valid = Certificate.objects.exclude(state=Certificate.State.REVOKED).first()
    revoked = Certificate.objects.filter(state=Certificate.State.REVOKED).first()
    withdrawable = Enrollment.objects.get(
        participant__email="participant@concord.example.org",
        status__in=OPEN_STATUSES,
        session__starts_on__gt=timezone.localdate(),
    )
    return {
        "home": "/",
        "catalogue": "/courses/",
        "catalogue, filtered to nothing": "/courses/?q=zzzz&area=mediation",
        "course": course.url,
        "sign-in": "/accounts/login/",
        "sign-up": "/accounts/signup/",
        "password reset": "/accounts/password/reset/",
        "missing page": "/courses/no-such-course/",
        "certificate verification": valid.get_absolute_url(),
        "revoked certificate": revoked.get_absolute_url(),
        "certificate lookup": "/certificates/verify/",
        "unknown certificate code": "/certificates/verify/no-such-code/",
        "malformed certificate reference": "/certificates/verify/?reference=3RWW-953F",
        # From here on signed in (see the test).
        "module": ModulePage.objects.live().child_of(course).first().url,
        "profile": "/profile/",
        "my learning": "/my-learning/",
        "check-in": "/check-in/",
        "course, signed in (session actions)": course.url,
        "withdrawal confirmation": reverse("withdraw", args=[withdrawable.pk]),
    }


def scan(page, axe_source, url):
    page.goto(url)
    # Evaluated through the DevTools protocol: the site's CSP rightly refuses injected tags.
    page.evaluate(axe_source)
    result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    return [v for v in result["violations"] if v["impact"] in BLOCKING], len(result["passes"])


@pytest.mark.parametrize("width", [1280, 320], ids=["desktop", "phone"])
def test_public_pages_have_no_serious_violations(new_context, axe_source, demo, width):
    page = new_context(viewport={"width": width, "height": 900}).new_page()
    found = {}
    for name, url in demo.items():
        if name == "module":
            sign_in(
                page,
                "participant@concord.example.org",
                next_url=url,
                password="concord-participant",
            )
        violations, passes = scan(page, axe_source, url)
        assert passes > 10, f"axe did not run on the {name} page"
        if violations:
            found[f"{name} ({url})"] = describe_violations(violations)
    assert not found, "\n\n".join(f"{name}:\n{text}" for name, text in found.items())


def test_french_pages_have_no_serious_violations(new_context, axe_source, demo):
    page = new_context().new_page()
    page.goto("/")
    page.get_by_role("button", name="Français").click()
    page.wait_for_url("**/")
    for name in ("home", "catalogue", "course"):
        violations, _ = scan(page, axe_source, demo[name])
        assert page.locator("html").get_attribute("lang") == "fr"
        assert not violations, json.dumps([v["id"] for v in violations])


# Wagtail's own chrome, which our block definitions do not make and we cannot label:
# none is excluded so far; add a selector here with the reason when one must be.
EDITOR_EXCLUDE: list[list[str]] = []


@pytest.fixture
def editor_pages(db):

    _home, catalog = seed_site()
    course = make_course(catalog, title="Mediation process design")
    course.learning_outcomes = [{"type": "item", "value": f"Outcome {i}"} for i in range(3)]
    publish(course)
    module = make_module(course)
    module.learning_objectives = [{"type": "item", "value": f"Objective {i}"} for i in range(4)]
    module.body = [
        {"type": "heading", "value": "Introduction"},
        {"type": "paragraph", "value": "<p>Listen first.</p>"},
        {"type": "key_takeaways", "value": ["Listen first.", "Then ask."]},
        {"type": "discussion_questions", "value": ["Who speaks?"]},
        {"type": "case_study", "value": {"title": "A case", "context": "<p>Text</p>"}},
    ]
    publish(module)
    make_user("root", superuser=True)
    return {
        "course editor": f"/admin/pages/{course.pk}/edit/",
        "module editor": f"/admin/pages/{module.pk}/edit/",
    }


def test_page_editor_fields_have_accessible_names(new_context, axe_source, editor_pages):
    """Every field our blocks define has a name at 1366 px (learning objectives, rich text)."""

    page = new_context(viewport={"width": 1366, "height": 900}).new_page()
    admin_sign_in(page, "root")
    found = {}
    for name, url in editor_pages.items():
        page.goto(url)
        page.wait_for_selector("[data-draftail-input], .Draftail-Editor", state="attached")
        page.evaluate(axe_source)
        options = {**AXE_OPTIONS}
        context = {"include": [["main"]], "exclude": EDITOR_EXCLUDE}
        result = page.evaluate("([c, o]) => axe.run(c, o)", [context, options])
        violations = [v for v in result["violations"] if v["impact"] in BLOCKING]
        assert len(result["passes"]) > 10, f"axe did not run on the {name}"
        if violations:
            found[f"{name} ({url})"] = describe_violations(violations)
    assert not found, "\n\n".join(f"{name}:\n{text}" for name, text in found.items())


@pytest.mark.parametrize(("code", "name"), [("ar", "العربية"), ("zh-hans", "中文")])
def test_arabic_and_chinese_pages_have_no_serious_violations(
    new_context, axe_source, demo, code, name
):
    """The scan in Arabic (right to left) and Chinese, signed out then signed in, at a
    desktop and a phone width. With CONCORD_SCREENSHOTS=<folder>, each page is also
    saved there to be looked at."""
    folder = os.environ.get("CONCORD_SCREENSHOTS")
    pages = ["home", "catalogue", "course", "module", "profile", "my learning"]
    found = {}
    for width in (1366, 375):
        page = new_context(viewport={"width": width, "height": 900}).new_page()
        sign_in(
            page, "participant@concord.example.org", password="concord-participant", next_url="/"
        )
        if width == 1366:
            page.get_by_role("button", name=name).click()
            page.wait_for_url("**/")
        # Signing in again (a new browser) opens the site in the language chosen before.
        assert page.locator("html").get_attribute("lang") == code
        for label in pages:
            violations, passes = scan(page, axe_source, demo[label])
            html = page.locator("html")
            assert html.get_attribute("lang") == code
            assert html.get_attribute("dir") == ("rtl" if code == "ar" else "ltr")
            assert passes > 10, f"axe did not run on the {label} page"
            wider = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert wider <= 0, f"the {label} page is {wider} px wider than {width} px"
            if violations:
                found[f"{label} at {width} px"] = describe_violations(violations)
            if folder:
                page.screenshot(
                    path=f"{folder}/{code}-{label.replace(' ', '-')}-{width}.png", full_page=True
                )
    assert not found, "\n\n".join(f"{label}:\n{text}" for label, text in found.items())
