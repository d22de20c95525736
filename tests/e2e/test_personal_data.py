"""A participant asks for their data and to be forgotten from /profile/, in a browser."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from participants.models import ErasureRequest, PersonalDataExport
from tests.e2e.steps import sign_in
from tests.factories.courses import make_profile
from tests.factories.users import make_participant

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SCREENSHOTS = os.environ.get("CONCORD_SCREENSHOTS")


def shoot(page, name):
    """Screenshots for a person to look at, only when CONCORD_SCREENSHOTS names a folder."""
    if not SCREENSHOTS:
        return
    for width, height in ((1366, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})


def test_a_participant_asks_for_their_data_and_to_be_forgotten(page, site_tree):
    amina = make_participant("amina")
    make_profile(amina)
    sign_in(page, "amina@example.org", next_url="/profile/")
    page.locator("#erasure").scroll_into_view_if_needed()
    shoot(page, "profile-en")

    page.get_by_role("button", name="Download my data", exact=True).click()
    expect(page.get_by_text("Your data is being prepared")).to_be_visible()
    assert PersonalDataExport.objects.filter(user=amina).exists()
    shoot(page, "profile-preparing-en")

    page.get_by_role("button", name="Ask to be forgotten").click()
    expect(page.locator(".messages, [role=alert]").first).to_be_visible()
    assert not ErasureRequest.objects.exists()  # the box was not ticked
    page.get_by_label("I understand that this cannot be undone").check()
    page.get_by_role("button", name="Ask to be forgotten").click()
    expect(page.get_by_text("Your request is recorded")).to_be_visible()
    assert ErasureRequest.objects.get().user == amina
    shoot(page, "profile-requested-en")

    # The switcher (a signed-in person's choice is kept in their profile).
    page.get_by_role("button", name="Français").click()
    page.goto("/profile/")
    expect(page.get_by_role("button", name="Retirer ma demande")).to_be_visible()
    shoot(page, "profile-requested-fr")
