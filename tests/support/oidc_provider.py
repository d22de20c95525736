"""A real OpenID Connect provider for the tests, on a free local port.

It is ``oidc-provider-mock`` (an authorization server built on Authlib): discovery,
dynamic client registration, an authorization form, a token endpoint that issues an
RS256 ``id_token`` signed with the key its JWKS endpoint publishes, and userinfo.
Nothing of it is replaced: Concord talks to it over HTTP as to Entra ID.

Test users are the provider's: ``add_user(sub, email=…)`` stores their claims. A claim
given here also goes into the ``id_token`` as given, which is how a test makes the
provider issue a token for another audience (``aud``) or one already expired (``exp``).
"""

import os
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit

import requests
from oidc_provider_mock import run_server_in_thread

TIMEOUT = 10


@dataclass
class OidcClient:
    client_id: str
    client_secret: str


@dataclass
class LocalOidcProvider:
    url: str

    def register_client(self, redirect_uris: list[str]) -> OidcClient:
        """Register a confidential client (RFC 7591), as an administrator registers
        Concord with their organization's provider."""
        response = requests.post(
            f"{self.url}/oauth2/clients",
            json={
                "redirect_uris": redirect_uris,
                "token_endpoint_auth_method": "client_secret_post",
            },
            timeout=TIMEOUT,
        )
        response.raise_for_status()
        data = response.json()
        return OidcClient(data["client_id"], data["client_secret"])

    def add_user(self, sub: str, **claims) -> None:
        response = requests.put(f"{self.url}/users/{sub}", json=claims, timeout=TIMEOUT)
        response.raise_for_status()

    def sign_in(self, authorize_url: str, sub: str) -> str:
        """Submit the provider's sign-in form for ``sub`` at ``authorize_url`` (where
        Concord sent the browser); returns where the provider sends the browser back."""
        assert authorize_url.startswith(self.url), authorize_url
        response = requests.post(
            authorize_url, data={"sub": sub}, allow_redirects=False, timeout=TIMEOUT
        )
        assert response.status_code == 302, response.text[:500]
        return response.headers["Location"]


def callback_path(location: str) -> str:
    """The path and query of a redirect back to Concord (for Django's test client)."""
    parts = urlsplit(location)
    return f"{parts.path}?{parts.query}"


@contextmanager
def running_oidc_provider():
    """Start the provider on a free port of 127.0.0.1; stop it afterwards."""
    # The provider refuses plain HTTP unless told it is a test; only the provider reads it.
    os.environ["AUTHLIB_INSECURE_TRANSPORT"] = "1"
    with run_server_in_thread(port=0, require_client_registration=True) as server:
        yield LocalOidcProvider(url=f"http://localhost:{server.server_port}")


def provider_settings(
    provider: LocalOidcProvider,
    client: OidcClient,
    *,
    provider_id: str = "test-idp",
    name: str = "Test Union",
    email_domains=("union.example",),
    organization: str = "",
    password_sign_in: bool = True,
) -> list[dict]:
    """``OIDC_PROVIDERS`` for Concord, pointing at ``provider`` (as in the README)."""
    return [
        {
            "id": provider_id,
            "name": name,
            "server_url": provider.url,
            "client_id": client.client_id,
            "client_secret": client.client_secret,
            "email_domains": list(email_domains),
            "organization": organization,
            "password_sign_in": password_sign_in,
        }
    ]
