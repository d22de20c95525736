"""The demo as a newcomer meets it (seed_demo data, loaded once for the module).

Every sign-in the start-up banner prints works. And nothing a newcomer clicks is broken:
for each demo role, follow the same-site links reachable from the home page and the
admin dashboard.

Breadth first, GET only, a bounded number of pages per role; sign-out and destructive
links, files and query-string variations beyond a few per path are left out. Every
page must answer below 500, and no link the site rendered may answer 404."""

import json
import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from config.banner import banner

pytestmark = pytest.mark.django_db

# Per role: a bound above what the demo reaches (each list, each screen of a session, a
# few of each detail) while the whole crawl stays around a minute.
MAX_PAGES = 300
QUERY_VARIANTS_PER_PATH = 2
# Pages whose paths differ only in numbers (/admin/pages/12/edit/) are alike: a few do.
PAGES_PER_SHAPE = 2
SKIPPED_WORDS = (
    "logout",
    "signout",
    "sign-out",
    "delete",
    "withdraw",
    "revoke",
    "unpublish",
    "remove",
    "cancel",
    "disable",
    "reject",
    "decline",
)
SKIPPED_PREFIXES = (
    "/static/",
    "/media/",
    "/documents/",
    "/health",
    # Wagtail's bulk actions: its script adds the chosen ids to these bases (404 bare).
    "/admin/bulk/",
)
SKIPPED_QUERY = ("export=",)


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


SIDEBAR = re.compile(
    r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', re.S
)


def menu_urls(node) -> list[str]:
    """The admin menu's links: Wagtail's sidebar is drawn by script from JSON."""
    if isinstance(node, dict):
        found = [node["url"]] if isinstance(node.get("url"), str) else []
        return found + [url for value in node.values() for url in menu_urls(value)]
    if isinstance(node, list):
        return [url for value in node for url in menu_urls(value)]
    return []


def links_of(page_url: str, html: str) -> list[str]:
    parser = Links()
    parser.feed(html)
    hrefs = parser.hrefs
    if sidebar := SIDEBAR.search(html):
        hrefs += menu_urls(json.loads(sidebar.group(1)))
    found = []
    for href in hrefs:
        url, _fragment = urldefrag(urljoin(page_url, href.strip()))
        parts = urlsplit(url)
        if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
            continue
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def skipped(url: str) -> bool:
    path, _, query = url.partition("?")
    lowered = path.lower()
    return (
        any(word in lowered for word in SKIPPED_WORDS)
        or lowered.startswith(SKIPPED_PREFIXES)
        or any(part in query for part in SKIPPED_QUERY)
    )


def crawl(client: Client, starts: list[str]) -> tuple[dict, list[str]]:
    """Visit pages breadth first; return {url: status} and the faults found."""
    seen: dict[str, int] = {}
    referrer: dict[str, str] = dict.fromkeys(starts, "(start)")
    queries_per_path: dict[str, int] = {}
    per_shape: dict[str, int] = {}
    queue = deque(starts)
    faults = []
    while queue and len(seen) < MAX_PAGES:
        url = queue.popleft()
        if url in seen:
            continue
        response = client.get(url)
        seen[url] = response.status_code
        if response.status_code >= 500 or response.status_code == 404:
            faults.append(f"{response.status_code} {url} (linked from {referrer[url]})")
            continue
        if response.status_code in (301, 302, 303, 307, 308):
            found = links_of(url, f'<a href="{response["Location"]}">')
        elif "text/html" in response.get("Content-Type", ""):
            found = links_of(url, response.content.decode(errors="replace"))
        else:
            continue
        for link in found:
            if link in seen or link in referrer or skipped(link):
                continue
            path, _, query = link.partition("?")
            shape = re.sub(r"/\d+(?=/|$)", "/N", path)
            if per_shape.get(shape, 0) >= PAGES_PER_SHAPE:
                continue
            per_shape[shape] = per_shape.get(shape, 0) + 1
            if query:
                if queries_per_path.get(path, 0) >= QUERY_VARIANTS_PER_PATH:
                    continue
                queries_per_path[path] = queries_per_path.get(path, 0) + 1
            referrer[link] = url
            queue.append(link)
    return seen, faults


ROLES = ["visitor", "participant", "focal", "trainer", "coordinator", "admin"]


@pytest.mark.parametrize("role", ROLES)
def test_every_link_a_role_can_reach_answers(demo_site, role):
    client = Client(raise_request_exception=False)
    if role != "visitor":
        client.force_login(get_user_model().objects.get(username=role))
    seen, faults = crawl(client, ["/", "/admin/"])
    print(f"{role}: {len(seen)} pages")
    assert not faults, f"{role}: " + "\n".join(faults)
    # The crawl really went somewhere: the catalogue and, for staff, admin screens.
    assert any(status == 200 for status in seen.values())
    assert len(seen) > 10, seen


def test_every_sign_in_the_banner_prints_works_on_the_demo(demo_site):
    text = banner({"SITE_URL": "http://127.0.0.1:8000"})
    pairs = re.findall(r"^\s+(\S+@\S+)\s+(\S+)", text, re.M)
    emails = {email for email, _ in pairs}
    roles = {"admin", "coordinator", "trainer", "trainer2", "participant", "focal"}
    assert {f"{role}@concord.example.org" for role in roles} <= emails
    assert len(pairs) == len(roles) + 1  # and one of the cohort
    assert "var/mail/" in text
    for email, password in pairs:
        client = Client()
        response = client.post("/accounts/login/", {"login": email, "password": password})
        assert response.status_code == 302, (email, response.content[:2000])
        user = get_user_model().objects.get(pk=client.session["_auth_user_id"])
        assert user.email == email
