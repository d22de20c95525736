"""Headless Chromium (Debian's package, driven by Playwright) against pytest-django's live server.

One browser for the session, a fresh context (cookies, storage) for each test. Every
console error, uncaught script error and Content Security Policy violation on a public
page fails the test it happened in; the admin, which we do not write, is only reported.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.db import connections

from config.celery import app as celery_app
from tests.support.pipeline_harness import SmtpSink, drop_queue

REPO = Path(__file__).resolve().parents[2]
AXE_SCRIPT = REPO / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ADMIN_PREFIX = "/admin/"
# Playwright waits this long (ms) for an element or a navigation: generous for a loaded
# two-core CI machine, far below pytest's patience.
TIMEOUT_MS = 20_000


def browser_required() -> bool:
    return os.environ.get("CONCORD_REQUIRE_BROWSER") == "1"


def unavailable(reason: str):
    """Skip, or fail where CI promised a browser (CONCORD_REQUIRE_BROWSER=1)."""
    if browser_required():
        pytest.fail(f"{reason} (CONCORD_REQUIRE_BROWSER=1, so this is an error)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    path = shutil.which("chromium")
    if not path:
        unavailable("Chromium is not installed (Debian package `chromium`)")
    return path


@pytest.fixture(scope="package")
def browser(chromium_executable, django_db_setup):
    """One Chromium for all the e2e tests, closed before any test outside tests/e2e runs.

    Playwright's sync API keeps an asyncio loop running in this thread while it is
    started, which changes two things for Django in this thread:

    - Django refuses ORM calls from a thread with a running loop. The e2e tests are plain
      synchronous code that only waits on the browser, so that check is lifted for the
      browser's lifetime only, which the package scope bounds: the tests after them
      (pytest-django runs tests without a database last) get neither loop nor lift.
    - Database connections become context-local instead of thread-local, so the tests
      see a new connection object, without the serialized content that
      ``serialized_rollback`` restores after each test's flush (the root page, the
      default site, thematic areas, organizations, groups, the review workflow). It is
      handed over to the new connection here.
    """
    try:
        from playwright.sync_api import sync_playwright  # noqa: PLC0415 -- optional dependency
    except ImportError:  # pragma: no cover - the dev dependency group has it
        unavailable("the Playwright Python package is not installed")
    serialized = {
        connection.alias: connection._test_serialized_contents
        for connection in connections.all()
        if hasattr(connection, "_test_serialized_contents")
    }
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            for alias, contents in serialized.items():
                connections[alias]._test_serialized_contents = contents
            browser = playwright.chromium.launch(
                executable_path=chromium_executable, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()
            connections.close_all()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@dataclass
class BrowserProblems:
    """What went wrong in the browser during one test, split by where it happened."""

    public: list[str] = field(default_factory=list)
    admin: list[str] = field(default_factory=list)
    # Pages of other sites a test passes through (the local OpenID Connect provider):
    # not ours to fix, so only reported.
    elsewhere: list[str] = field(default_factory=list)
    origin: str = ""

    def record(self, url: str, text: str):
        if self.origin and not url.startswith(self.origin):
            self.elsewhere.append(f"{text} [{url}]")
            return
        path = "/" + url.split("://", 1)[-1].partition("/")[2]
        (self.admin if path.startswith(ADMIN_PREFIX) else self.public).append(f"{text} [{url}]")


CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__concordCspViolation(
    `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline code"}` +
      ` (${event.sourceFile || location.href}:${event.lineNumber})`
  );
});
"""


@pytest.fixture
def browser_problems() -> BrowserProblems:
    return BrowserProblems()


@pytest.fixture
def new_context(browser, live_server, browser_problems):
    """Make browser contexts (a person each: own cookies) that report their problems."""
    contexts = []
    browser_problems.origin = live_server.url

    def make(**options):
        context = browser.new_context(base_url=live_server.url, locale="en-GB", **options)
        context.set_default_timeout(TIMEOUT_MS)
        context.set_default_navigation_timeout(TIMEOUT_MS)
        context.expose_binding(
            "__concordCspViolation",
            lambda source, text: browser_problems.record(source["frame"].url, text),
        )
        context.add_init_script(CSP_LISTENER)

        def watch(page):
            def on_console(message):
                if message.type != "error":
                    return
                if (
                    message.text.startswith("Failed to load resource")
                    and message.location.get("url") == page.url
                ):
                    return  # the document's own status (a 404 page asked for on purpose)
                browser_problems.record(page.url, f"console error: {message.text}")

            page.on("console", on_console)
            page.on(
                "pageerror",
                lambda error: browser_problems.record(page.url, f"uncaught error: {error}"),
            )

        context.on("page", watch)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    wait_for_quiet_database()


def wait_for_quiet_database(timeout: float = 15) -> None:
    """Wait until no other connection to the test database is inside a statement or a
    transaction: a request the browser sent just before closing may still be running in
    the live server's thread, and the flush that ends the test (TRUNCATE) would deadlock
    with it."""
    deadline = time.monotonic() + timeout
    with connections["default"].cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND state NOT IN ('idle')"
            )
            if cursor.fetchone()[0] == 0:
                return
            time.sleep(0.05)


@pytest.fixture
def context(new_context):
    return new_context()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Fail an e2e test whose public pages logged an error, even if its assertions held."""
    problems = item.funcargs.get("browser_problems") if hasattr(item, "funcargs") else None
    try:
        result = yield
    finally:
        if problems is not None and problems.admin:
            item.add_report_section(
                "call", "Wagtail admin console (not failed on)", "\n".join(problems.admin)
            )
        if problems is not None and problems.elsewhere:
            item.add_report_section(
                "call", "Other sites' console (not failed on)", "\n".join(problems.elsewhere)
            )
    if problems is not None and problems.public:
        pytest.fail(
            "The browser reported errors on public pages:\n  " + "\n  ".join(problems.public),
            pytrace=False,
        )
    return result


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's script, installed with `npm ci` from the repository's package-lock."""
    if not AXE_SCRIPT.exists():
        npm = shutil.which("npm")
        if not npm:
            unavailable("axe-core is not installed and npm is not available to install it")
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=REPO,
            check=False,
            timeout=300,
        )
        if not AXE_SCRIPT.exists():
            unavailable(f"`npm ci` did not install {AXE_SCRIPT.relative_to(REPO)}")
    return AXE_SCRIPT.read_text(encoding="utf-8")


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        impact, rule = violation["impact"], violation["id"]
        lines.append(f"[{impact}] {rule}: {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"][:5]:
            lines.append(f"    at {json.dumps(node['target'])}: {node['failureSummary']}")
            lines.append(f"       {node['html'][:200]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    … and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


@pytest.fixture
def smtp():
    """A real SMTP server (aiosmtpd) that keeps what the test's worker sends."""
    sink = SmtpSink().start()
    yield sink
    sink.stop()


@pytest.fixture
def queue():
    """A Celery queue of the test's own: its worker takes no other run's tasks, nor they
    its; the default queue is restored and what is left in Redis dropped afterwards."""
    name = f"e2e-{uuid.uuid4().hex[:8]}"
    previous = celery_app.conf.task_default_queue
    celery_app.conf.task_default_queue = name
    yield name
    celery_app.conf.task_default_queue = previous
    drop_queue(name)
