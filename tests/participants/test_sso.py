"""Single sign-on against a real OpenID Connect provider started by the tests
(tests/support/oidc_provider.py): discovery, authorization, token, signed id_token and
userinfo all go over HTTP. Concord is driven by Django's test client; the provider's
sign-in form is submitted as a browser would."""

import json
import time

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from config.oidc import allauth_apps, parse_providers
from participants.models import Organization
from participants.privacy import erase_person, profile_data
from tests.factories.users import PASSWORD
from tests.support.oidc_provider import callback_path, provider_settings, running_oidc_provider

pytestmark = pytest.mark.django_db

User = get_user_model()
PROVIDER_ID = "test-idp"
LOGIN_URL = f"/accounts/oidc/{PROVIDER_ID}/login/"


@pytest.fixture(scope="module")
def provider():
    with running_oidc_provider() as provider:
        yield provider


@pytest.fixture(scope="module")
def oidc_client(provider):
    return provider.register_client([f"http://testserver{LOGIN_URL}callback/"])


def configure(settings, provider, oidc_client, **options):
    providers = parse_providers(json.dumps(provider_settings(provider, oidc_client, **options)))
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {"OAUTH_PKCE_ENABLED": True, "APPS": allauth_apps(providers)}
    }


@pytest.fixture
def sso(settings, provider, oidc_client):
    configure(settings, provider, oidc_client, organization="AUC")
    return provider


def start(client, next_url=None):
    """Press "Sign in with Test Union": Concord answers with a redirect to the provider."""
    response = client.post(LOGIN_URL, {"next": next_url} if next_url else {})
    assert response.status_code == 302
    return response["Location"]


def sign_in_through(client, provider, sub):
    location = provider.sign_in(start(client), sub)
    return client.get(callback_path(location))


def signed_in_user(client):
    user_id = client.session.get("_auth_user_id")
    return User.objects.get(pk=user_id) if user_id else None


def test_the_sign_in_page_offers_the_provider(client, sso):
    page = client.get("/accounts/login/").content.decode()
    assert "Sign in with Test Union" in page
    assert f'action="{LOGIN_URL}?process=login"' in page


def test_a_first_sign_in_creates_the_account_and_offers_the_organization(client, sso):
    sso.add_user("amina-1", email="amina@union.example", email_verified=True, given_name="Amina")

    response = sign_in_through(client, sso, "amina-1")

    assert response.status_code == 302
    user = signed_in_user(client)
    assert user.email == "amina@union.example"
    assert user.first_name == "Amina"
    assert SocialAccount.objects.get(user=user).provider == PROVIDER_ID
    assert EmailAddress.objects.get(user=user).verified
    (link,) = profile_data(user)["single_sign_on"]
    assert link["provider"] == PROVIDER_ID and link["subject"] == "amina-1"
    profile = client.get("/profile/").content.decode()
    auc = Organization.objects.get(acronym="AUC")
    assert f'<option value="{auc.pk}" selected>' in profile


def test_a_first_sign_in_links_the_account_with_the_same_verified_address(client, sso):
    existing = User.objects.create_user("kofi", "kofi@union.example", PASSWORD)
    EmailAddress.objects.create(user=existing, email=existing.email, verified=True, primary=True)
    sso.add_user("kofi-1", email="kofi@union.example", email_verified=True)

    sign_in_through(client, sso, "kofi-1")

    assert signed_in_user(client) == existing
    assert SocialAccount.objects.get(uid="kofi-1").user == existing
    assert User.objects.filter(email__iexact="kofi@union.example").count() == 1
    existing.refresh_from_db()
    assert existing.has_usable_password()  # their own, confirmed account: kept as it was


def test_linking_an_account_whose_address_was_never_confirmed_wipes_its_password(client, sso):
    """Someone registered with Lina's address before her: her sign-in takes the account
    back and the squatter's password stops working."""
    squatted = User.objects.create_user("squat", "lina@union.example", PASSWORD)
    EmailAddress.objects.create(user=squatted, email=squatted.email, verified=False, primary=True)
    sso.add_user("lina-1", email="lina@union.example", email_verified=True)

    sign_in_through(client, sso, "lina-1")

    assert signed_in_user(client) == squatted
    squatted.refresh_from_db()
    assert not squatted.has_usable_password()


def test_an_address_the_provider_does_not_vouch_for_is_not_linked(client, sso):
    existing = User.objects.create_user("omar", "omar@union.example", PASSWORD)
    EmailAddress.objects.create(user=existing, email=existing.email, verified=True, primary=True)
    sso.add_user("omar-1", email="omar@union.example", email_verified=False)

    sign_in_through(client, sso, "omar-1")

    assert signed_in_user(client) != existing
    assert not SocialAccount.objects.filter(user=existing).exists()


def test_an_address_outside_the_providers_domains_is_refused(client, sso):
    sso.add_user("eve-1", email="eve@elsewhere.example", email_verified=True)

    response = sign_in_through(client, sso, "eve-1")

    assert response.status_code == 403
    page = response.content.decode()
    assert "This address cannot sign in here" in page
    assert "eve@elsewhere.example" in page and "union.example" in page
    assert signed_in_user(client) is None
    assert not User.objects.filter(email="eve@elsewhere.example").exists()
    assert not SocialAccount.objects.exists()


