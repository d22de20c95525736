"""Pages that show one person's data tell every cache (shared or the browser's history)
to keep nothing: Cache-Control: private, no-store."""

import pytest

from participants.models import FocalPoint, Organization
from tests.factories.users import make_participant

pytestmark = pytest.mark.django_db


def cache_control(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",")}


@pytest.mark.parametrize(
    "url",
    [
        "/my-learning/",
        "/profile/",
        "/focal-point/",
        "/accounts/email/",
        "/accounts/password/change/",
    ],
)
def test_personal_pages_are_private_and_not_stored(client, home, url):
    user = make_participant()
    FocalPoint.objects.create(user=user, organization=Organization.objects.get(acronym="AUC"))
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    assert {"private", "no-store"} <= cache_control(response)


def test_the_sign_in_page_is_not_stored_either(client, home):
    response = client.get("/accounts/login/")
    assert {"private", "no-store"} <= cache_control(response)


def test_public_pages_keep_their_caching(client, home):
    assert "no-store" not in cache_control(client.get("/"))
