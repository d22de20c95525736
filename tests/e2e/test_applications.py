"""The review queue's pages in Chromium, and a nominee finding the form on My learning.
Applying with a CV, the supervisor's clearance and the confirmation are the story of
``test_selection_story.py``."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from courses.enrollment.services import enroll
from tests.courses.enrollment.application_factories import (
    approval_session,
    bulk_applicants,
    make_form,
)
from tests.e2e.steps import admin_sign_in, look, sign_in
from tests.factories.courses import make_profile
from tests.factories.pages import make_course
from tests.factories.users import make_coordinator, make_participant

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


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
