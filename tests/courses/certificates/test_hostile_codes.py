"""Certificate codes outside the code alphabet (a NUL byte, spaces, dots, other scripts)
are not certificates: 404, never a 500 from the database refusing the text."""

import pytest

from tests.factories.users import make_user

pytestmark = pytest.mark.django_db

CODES = ["%00", "a%00b", "%0D%0A", "abc%20def", "%C3%A9t%C3%A9", "..", "a.b", "x" * 10_000]


@pytest.mark.parametrize("code", CODES)
def test_verification_of_a_hostile_code_is_not_found(client, code):
    response = client.get(f"/certificates/verify/{code}/")
    assert response.status_code == 404


@pytest.mark.parametrize("code", CODES)
def test_download_of_a_hostile_code_is_not_found(client, code):
    client.force_login(make_user("someone"))
    response = client.get(f"/certificates/{code}/download/")
    assert response.status_code == 404
