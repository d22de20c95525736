"""Selection end to end, the issue's one story with real parts (the live site in Chromium,
one Celery worker on Redis, a local SMTP server): a coordinator invites someone who has
no account to an invitation-only session with an application form; the invitee signs up
through the emailed link, answers the form with a CV, the supervisor clears through the
link the worker emailed, the coordinator confirms, and the participant sees the
confirmed place on My learning.

With ``CONCORD_SCREENSHOTS`` set, every page of the story is also photographed at 1366
and 390 px, in English and in Arabic (``look_both``)."""

from __future__ import annotations

import os
import re
import time

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from courses.models import Enrollment, Invitation, SupervisorClearance
from tests.courses.enrollment.application_factories import PDF_BYTES, make_form
from tests.e2e.steps import admin_sign_in, look
from tests.factories.courses import make_session
from tests.factories.pages import make_course
from tests.factories.users import PASSWORD, make_coordinator
from tests.support.pipeline_harness import Worker, worker_env

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

INVITEE = "fatou.ndiaye@example.org"
BOSS = "boss@example.org"


def look_both(new_context, page: Page, name: str, again=None) -> None:
    """``look`` at the page in English, then at the same address (or what ``again`` does
    with a page, for the answer to a form), as the same person, in Arabic (the language
    cookie the switcher sets). Nothing without screenshots."""
    if not os.environ.get("CONCORD_SCREENSHOTS"):
        return
    look(page, f"{name}-en")
    context = new_context(storage_state=page.context.storage_state())
    origin = "/".join(page.url.split("/")[:3])
    context.add_cookies([{"name": "django_language", "value": "ar", "url": origin}])
    arabic = context.new_page()
    if again is None:
        arabic.goto(page.url)
    else:
        again(arabic)
    look(arabic, f"{name}-ar")
    context.close()


def wait_until(check, worker, timeout=60):
    # The sink accepts an email inside the worker's transaction: wait for its commit.
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, worker.log_tail()
        time.sleep(0.2)


def link_to(smtp, recipient, pattern):
    (message,) = [a for a in smtp.accepted if recipient in a.recipients]
    body = message.message.get_body(("plain",)).get_content()
    return re.search(pattern, body).group(0)


