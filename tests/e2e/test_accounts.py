"""A newcomer creates an account, completes the profile, signs out and back in."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from config.celery import app as celery_app
from participants.models import Participant
from tests.e2e.steps import sign_in
from tests.factories.users import make_participant

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "a long and unusual passphrase 42"


@pytest.fixture(autouse=True)
def tasks_run_here():
    """Account emails are sent by a Celery task after commit: here, in the server's thread."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


def test_sign_up_complete_profile_sign_out_and_in(page, site_tree):
    page.goto("/")
    page.get_by_role("link", name="Create an account").click()
    page.get_by_label("Email").fill("amina.diallo@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()

    # Confirmation is optional outside production: the new account goes on to its profile.
    expect(page.get_by_role("heading", name="My profile")).to_be_visible()
    expect(page.get_by_text("Confirmation email sent")).to_be_visible()
    assert mail.outbox[-1].to == ["amina.diallo@example.org"]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_url(re.compile(r"/profile/$"))

    page.goto("/profile/?next=/courses/")
    page.get_by_role("button", name="Save my profile").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Your profile could not be saved")
    expect(summary.get_by_role("link", name=re.compile("^Organization"))).to_be_visible()

    page.get_by_label("First name").fill("Amina")
    page.get_by_label("Last name").fill("Diallo")
    page.get_by_label("Organization", exact=True).select_option(
        label="African Union Commission (AUC)"
    )
    page.get_by_label("Job title").fill("Mediation Adviser")
    page.get_by_label("Duty station").select_option(label="Ethiopia")
    page.get_by_label("Gender").select_option(label="Prefer not to say")
    page.get_by_role("button", name="Save my profile").click()
    expect(page).to_have_url(re.compile(r"/courses/$"))
    expect(page.get_by_role("status")).to_contain_text("Your profile is saved.")
    profile = Participant.objects.get(user__email="amina.diallo@example.org")
    assert (profile.organization.acronym, profile.duty_station.code) == ("AUC", "ET")

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in").first).to_be_visible()
    sign_in(page, "amina.diallo@example.org", next_url="/profile/", password=PASSWORD)
    expect(page.get_by_role("complementary")).to_contain_text("Mediation Adviser")


def test_a_wrong_password_is_announced_next_to_the_form(page, site_tree):
    make_participant()
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill("participant@example.org")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("You could not be signed in")
    expect(page.get_by_label("Email")).to_have_value("participant@example.org")
