"""A participant's own pages in the browser: My learning during a live sitting (the
check-in link, then checked in), the private calendar feed's reset, and a verifier who
mistypes a certificate's code and then types its printed reference."""

import datetime
import re
import urllib.request

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from courses.attendance.services import current_check_in
from courses.certificates.services import issue_certificates
from courses.models import Certificate, Enrollment, Meeting
from tests.e2e.steps import in_french, look, sign_in
from tests.factories.certificates import make_completers
from tests.factories.courses import make_profile, make_session
from tests.factories.pages import make_course
from tests.factories.users import make_coordinator, make_participant

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def course(catalog):
    return make_course(catalog, title="Mediation process design")


@pytest.fixture
def amina():
    user = make_participant("amina")
    user.first_name, user.last_name = "Amina", "Diallo"
    user.save()
    make_profile(user, "AUC")
    return user


def test_my_learning_during_a_live_sitting(new_context, course, amina):
    today = timezone.localdate()
    session = make_session(
        course,
        code="mpd-nairobi",
        status="in_progress",
        starts_on=today - datetime.timedelta(days=1),
        ends_on=today + datetime.timedelta(days=2),
        timezone="Africa/Nairobi",
        min_attendance_percent=80,
    )
    start = timezone.now() - datetime.timedelta(minutes=20)
    meeting = Meeting.objects.create(
        session=session,
        title="Day 2",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=3),
    )
    for day in (1, 2):
        later = start + datetime.timedelta(days=day)
        Meeting.objects.create(
            session=session,
            title=f"Day {day + 2}",
            starts_at=later,
            ends_at=later + datetime.timedelta(hours=3),
        )
    Enrollment.objects.create(
        session=session,
        participant=amina,
        organization=amina.participant.organization,
        status=Enrollment.Status.CONFIRMED,
    )

    page = new_context().new_page()
    sign_in(page, "amina@example.org", next_url="/my-learning/")
    main = page.get_by_role("main")
    expect(main).to_contain_text("The session is under way")
    expect(main).not_to_contain_text("Prepare with the course modules")
    expect(main).to_contain_text("80 % of 3 is 2.4")
    expect(main).to_contain_text("Day 2 is on now")
    look(page, "my-learning-live-en")
    french = in_french(new_context, page)
    french.goto("/my-learning/")
    expect(french.get_by_role("main")).to_contain_text("Day 2 a lieu maintenant")
    look(french, "my-learning-live-fr")

    page.get_by_role("link", name=re.compile(r"^Check in")).click()
    expect(page).to_have_url(re.compile(r"/check-in/$"))
    page.get_by_label("Code shown on the screen").fill(current_check_in(meeting=meeting).code)
    page.get_by_role("button", name="Check in with this code").click()
    expect(page).to_have_url(re.compile(r"/my-learning/$"))
    expect(page.get_by_role("main")).to_contain_text("You are checked in for Day 2")
    expect(page.get_by_role("link", name=re.compile(r"^Check in"))).to_have_count(0)


def test_the_calendar_feed_address_is_reset(new_context, live_server, amina):
    page = new_context().new_page()
    sign_in(page, "amina@example.org", next_url="/my-learning/")
    old = page.get_by_label("Calendar feed address").input_value()
    page.reload()
    assert page.get_by_label("Calendar feed address").input_value() == old
    page.get_by_role("button", name="Reset the address").click()
    expect(page.get_by_role("status")).to_contain_text("Your calendar feed has a new address")
    new = page.get_by_label("Calendar feed address").input_value()
    assert new != old
    with urllib.request.urlopen(new) as response:
        assert response.status == 200
    with pytest.raises(urllib.error.HTTPError) as gone:
        urllib.request.urlopen(old)
    assert gone.value.code == 404


def test_a_verifier_mistypes_the_code_then_types_the_reference(new_context, catalog):
    coordinator = make_coordinator()
    session = make_session(
        make_course(catalog, title="Preventive diplomacy in practice"),
        code="pdp-vienna",
        coordinators=[coordinator],
        starts_on=datetime.date(2027, 3, 1),
        ends_on=datetime.date(2027, 3, 5),
        enrollment_opens_at=timezone.now() - datetime.timedelta(days=60),
        enrollment_closes_at=timezone.now() - datetime.timedelta(days=30),
    )
    make_completers(session, names=[("Kwame", "Asante")])
    (certificate,) = issue_certificates(session=session, by=coordinator)
    Certificate.objects.filter(pk=certificate.pk).update(short_code="3RWW-953F-Q5PF")

    page = new_context().new_page()
    response = page.goto(f"/certificates/verify/{certificate.code[:-3]}xyz/")
    assert response.status == 404
    main = page.get_by_role("main")
    expect(main).to_contain_text("No valid certificate has this code")
    look(page, "verify-not-found-en")
    french = in_french(new_context, page)
    french.goto(page.url)
    expect(french.get_by_role("main")).to_contain_text("Aucun certificat valable ne porte ce code")
    look(french, "verify-not-found-fr")

    page.get_by_label("Certificate reference").fill("3rww 953f q5pf")
    page.get_by_role("button", name="Verify", exact=True).click()
    expect(page).to_have_url(re.compile(rf"/certificates/verify/{re.escape(certificate.code)}/$"))
    expect(page.get_by_role("main")).to_contain_text("Valid certificate")
    expect(page.get_by_role("main")).to_contain_text("Kwame Asante")

    page.goto("/certificates/verify/")
    page.get_by_label("Certificate reference").fill("3RWW-953F")
    page.get_by_role("button", name="Verify", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("twelve letters and digits")
    look(page, "verify-form-error-en")
    french.goto("/certificates/verify/")
    look(french, "verify-form-fr")
