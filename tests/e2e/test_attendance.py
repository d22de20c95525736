"""Attendance in the browser: a coordinator fills in the sheet (partly with the keyboard
alone) and saves it, a participant checks in with the code shown on the check-in
screen, and the coordinator evaluates completion and sees the outcome."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from courses.models import Attendance, Enrollment
from tests.e2e.steps import admin_sign_in, sign_in
from tests.factories.courses import make_meetings, make_profile, make_session
from tests.factories.pages import make_course
from tests.factories.users import make_coordinator, make_participant

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def person(username, first, last, acronym="DPPA"):
    user = make_participant(username)
    user.first_name, user.last_name = first, last
    user.save()
    make_profile(user, acronym)
    return user


@pytest.fixture
def running(catalog):
    """A session on its third and last day: two meetings held, the third started just now."""
    course = make_course(catalog, title="Mediation process design")
    coordinator = make_coordinator("coordinator")
    today = timezone.localdate()
    session = make_session(
        course,
        code="mpd-running",
        status="in_progress",
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
    people = [
        person("amina", "Amina", "Diallo", "AUC"),
        person("kwame", "Kwame", "Asante", "ECOWAS"),
        person("lena", "Lena", "Novak", "OSCE"),
    ]
    for user in people:
        Enrollment.objects.create(
            session=session,
            participant=user,
            organization=user.participant.organization,
            status=Enrollment.Status.CONFIRMED,
        )
    return session


def cell(page, name, meeting):
    """The select of one person at one meeting, found by its accessible name."""
    return page.get_by_role("combobox", name=re.compile(rf"^{name}\b.*{meeting}"))


def test_sheet_then_check_in_then_completion(new_context, running):
    admin = new_context(viewport={"width": 1280, "height": 900}).new_page()
    admin_sign_in(admin, "coordinator")
    admin.get_by_role("button", name="Courses").click()  # the menu groups the areas
    admin.get_by_role("link", name="Attendance", exact=True).first.click()
    admin.get_by_role("link", name="mpd-running").first.click()
    expect(admin.get_by_role("columnheader", name=re.compile("Day 1"))).to_be_visible()

    # Day 1 with the mouse: everyone present, then Lena absent.
    admin.get_by_role("button", name=re.compile(r"^Mark all present\W+Day 1$")).click()
    expect(admin.locator(".messages")).to_contain_text("3 marks saved")
    cell(admin, "Lena Novak", "Day 1").select_option("absent")
    # Day 2 with the keyboard alone: a letter picks a mark, Tab moves on along the row.
    cell(admin, "Amina Diallo", "Day 2").focus()
    admin.keyboard.press("p")
    cell(admin, "Kwame Asante", "Day 2").focus()
    admin.keyboard.press("l")
    admin.keyboard.press("Tab")  # on to Kwame's Day 3, left as it is
    cell(admin, "Lena Novak", "Day 2").focus()
    admin.keyboard.press("a")
    expect(cell(admin, "Kwame Asante", "Day 2")).to_have_value("late")
    admin.get_by_role("button", name="Save attendance").first.click()
    expect(admin.locator(".messages")).to_contain_text("4 marks saved")
    expect(cell(admin, "Lena Novak", "Day 1")).to_have_value("absent")
    expect(cell(admin, "Kwame Asante", "Day 2")).to_have_value("late")

    # The check-in screen of Day 3 shows a code; Amina types it on her phone.
    admin.get_by_role("link", name=re.compile("Open the check-in screen for Day 3")).click()
    code = admin.locator("[data-code]").inner_text()
    expect(admin.locator("figure[data-qr] svg")).to_be_visible()
    expect(admin.get_by_text("Checked in: 0 of 3")).to_be_visible()

    phone = new_context(viewport={"width": 390, "height": 844}).new_page()
    sign_in(phone, "amina@example.org", next_url="/check-in/")
    phone.get_by_label("Code shown on the screen").fill(code)
    phone.get_by_role("button", name="Check in with this code").click()
    expect(phone).to_have_url(re.compile(r"/my-learning/$"))
    expect(phone.get_by_role("status")).to_contain_text("You are checked in for Day 3")
    # A code of her own making is refused, clearly.
    phone.goto("/check-in/")
    phone.get_by_label("Code shown on the screen").fill("ZZZ ZZZ")
    phone.get_by_role("button", name="Check in with this code").click()
    expect(phone.get_by_role("alert")).to_contain_text("This code is not valid")
    assert Attendance.objects.get(meeting__title="Day 3").enrollment.participant.username == "amina"

    # Completion: Amina 3 of 3, Kwame 2 of 3 (late counts), Lena 0 of 3.
    admin.goto(f"/admin/courses/sessions/{running.pk}/completion/")
    admin.get_by_role("button", name="Evaluate completion").click()
    expect(admin.locator(".messages")).to_contain_text("1 completed, 2 not completed")
    rows = admin.get_by_role("row")
    expect(rows.filter(has_text="Amina Diallo")).to_contain_text("Completed")
    expect(rows.filter(has_text="Kwame Asante")).to_contain_text("Not completed")
    expect(rows.filter(has_text="Lena Novak")).to_contain_text("Not completed")

    # One override, with its reason.
    kwame = rows.filter(has_text="Kwame Asante")
    kwame.get_by_text("Override").click()
    kwame.get_by_label("Decision").select_option("completed")
    kwame.get_by_label("Reason").fill("Attended the missed day with the Geneva cohort.")
    kwame.get_by_role("button", name="Save the decision").click()
    expect(admin.locator(".messages")).to_contain_text("Decision saved for Kwame Asante")
    expect(admin.get_by_role("row").filter(has_text="Kwame Asante")).to_contain_text(
        "Overridden by"
    )