def test_invited_applicant_signs_up_applies_is_cleared_and_confirmed(
    new_context, smtp, queue, live_server, catalog, tmp_path
):
    coordinator = make_coordinator()
    course = make_course(catalog, title="High-level mediation seminar")
    session = make_session(course, code="hlms-e2e", policy="invitation", coordinators=[coordinator])
    make_form(session, clearance=True)
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(PDF_BYTES)
    worker = Worker(
        queue=queue,
        env=worker_env(queue=queue, smtp=smtp, site_url=live_server.url),
        log_dir=tmp_path,
        concurrency=1,
    )
    try:
        # The coordinator invites from a pasted list; the bad row is reported, and they
        # choose to add the valid one, as a request they will decide on.
        page = new_context().new_page()
        admin_sign_in(page, "coordinator")
        page.goto(f"/admin/courses/sessions/edit/{session.pk}/")
        page.get_by_role("link", name="Invitations").click()
        listed = page.locator("form", has=page.get_by_label("List of people"))
        listed.get_by_label("List of people").fill(
            f"email,name,organization\n{INVITEE},Fatou Ndiaye,ECOWAS\nnot-an-address,X,Y\n"
        )
        listed.get_by_label("Accepting gives").select_option("requested")
        listed.get_by_role("button", name="Check the list").click()
        expect(page.get_by_text("1 row has a problem")).to_be_visible()

        def check_again(arabic):
            arabic.goto(reverse("course_invitations:index", args=[session.pk]))
            arabic.locator("textarea[name=list-people]").fill(
                f"{INVITEE},Fatou Ndiaye,ECOWAS\nnot-an-address,X,Y\n"
            )
            arabic.locator("button[name=action][value=check]").click()
            arabic.wait_for_load_state()

        look_both(new_context, page, "story-invitations-confirm", again=check_again)
        page.get_by_role("button", name="Add the valid row and send 1 invitation").click()
        expect(page.get_by_text("1 invitation is on its way.")).to_be_visible()

        worker.wait_ready()
        assert smtp.wait_for(1, timeout=120), worker.log_tail()
        wait_until(lambda: Invitation.objects.filter(sent_at__isnull=False).exists(), worker)
        invitation_link = link_to(smtp, INVITEE, r"https?://\S+/invitations/[0-9a-f]+/")
        page.reload()
        expect(page.locator('[data-state="sent"]')).to_be_visible()
        look_both(new_context, page, "story-invitations-list")

        # The invitee signs up through the link, completes the profile and accepts.
        invitee = new_context().new_page()
        invitee.goto(invitation_link)
        expect(invitee.get_by_role("heading", name="High-level mediation seminar")).to_be_visible()
        look_both(new_context, invitee, "story-invitation-account-step")
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
        look_both(new_context, invitee, "story-invitation-accept-step")
        invitee.get_by_role("button", name="Accept the invitation").click()
        expect(invitee).to_have_url(re.compile(r"/my-learning/$"))
        enrollment = Enrollment.objects.get(session=session, participant__email=INVITEE)
        assert enrollment.status == Enrollment.Status.REQUESTED
        assert Invitation.objects.get().state == Invitation.State.ACCEPTED
        # The link proved the address: the new account's email is verified.
        assert enrollment.participant.emailaddress_set.get().verified

        # My learning leads to the form, answered with a CV and the supervisor's email.
        look_both(new_context, invitee, "story-my-learning-unanswered")
        invitee.get_by_role("link", name="Answer the application form").click()
        expect(invitee).to_have_url(re.compile(r"/sessions/hlms-e2e/apply/$"))
        look_both(new_context, invitee, "story-application-form")
        invitee.get_by_role("radio", name="Mediator").check()
        invitee.get_by_label("Years of experience").fill("11")
        invitee.get_by_label("Your CV").set_input_files(str(cv))
        invitee.get_by_label("Your supervisor's email").fill(BOSS)
        invitee.get_by_role("button", name="Send my application").click()
        expect(invitee.get_by_text("We have emailed your supervisor a link")).to_be_visible()

        # The supervisor clears through the emailed link, with no account.
        assert smtp.wait_for(2, timeout=120), worker.log_tail()
        boss = new_context().new_page()
        boss.goto(link_to(smtp, BOSS, r"https?://\S+/clearance/\S+/"))
        expect(boss.get_by_text("Fatou Ndiaye (African Union Commission)")).to_be_visible()
        look_both(new_context, boss, "story-clearance")
        boss.get_by_label("Comment").fill("Travel approved.")
        boss.get_by_role("button", name="Clear").click()
        expect(boss.get_by_text("You cleared Fatou Ndiaye's application")).to_be_visible()
        assert SupervisorClearance.objects.get().state == "cleared"

        # The coordinator sees answers, file and clearance in the queue, and confirms.
        page.goto(reverse("course_review:review", args=[session.pk]))
        expect(page.get_by_text("Travel approved.")).to_be_visible()
        expect(page.get_by_role("link", name=re.compile(r"cv\.pdf"))).to_have_attribute(
            "target", "_blank"
        )
        look_both(new_context, page, "story-review-queue")
        page.get_by_role("button", name="Confirm Fatou Ndiaye").click()
        expect(page.get_by_text("Decision recorded for 1 person.")).to_be_visible()
        enrollment.refresh_from_db()
        assert enrollment.status == Enrollment.Status.CONFIRMED
    finally:
        worker.stop()

    # The participant sees the confirmed place.
    invitee.goto("/my-learning/")
    row = invitee.locator(".session-item", has_text="High-level mediation seminar")
    expect(row.locator(".badge--confirmed")).to_be_visible()
    expect(invitee.get_by_role("link", name="Answer the application form")).to_have_count(0)
    look_both(new_context, invitee, "story-my-learning-confirmed")

    # And the coordinator finds the person among those who can be placed elsewhere.
    page.goto(reverse("course_invitations:index", args=[session.pk]))
    expect(page.locator('[data-state="accepted"]')).to_be_visible()
    page.get_by_role("link", name="Place a person").click()
    page.get_by_label("Name or email").fill("ndiaye")
    page.locator("#main").get_by_role("button", name="Search").click()
    expect(page.get_by_role("cell", name=re.compile("^Fatou Ndiaye"))).to_be_visible()
    expect(page.locator('[data-state="confirmed"]')).to_be_visible()
