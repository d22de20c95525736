"""What a person does in the browser, found the way they find it: by role, label and text."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Page, expect

from tests.factories.users import PASSWORD


def sign_in(page: Page, email: str, *, next_url: str = "/", password: str = PASSWORD):
    """Sign in by email on the public sign-in page and land on ``next_url``.

    Factory users have ``<username>@example.org``; the demo's have
    ``<username>@concord.example.org``.
    """
    page.goto(f"/accounts/login/?next={next_url}")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(re.escape(next_url) + "$"))


def admin_sign_in(page: Page, username: str, *, password: str = PASSWORD):
    """Sign in to Wagtail's admin (through the site's sign-in, by the factory user's
    email address) and land on its dashboard."""
    page.goto("/admin/login/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=%2Fadmin%2F$"))
    page.get_by_label("Email").fill(f"{username}@example.org")
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def query_of(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def results_heading(page: Page, count: int):
    """The catalogue's heading that says how many courses were found."""
    noun = "course" if count == 1 else "courses"
    return page.get_by_role("heading", level=2, name=re.compile(rf"^{count} {noun}\b"))


def facet_box(page: Page, legend: str, label: str):
    """A filter checkbox of the catalogue (its name also says how many courses it has)."""
    return page.get_by_role("group", name=legend).get_by_role(
        "checkbox", name=re.compile(rf"^{re.escape(label)} \(")
    )


#: Widths every changed screen is looked at: a 1366 px laptop and a 390 px phone.
LOOK_WIDTHS = (1366, 390)


def look(page: Page, name: str, *, widths: tuple[int, ...] = LOOK_WIDTHS) -> list[Path]:
    """Screenshots of the page as it stands, full length, at each of ``widths``,
    into the folder named by ``CONCORD_SCREENSHOTS`` (nothing when it is not set), for a
    person to open and look at. The page is left at its first width."""
    folder = os.environ.get("CONCORD_SCREENSHOTS")
    if not folder:
        return []
    Path(folder).mkdir(parents=True, exist_ok=True)
    height = page.viewport_size["height"] if page.viewport_size else 900
    paths = []
    for width in widths:
        page.set_viewport_size({"width": width, "height": height})
        path = Path(folder) / f"{name}-{width}.png"
        page.screenshot(path=str(path), full_page=True)
        paths.append(path)
    page.set_viewport_size({"width": widths[0], "height": height})
    return paths


def in_french(new_context, signed_in_page: Page) -> Page:
    """A page for the same person (signed in or not) who chose French."""
    context = new_context(storage_state=signed_in_page.context.storage_state())
    origin = "/".join(signed_in_page.url.split("/")[:3])
    # The language cookie Django's LocaleMiddleware reads first (the language switcher's).
    context.add_cookies([{"name": "django_language", "value": "fr", "url": origin}])
    return context.new_page()
