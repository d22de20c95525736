"""The coordinators' per-session screens at 1366 px: no table wider than the content area
(with every disclosure open), disclosures that look like buttons, state tags with colour,
the check-in icon at icon size, and no serious axe-core violation in the content.

Screenshots (English and French, 1366 and 390 px) are written to var/shots/ when
CONCORD_SHOTS=1, for a person to look at."""

import datetime
import os
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from courses.attendance.services import CellChange, evaluate_completion, record_attendance
from courses.certificates.services import issue_certificates
from courses.models import Attendance, Certificate, Enrollment
from tests.e2e.conftest import REPO, describe_violations
from tests.e2e.steps import admin_sign_in
from tests.factories.courses import make_cohort, make_meetings, make_session
from tests.factories.pages import make_course
from tests.factories.users import make_coordinator

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
BLOCKING = {"serious", "critical"}
SHOTS = Path(REPO, "var", "shots")
LONG = (
    "I lead the mediation support unit of our regional secretariat and need the process "
    "design module before the next round of talks; my director has approved the travel."
)


@pytest.fixture
def screens(catalog):
    """A session on its last day in Addis Ababa, with every kind of row: people waiting
    (nominated, with long justifications, waitlisted), marks, an evaluated completion, and
    certificates sent, pending, failed and revoked."""
    course = make_course(
        catalog, title="Mediation process design for regional and sub-regional organizations"
    )
    coordinator = make_coordinator("coordinator")
    today = timezone.localdate()
    session = make_session(
        course,
        code="mpd-2027-addis",
        status="in_progress",
        policy="approval",
        timezone="Africa/Addis_Ababa",
        city="Addis Ababa",
        country="ET",
        starts_on=today - datetime.timedelta(days=2),
        ends_on=today,
        enrollment_opens_at=timezone.now() - datetime.timedelta(days=40),
        enrollment_closes_at=timezone.now() - datetime.timedelta(days=10),
        coordinators=[coordinator],
    )
    make_meetings(session, 2, first=timezone.now() - datetime.timedelta(days=2, minutes=5))
    make_meetings(session, 1, first=timezone.now() - datetime.timedelta(minutes=5))
    session.meetings.filter(starts_at__gte=timezone.now() - datetime.timedelta(hours=1)).update(
        title="Day 3"
    )
    people = make_cohort(session, 6, acronym="ECOWAS", prefix="confirmed")
    waiting = make_cohort(session, 3, acronym="AUC", prefix="waiting", status="requested")
    Enrollment.objects.filter(pk__in=[e.pk for e in waiting]).update(justification=LONG)
    Enrollment.objects.filter(pk=waiting[0].pk).update(nominated_by=coordinator)
    waitlisted = make_cohort(session, 2, acronym="OSCE", prefix="waitlisted", status="requested")
    Enrollment.objects.filter(pk__in=[e.pk for e in waitlisted]).update(
        status=Enrollment.Status.WAITLISTED, waitlisted_at=timezone.now()
    )
    meetings = list(session.meetings.order_by("starts_at"))
    record_attendance(
        session=session,
        by=coordinator,
        changes=[
            CellChange(e.pk, m.pk, Attendance.Status.PRESENT if i < 4 else Attendance.Status.ABSENT)
            for i, e in enumerate(people)
            for m in meetings
        ],
    )
    evaluate_completion(session=session, by=coordinator)
    sent, _pending, failed, revoked = issue_certificates(session=session, by=coordinator)
    Certificate.objects.filter(pk=sent.pk).update(
        state=Certificate.State.SENT, sent_at=timezone.now()
    )
    Certificate.objects.filter(pk=failed.pk).update(
        state=Certificate.State.FAILED,
        last_error="No installed font has a glyph for 𓀀 (U+13000) in the participant's name",
    )
    Certificate.objects.filter(pk=revoked.pk).update(
        state=Certificate.State.REVOKED,
        revoked_at=timezone.now(),
        revoked_by=coordinator,
        revocation_reason="Issued to the wrong session",
    )
    pk, day3 = session.pk, meetings[2].pk
    return {
        "review": reverse("course_review:review", args=[pk]),
        "attendance sheet": reverse("course_attendance:sheet", args=[pk]),
        "attendance sheet, one sitting": reverse("course_attendance:sheet", args=[pk])
        + f"?meeting={day3}",
        "completion": reverse("course_attendance:completion", args=[pk]),
        "certificates": reverse("course_certificates:index", args=[pk]),
        "report": reverse("course_session_report:index", args=[pk]),
        "check-in": reverse("course_attendance:check_in", args=[day3]),
        "projector": reverse("course_attendance:check_in_projector", args=[day3]),
        "sessions": reverse("course_sessions:index"),
        "sittings": reverse("course_meetings:index"),
        "dashboard": reverse("wagtailadmin_home"),
    }


OPEN_DISCLOSURES = "() => document.querySelectorAll('details').forEach(d => { d.open = true; })"

WIDTHS = """() => {
  const area = document.querySelector('#main') || document.body;
  return [area.clientWidth, [...area.querySelectorAll('table')]
    .filter(t => t.offsetParent !== null)
    .map(t => [t.className || t.getAttribute('aria-labelledby') || 'table', t.scrollWidth])];
}"""


