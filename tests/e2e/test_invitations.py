"""Invitations end to end with real parts (the live site in Chromium, a Celery worker on
Redis, a local SMTP server): a coordinator invites someone who has no account; the
invitee follows the emailed link, signs up, completes the profile and lands enrolled."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from courses.models import Enrollment, Invitation
from tests.e2e.steps import admin_sign_in, look
from tests.factories.courses import make_session
from tests.factories.pages import make_course
from tests.factories.users import PASSWORD, make_coordinator
from tests.support.pipeline_harness import Worker, worker_env

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

INVITEE = "fatou.ndiaye@example.org"


def test_invite_someone_without_an_account_who_signs_up_and_lands_enrolled(
    new_context, smtp, queue, live_server, catalog, tmp_path
):
    coordinator = make_coordinator()
    course = make_course(catalog, title="High-level mediation seminar")
    session = make_session(course, code="hlms-e2e", policy="invitation", coordinators=[coordinator])

    page = new_context().new_page()
    admin_sign_in(page, "coordinator")
    page.goto(f"/admin/courses/sessions/edit/{session.pk}/")
    page.get_by_role("link", name="Invitations").click()
    page.get_by_label("List of people").fill(
        f"email,name,organization\n{INVITEE},Fatou Ndiaye,ECOWAS\nnot-an-address,X,Y\n"
    )
    page.get_by_role("button", name="Check the list").click()
    expect(page.get_by_text("1 row has a problem")).to_be_visible()
    look(page, "invitations-confirm")
    page.get_by_role("button", name="Add the valid row and send 1 invitation").click()
    expect(page.get_by_text("1 invitation is on its way.")).to_be_visible()

    worker = Worker(
        queue=queue,
        env=worker_env(queue=queue, smtp=smtp, site_url=live_server.url),
        log_dir=tmp_path,
        concurrency=1,
    )
    try:
        worker.wait_ready()
        assert smtp.wait_for(1, timeout=120), worker.log_tail()
        # The sink accepts the email inside the worker's transaction: wait for its commit.
        deadline = time.monotonic() + 30
        while not Invitation.objects.filter(sent_at__isnull=False).exists():
            assert time.monotonic() < deadline, worker.log_tail()
            time.sleep(0.2)
    finally:
        worker.stop()
    (accepted,) = smtp.accepted
    assert accepted.recipients == [INVITEE]
    body = accepted.message.get_body(("plain",)).get_content()
    link = re.search(r"https?://\S+/invitations/[0-9a-f]+/", body).group(0)
    page.reload()
    expect(page.locator('[data-state="sent"]')).to_be_visible()
    page.locator('[data-state="sent"]').scroll_into_view_if_needed()
    look(page, "invitations-list")

    invitee = new_context().new_page()
    invitee.goto(link)
    expect(invitee.get_by_role("heading", name="High-level mediation seminar")).to_be_visible()
    look(invitee, "invitation-account-step")
    invitee.get_by_role("link", name="Create my account").click()
    expect(invitee.get_by_label("Email")).to_have_value(INVITEE)
    invitee.get_by_label("Password", exact=True).fill(PASSWORD)
    invitee.get_by_label("Password (again)").fill(PASSWORD)
    invitee.get_by_role("button", name="Create account").click()

    invitee.get_by_role("link", name="Complete my profile").click()
    invitee.get_by_label("First name").fill("Fatou")
    invitee.get_by_label("Last name").fill("Ndiaye")
    invitee.get_by_label("Organization", exact=True).select_option(
        label="African Union Commission (AUC)"
    )
    invitee.get_by_label("Job title").fill("Mediation Adviser")
    invitee.get_by_label("Duty station").select_option(label="Senegal")
    invitee.get_by_role("button", name="Save my profile").click()
    look(invitee, "invitation-accept-step")
    invitee.get_by_role("button", name="Accept the invitation").click()

    expect(invitee).to_have_url(re.compile(r"/my-learning/$"))
    expect(invitee.get_by_role("status")).to_contain_text("is confirmed")
    enrollment = Enrollment.objects.get(session=session, participant__email=INVITEE)
    assert enrollment.status == Enrollment.Status.CONFIRMED
    assert Invitation.objects.get().state == Invitation.State.ACCEPTED
    # The link proved the address: the new account's email is verified.
    assert enrollment.participant.emailaddress_set.get().verified

    page.reload()
    expect(page.locator('[data-state="accepted"]')).to_be_visible()

    page.get_by_role("link", name="Place a person").click()
    page.get_by_label("Name or email").fill("ndiaye")
    page.locator("#main").get_by_role("button", name="Search").click()
    expect(page.get_by_role("cell", name=re.compile("^Fatou Ndiaye"))).to_be_visible()
    expect(page.locator('[data-state="confirmed"]')).to_be_visible()
    look(page, "place-a-person")
