"""Enrollment in the browser: a seat, the waitlist, a coordinator's approval in the admin,
and a focal point's nomination."""

import re

import pytest
from playwright.sync_api import expect

from courses.models import Enrollment
from participants.models import FocalPoint, Organization
from tests.e2e.steps import admin_sign_in, in_french, look, sign_in
from tests.factories.courses import make_profile, make_session
from tests.factories.pages import make_course
from tests.factories.users import make_coordinator, make_participant

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def person(username, acronym="DPPA", first="", last=""):
    user = make_participant(username)
    user.first_name, user.last_name = first, last
    user.save()
    make_profile(user, acronym)
    return user


@pytest.fixture
def course(catalog):
    return make_course(catalog, title="Mediation process design")


def test_a_seat_then_the_waitlist(new_context, course):
    make_session(course, code="mpd-geneva", capacity=1, city="Geneva", country="CH")
    person("amina", first="Amina", last="Diallo")
    person("kwame", first="Kwame", last="Asante")

    amina = new_context().new_page()
    sign_in(amina, "amina@example.org", next_url=course.url)
    sessions = amina.get_by_role("region", name="Upcoming sessions")
    expect(sessions).to_contain_text("Geneva, Switzerland")
    expect(sessions).to_contain_text("1 seat left")
    sessions.get_by_role("button", name="Enroll").click()
    expect(amina).to_have_url(re.compile(r"/my-learning/$"))
    expect(amina.get_by_role("status")).to_contain_text("is confirmed")
    expect(amina.get_by_text("Your place is confirmed.")).to_be_visible()

    kwame = new_context().new_page()
    sign_in(kwame, "kwame@example.org", next_url=course.url)
    sessions = kwame.get_by_role("region", name="Upcoming sessions")
    expect(sessions).to_contain_text("Full · 0 on the waitlist")
    sessions.get_by_role("button", name="Join the waitlist").click()
    expect(kwame.get_by_role("status")).to_contain_text("number 1 on the waitlist")
    expect(
        kwame.get_by_text(re.compile(r"Number 1 on the waitlist: we will email you"))
    ).to_be_visible()

    # Amina withdraws, after reading what happens to her seat: Kwame gets it.
    amina.get_by_role("link", name=re.compile(r"^Withdraw…")).click()
    main = amina.get_by_role("main")
    expect(main).to_contain_text("Your seat goes to the person waiting for one")
    expect(main).to_contain_text("you may enroll again until")
    look(amina, "withdraw-confirmation-en")
    french = in_french(new_context, amina)
    french.goto(amina.url)
    expect(french.get_by_role("main")).to_contain_text("Ce qui se passe si vous vous retirez")
    look(french, "withdraw-confirmation-fr")
    amina.get_by_label("Why are you withdrawing?").fill("A mission the same week.")
    amina.get_by_role("button", name="Withdraw from this session").click()
    expect(amina.get_by_role("status")).to_contain_text("You have withdrawn")
    assert Enrollment.objects.get(participant__username="amina").reason == (
        "A mission the same week."
    )
    kwame.reload()
    expect(kwame.get_by_text("Your place is confirmed.")).to_be_visible()

    # She may come back, at the back of the line: the seat is Kwame's now.
    amina.goto(course.url)
    sessions = amina.get_by_role("region", name="Upcoming sessions")
    expect(sessions).to_contain_text("You withdrew from this session")
    sessions.get_by_role("button", name="Join the waitlist again").click()
    expect(amina.get_by_role("status")).to_contain_text("number 1 on the waitlist")


def test_a_coordinator_approves_a_request_in_the_admin(new_context, course):
    coordinator = make_coordinator()
    session = make_session(
        course, code="mpd-approval", policy="approval", coordinators=[coordinator]
    )
    person("lena", acronym="OSCE", first="Lena", last="Novak")

    lena = new_context().new_page()
    sign_in(lena, "lena@example.org", next_url=course.url)
    lena.get_by_role("button", name="Request a place").click()
    expect(lena.get_by_role("status")).to_contain_text("with the coordinators")

    admin = new_context().new_page()
    admin_sign_in(admin, "coordinator")
    admin.goto(f"/admin/courses/sessions/{session.pk}/review/")
    row = admin.get_by_role("row").filter(has_text="Lena Novak")
    expect(row).to_contain_text("OSCE")
    row.get_by_role("button", name="Confirm Lena Novak", exact=True).click()
    expect(admin.get_by_role("row").filter(has_text="Lena Novak")).to_have_count(0)
    assert Enrollment.objects.get(session=session).status == Enrollment.Status.CONFIRMED

    lena.goto("/my-learning/")
    expect(lena.get_by_text("Your place is confirmed.")).to_be_visible()


def test_a_focal_point_nominates_a_colleague(new_context, course):
    session = make_session(course, code="mpd-nomination", policy="nomination")
    focal = person("fatou", acronym="AUC", first="Fatou", last="Sow")
    FocalPoint.objects.create(organization=Organization.objects.get(acronym="AUC"), user=focal)
    person("kofi", acronym="AUC", first="Kofi", last="Boateng")

    page = new_context().new_page()
    sign_in(page, "fatou@example.org", next_url="/my-learning/")
    # The header links the nominations page for focal points (My learning does too).
    page.get_by_role("banner").get_by_role("link", name="Nominations").click()
    form = page.locator("form", has=page.get_by_role("button", name="Nominate"))
    expect(form.get_by_label(re.compile("Kofi Boateng"))).to_have_count(1)
    expect(form.get_by_label(re.compile("Fatou Sow"))).to_have_count(0)  # not oneself
    form.get_by_label(re.compile("Kofi Boateng")).check()
    form.get_by_label("Session", exact=True).select_option(value=str(session.pk))
    justification = form.get_by_label("Justification", exact=True)
    justification.fill("Leads our mediation support desk in Addis Ababa.")
    look(page, "focal-point-nominations")
    page.get_by_role("button", name="Nominate").click()
    expect(page.get_by_role("status")).to_contain_text("Kofi Boateng")
    enrollment = Enrollment.objects.get(session=session)
    assert enrollment.status == Enrollment.Status.REQUESTED
    assert enrollment.nominated_by == focal
    expect(page.get_by_text("Leads our mediation support desk")).to_have_count(0)  # form reset
    expect(page.get_by_role("main")).to_contain_text("Kofi Boateng")