def shoot(page, name):
    if os.environ.get("CONCORD_SHOTS") == "1":
        SHOTS.mkdir(parents=True, exist_ok=True)
        slug = re.sub(r"\W+", "-", name).strip("-")
        # The admin scrolls inside its layout: a tall window shows the whole screen.
        size = page.viewport_size
        page.set_viewport_size({"width": size["width"], "height": 2400})
        page.screenshot(path=str(SHOTS / f"{slug}.png"))
        page.set_viewport_size(size)


def test_no_table_is_wider_than_the_content_area_and_axe_passes(new_context, axe_source, screens):
    page = new_context(viewport={"width": 1366, "height": 900}).new_page()
    admin_sign_in(page, "coordinator")
    too_wide, found = {}, {}
    for name, url in screens.items():
        response = page.goto(url)
        assert response.ok, f"{name}: {url} answered {response.status}"
        page.evaluate(OPEN_DISCLOSURES)
        area, tables = page.evaluate(WIDTHS)
        wide = [(cls, width) for cls, width in tables if width > area]
        if wide:
            too_wide[name] = (area, wide)
        shoot(page, f"en-1366-{name}")
        page.evaluate(axe_source)
        context = {"include": [["main"]]} if name != "projector" else {"include": [["body"]]}
        result = page.evaluate("([c, o]) => axe.run(c, o)", [context, AXE_OPTIONS])
        violations = [v for v in result["violations"] if v["impact"] in BLOCKING]
        if violations:
            found[name] = describe_violations(violations)
    assert not too_wide, too_wide
    assert not found, "\n\n".join(f"{name}:\n{text}" for name, text in found.items())


def test_disclosures_look_like_buttons_and_states_have_colour(new_context, screens):
    page = new_context(viewport={"width": 1366, "height": 900}).new_page()
    admin_sign_in(page, "coordinator")
    page.goto(screens["certificates"])
    summary = page.locator("summary", has_text="Revoke or re-issue…").first
    expect(summary).to_have_class(re.compile(r"\bbutton\b"))
    colours = page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('[data-state]')].map(
            tag => [tag.dataset.state, getComputedStyle(tag).backgroundColor]))"""
    )
    assert set(colours) >= {"sent", "pending", "failed", "revoked"}
    assert len({colours["sent"], colours["failed"], colours["pending"]}) == 3, colours
    bar = page.locator("progress.concord-bar")
    expect(bar).to_be_visible()

    page.goto(screens["review"])
    expect(page.locator("summary", has_text="Reject…").first).to_have_class(
        re.compile(r"\bbutton\b")
    )


def test_the_check_in_icon_is_icon_sized(new_context, screens):
    page = new_context(viewport={"width": 1366, "height": 900}).new_page()
    admin_sign_in(page, "coordinator")
    page.goto(screens["attendance sheet"])
    icon = page.locator(".att-checkin svg.icon").first
    box = icon.bounding_box()
    assert box["width"] <= 24 and box["height"] <= 24, box


def test_french_and_phone_screenshots(new_context, screens):
    """Every screen in French at 1366 px and in English at 390 px (screenshots with
    CONCORD_SHOTS=1); the French admin shows French dates and terms."""
    phone = new_context(viewport={"width": 390, "height": 844}).new_page()
    admin_sign_in(phone, "coordinator")
    for name, url in screens.items():
        phone.goto(url)
        shoot(phone, f"en-390-{name}")
    profile = UserProfile.get_for_user(get_user_model().objects.get(username="coordinator"))
    profile.preferred_language = "fr"
    profile.save()
    french = new_context(viewport={"width": 1366, "height": 900}).new_page()
    admin_sign_in(french, "coordinator")
    for name, url in screens.items():
        french.goto(url)
        shoot(french, f"fr-1366-{name}")
        if name == "attendance sheet, one sitting":
            heading = french.locator("#att-caption").inner_text()
            assert re.search(r"\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b", heading)
            assert "(Africa/Addis_Ababa)" in heading


def test_bulk_emails_ask_first_naming_the_people(new_context, screens):
    page = new_context(viewport={"width": 1366, "height": 900}).new_page()
    admin_sign_in(page, "coordinator")
    page.goto(screens["review"])
    page.get_by_label("Select WAITING001 Auc").check()
    page.get_by_label("Select WAITING002 Auc").check()
    page.get_by_role("button", name="Confirm selected").click()
    expect(page.get_by_role("heading", name="2 people will be emailed")).to_be_visible()
    expect(page.get_by_role("listitem").filter(has_text="WAITING001 Auc")).to_be_visible()
    shoot(page, "en-1366-confirm-decision")
    assert Enrollment.objects.filter(status=Enrollment.Status.REQUESTED).count() == 3
    page.get_by_role("button", name="Confirm 2 people and email them").click()
    expect(page.locator(".messages")).to_contain_text("Decision recorded for 2 people")
    assert Enrollment.objects.filter(status=Enrollment.Status.REQUESTED).count() == 1

    page.goto(screens["certificates"])
    page.get_by_role("button", name="Issue 1 certificate…").click()
    expect(page.get_by_role("heading", name="1 person will be emailed")).to_be_visible()
    shoot(page, "en-1366-confirm-certificates")
    page.get_by_role("link", name="Cancel, email nobody").click()
    expect(page.get_by_role("heading", name="Issue certificates")).to_be_visible()