def test_an_id_token_for_another_audience_is_refused(client, sso):
    sso.add_user("mallory-1", email="mallory@union.example", email_verified=True, aud="other-app")

    response = sign_in_through(client, sso, "mallory-1")

    assert "You could not be signed in" in response.content.decode()
    assert signed_in_user(client) is None
    assert not User.objects.filter(email="mallory@union.example").exists()


def test_an_expired_id_token_is_refused(client, sso):
    sso.add_user(
        "old-1", email="old@union.example", email_verified=True, exp=int(time.time()) - 3600
    )

    response = sign_in_through(client, sso, "old-1")

    assert "You could not be signed in" in response.content.decode()
    assert signed_in_user(client) is None
    assert not User.objects.filter(email="old@union.example").exists()


def test_a_replayed_state_is_refused(client, sso):
    sso.add_user("rui-1", email="rui@union.example", email_verified=True)
    back = callback_path(sso.sign_in(start(client), "rui-1"))
    client.get(back)
    assert signed_in_user(client).email == "rui@union.example"
    client.post("/accounts/logout/")

    replayed = client.get(back)

    assert "You could not be signed in" in replayed.content.decode()
    assert signed_in_user(client) is None


def test_a_state_from_another_browser_is_refused(client, sso):
    sso.add_user("ana-1", email="ana@union.example", email_verified=True)
    victim_back = callback_path(sso.sign_in(start(Client()), "ana-1"))

    response = client.get(victim_back)

    assert "You could not be signed in" in response.content.decode()
    assert signed_in_user(client) is None


def test_password_sign_in_stays_for_domains_without_sso(client, sso):
    User.objects.create_user("zoe", "zoe@other.example", PASSWORD)
    response = client.post("/accounts/login/", {"login": "zoe@other.example", "password": PASSWORD})
    assert response.status_code == 302
    assert signed_in_user(client).username == "zoe"


def test_password_sign_in_stays_for_sso_domains_unless_switched_off(client, sso):
    User.objects.create_user("yan", "yan@union.example", PASSWORD)
    client.post("/accounts/login/", {"login": "yan@union.example", "password": PASSWORD})
    assert signed_in_user(client).username == "yan"


def test_with_password_sign_in_off_a_person_of_the_domain_is_sent_to_their_provider(
    client, settings, provider, oidc_client
):
    configure(settings, provider, oidc_client, password_sign_in=False)
    User.objects.create_user("yan", "yan@union.example", PASSWORD)
    provider.add_user("yan-1", email="yan@union.example", email_verified=True)

    response = client.post("/accounts/login/", {"login": "yan@union.example", "password": ""})

    assert response.status_code == 302
    assert response["Location"].startswith(f"{provider.url}/oauth2/authorize?")
    assert "login_hint=yan%40union.example" in response["Location"]
    assert signed_in_user(client) is None
    # Knowing the password does not help: the form never checks it.
    client.post("/accounts/login/", {"login": "yan@union.example", "password": PASSWORD})
    assert signed_in_user(client) is None
    # And the provider's answer signs them in.
    client.get(callback_path(provider.sign_in(response["Location"], "yan-1")))
    assert signed_in_user(client).username == "yan"


def test_with_password_sign_in_off_sign_up_refuses_the_domain(
    client, settings, provider, oidc_client
):
    configure(settings, provider, oidc_client, password_sign_in=False)
    response = client.post(
        "/accounts/signup/",
        {"email": "new@union.example", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 200
    assert "sign in with Test Union" in response.content.decode()
    assert not User.objects.filter(email="new@union.example").exists()


def test_an_erased_person_is_not_signed_in_again_by_their_old_link(client, sso):
    sso.add_user("gone-1", email="gone@union.example", email_verified=True)
    sign_in_through(client, sso, "gone-1")
    user = signed_in_user(client)
    client.post("/accounts/logout/")
    erase_person(user=user, by=None)
    assert not SocialAccount.objects.filter(uid="gone-1").exists()

    sign_in_through(client, sso, "gone-1")

    # A fresh account: nothing of the erased one comes back.
    again = signed_in_user(client)
    assert again is not None and again.pk != user.pk


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("{", "not valid JSON"),
        ("{}", "JSON list"),
        ('[{"id": "x"}]', "'name' is required"),
        (
            '[{"id": "Bad Id", "name": "n", "server_url": "https://a.example", "client_id": "c",'
            ' "email_domains": ["a.example"]}]',
            "lower-case",
        ),
        (
            '[{"id": "a", "name": "n", "server_url": "https://a.example", "client_id": "c",'
            ' "email_domains": ["not a domain"]}]',
            "not a domain name",
        ),
        (
            '[{"id": "a", "name": "n", "server_url": "https://a.example", "client_id": "c",'
            ' "email_domains": ["a.example"], "client_secret_env": "CONCORD_NO_SUCH_VAR"}]',
            "CONCORD_NO_SUCH_VAR is not set",
        ),
        (
            '[{"id": "a", "name": "n", "server_url": "https://a.example", "client_id": "c",'
            ' "email_domains": ["a.example"], "domains": []}]',
            "unknown keys",
        ),
    ],
)
def test_a_mistaken_provider_configuration_stops_the_start_with_a_clear_message(raw, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        parse_providers(raw, environ={})
