"""Applying with a form, end to end with real parts (Chromium, a Celery worker on Redis,
a local SMTP server): an applicant answers the session's form with a CV, the supervisor
clears through the link the worker emailed, and the coordinator confirms."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from courses.enrollment.services import enroll
from courses.models import Enrollment, SupervisorClearance
from tests.courses.enrollment.application_factories import (
    PDF_BYTES,
    approval_session,
    bulk_applicants,
    make_form,
)
from tests.e2e.steps import admin_sign_in, look, sign_in
from tests.factories.courses import make_profile
from tests.factories.pages import make_course
from tests.factories.users import make_coordinator, make_participant
from tests.support.pipeline_harness import Worker, worker_env

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_apply_with_a_cv_supervisor_clears_coordinator_confirms(
    new_context, smtp, queue, live_server, catalog, tmp_path
):
    coordinator = make_coordinator()
    course = make_course(catalog, title="Supporting AU policy organs")
    session = approval_session(course, coordinators=[coordinator], code="auc-e2e")
    make_form(session, clearance=True)
    applicant = make_participant("amina")
    applicant.first_name, applicant.last_name = "Amina", "Diallo"
    applicant.save()
    make_profile(applicant, "AUC")
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(PDF_BYTES)

    page = new_context().new_page()
    sign_in(page, applicant.email, next_url="/sessions/auc-e2e/apply/")
    page.get_by_role("radio", name="Mediator").check()
    page.get_by_label("Years of experience").fill("11")
    page.get_by_label("Your CV").set_input_files(str(cv))
    page.get_by_label("Your supervisor's email").fill("boss@example.org")
    page.get_by_role("button", name="Send my application").click()
    expect(page.get_by_text("We have emailed your supervisor a link")).to_be_visible()

    worker = Worker(
        queue=queue,
        env=worker_env(queue=queue, smtp=smtp, site_url=live_server.url),
        log_dir=tmp_path,
        concurrency=2,
    )
    try:
        worker.wait_ready()
        assert smtp.wait_for(2, timeout=120), worker.log_tail()  # received + clearance
    finally:
        worker.stop()
    (to_boss,) = [a for a in smtp.accepted if "boss@example.org" in a.recipients]
    body = to_boss.message.get_body(("plain",)).get_content()
    link = re.search(r"https?://\S+/clearance/\S+/", body).group(0)

    boss = new_context().new_page()
    boss.goto(link)
    expect(boss.get_by_text("Amina Diallo (African Union Commission)")).to_be_visible()
    boss.get_by_label("Comment").fill("Travel approved.")
    boss.get_by_role("button", name="Clear").click()
    expect(boss.get_by_text("You cleared Amina Diallo's application")).to_be_visible()
    assert SupervisorClearance.objects.get().state == "cleared"

    admin = new_context().new_page()
    admin_sign_in(admin, "coordinator")
    admin.goto(f"/admin/courses/sessions/{session.pk}/review/")
    expect(admin.get_by_text("Travel approved.")).to_be_visible()
    expect(admin.get_by_role("link", name=re.compile(r"cv\.pdf"))).to_have_attribute(
        "target", "_blank"
    )
    admin.get_by_role("button", name="Confirm Amina Diallo").click()
    expect(admin.get_by_text("Decision recorded for 1 person.")).to_be_visible()
    assert Enrollment.objects.get(participant=applicant).status == Enrollment.Status.CONFIRMED


def test_the_queue_pages_keep_the_filter_and_a_nominee_finds_the_form(
    new_context, live_server, catalog
):
    coordinator = make_coordinator()
    course = make_course(catalog, title="Mediation process design")
    session = approval_session(course, coordinators=[coordinator], code="queue-pages")
    _form, questions = make_form(session, clearance=True)
    bulk_applicants(session, questions, 130)

    page = new_context().new_page()
    admin_sign_in(page, coordinator.username)
    page.goto(reverse("course_review:review", args=[session.pk]))
    page.get_by_label("Your role").select_option("Mediator")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_text("65 applications match.")).to_be_visible()
    expect(page.get_by_text("Page 1 of 2")).to_be_visible()
    look(page, "review-queue-paged")
    page.get_by_role("link", name="Next").click()
    expect(page.get_by_text("Page 2 of 2")).to_be_visible()
    expect(page.get_by_label("Your role")).to_have_value("Mediator")
    expect(page.locator("table.concord-queue tbody tr")).to_have_count(15)
    page.locator("nav.pagination").scroll_into_view_if_needed()
    look(page, "review-queue-page-2")

    nominated = make_course(catalog, title="Negotiation skills")
    nomination = approval_session(nominated, coordinators=[coordinator], code="nominated")
    nomination.policy = "nomination"
    nomination.save()
    make_form(nomination, cv_required=False)
    nominee = make_participant("nominee")
    make_profile(nominee, "AUC")
    enroll(participant=nominee, session=nomination, nominated_by=coordinator, justification="Lead")
    mine = new_context().new_page()
    sign_in(mine, "nominee@example.org", next_url="/my-learning/")
    link = mine.get_by_role("link", name="Answer the application form")
    expect(link).to_be_visible()
    look(mine, "my-learning-unanswered-form")
    link.click()
    expect(mine).to_have_url(re.compile(r"/sessions/nominated/apply/$"))
