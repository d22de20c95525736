"""Every throttle counts the client's address that ALLAUTH_TRUSTED_PROXY_COUNT decides:
behind our reverse proxy, each client on its own; without it, nobody picks their own."""

import pytest

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"
ALICE, BOB = "203.0.113.10", "198.51.100.20"


def verify(client, remote, forwarded=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return client.get("/certificates/verify/unknown-code/", REMOTE_ADDR=remote, **headers)


def sign_in(client, remote, forwarded=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return client.post(
        "/accounts/login/",
        {"login": "someone@example.org", "password": "guess"},
        REMOTE_ADDR=remote,
        **headers,
    )


@pytest.fixture
def behind_one_proxy(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    settings.CERTIFICATE_VERIFY_LIMIT = 2
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "2/m/ip"}


def test_two_clients_behind_the_proxy_are_throttled_separately(client, home, behind_one_proxy):
    for _ in range(2):
        assert verify(client, PROXY, ALICE).status_code == 404
        assert sign_in(client, PROXY, ALICE).status_code == 200
    assert verify(client, PROXY, ALICE).status_code == 429
    assert sign_in(client, PROXY, ALICE).status_code == 429
    # Bob comes through the same proxy and still has his own budget.
    assert verify(client, PROXY, BOB).status_code == 404
    assert sign_in(client, PROXY, BOB).status_code == 200


def test_a_forged_header_does_not_escape_the_limit_without_a_trusted_proxy(client, home, settings):
    settings.CERTIFICATE_VERIFY_LIMIT = 2
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "2/m/ip"}
    for number in range(2):
        assert verify(client, ALICE, f"192.0.2.{number}").status_code == 404
        assert sign_in(client, ALICE, f"192.0.2.{number}").status_code == 200
    assert verify(client, ALICE, "192.0.2.99").status_code == 429
    assert sign_in(client, ALICE, "192.0.2.99").status_code == 429


def test_a_client_prepending_addresses_behind_the_proxy_is_still_itself(
    client, home, behind_one_proxy
):
    """The proxy appends the address it saw; what the client wrote before it is ignored."""
    for number in range(2):
        assert verify(client, PROXY, f"192.0.2.{number}, {ALICE}").status_code == 404
    assert verify(client, PROXY, f"192.0.2.77, {ALICE}").status_code == 429


def test_a_request_that_bypassed_the_proxy_counts_its_own_address(client, home, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2
    settings.CERTIFICATE_VERIFY_LIMIT = 1
    # One X-Forwarded-For entry where two proxies should have written: not a 500.
    assert verify(client, ALICE, "192.0.2.1").status_code == 404
    assert verify(client, ALICE, "192.0.2.2").status_code == 429
