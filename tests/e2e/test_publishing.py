"""A trainer edits a module in Wagtail's admin and submits it; a coordinator approves it;
only then does a participant see the new text."""

import pytest
from playwright.sync_api import expect

from cms.services import assign_trainer
from tests.e2e.steps import admin_sign_in, sign_in
from tests.factories.courses import make_learner
from tests.factories.pages import make_course, make_module
from tests.factories.users import make_coordinator, make_trainer

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

OLD_TEXT = "Mediation starts with listening."
NEW_TEXT = "Consent of the parties is won step by step."


@pytest.fixture
def module(catalog):
    coordinator = make_coordinator()
    trainer = make_trainer()
    course = make_course(catalog, title="Mediation process design")
    make_learner(course, "participant")
    module = make_module(course, title="Readiness for mediation", body_text=OLD_TEXT)
    assign_trainer(course=course, user=trainer, assigned_by=coordinator)
    return module


def test_trainer_submits_coordinator_approves_participant_reads(new_context, module):
    participant = new_context().new_page()
    sign_in(participant, "participant@example.org", next_url=module.url)
    expect(participant.get_by_text(OLD_TEXT)).to_be_visible()

    # The trainer adds a sentence to the module's paragraph in Draftail and submits it.
    trainer = new_context().new_page()
    admin_sign_in(trainer, "trainer")
    trainer.goto(f"/admin/pages/{module.pk}/edit/")
    paragraph = trainer.locator(".Draftail-Editor [contenteditable='true']").filter(
        has_text=OLD_TEXT
    )
    paragraph.click()
    trainer.keyboard.press("Control+End")
    trainer.keyboard.type(" " + NEW_TEXT)
    expect(paragraph).to_contain_text(NEW_TEXT)
    # Draftail saves its state into the form's hidden field a moment after typing stops.
    expect(trainer.locator(f"input[type=hidden][value*='{NEW_TEXT}']")).to_have_count(1)
    # Publishing is not offered to a trainer: only review.
    trainer.get_by_role("button", name="More actions").click()
    expect(trainer.get_by_role("button", name="Publish")).to_have_count(0)
    trainer.get_by_role("button", name="Submit to Coordinator review").click()
    expect(trainer.get_by_text("has been submitted for moderation")).to_be_visible()

    # Still awaiting review: the participant reads the published text only.
    participant.reload()
    expect(participant.get_by_text(OLD_TEXT)).to_be_visible()
    expect(participant.get_by_text(NEW_TEXT)).to_have_count(0)

    # The coordinator approves from the module's edit page.
    coordinator = new_context().new_page()
    admin_sign_in(coordinator, "coordinator")
    coordinator.goto(f"/admin/pages/{module.pk}/edit/")
    coordinator.get_by_role("button", name="More actions").click()
    coordinator.get_by_role("button", name="Approve", exact=True).click()
    expect(coordinator.get_by_text("has been updated")).to_be_visible()

    participant.reload()
    expect(participant.get_by_text(f"{OLD_TEXT} {NEW_TEXT}")).to_be_visible()
