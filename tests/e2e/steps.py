"""What a person does in the browser, found the way they find it: by role, label and text."""

from __future__ import annotations

import re
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
