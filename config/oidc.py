"""Single sign-on providers (OpenID Connect) read from the environment.

``OIDC_PROVIDERS`` holds a JSON list, one object per organization's provider::

    [{"id": "au", "name": "African Union", "server_url": "https://login.example.org/v2.0",
      "client_id": "…", "client_secret_env": "OIDC_AU_SECRET",
      "email_domains": ["africa-union.org"], "organization": "AU",
      "password_sign_in": false, "trust_email_domains": true}]

They become django-allauth's ``openid_connect`` apps (``SOCIALACCOUNT_PROVIDERS``); the
keys allauth does not know (``email_domains``, ``organization``, ``password_sign_in``)
travel in each app's ``settings`` for ``participants.sso`` to read. A mistake stops the
start with a message that names the provider and the key, never a half-configured
sign-in.
"""

import json
import os
import re
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

PROVIDER_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
KNOWN_KEYS = {
    "id",
    "name",
    "server_url",
    "client_id",
    "client_secret",
    "client_secret_env",
    "email_domains",
    "organization",
    "password_sign_in",
    "trust_email_domains",
}


def _fail(index: int, message: str) -> ImproperlyConfigured:
    return ImproperlyConfigured(f"OIDC_PROVIDERS[{index}]: {message}")


def parse_providers(raw: str, environ=os.environ) -> list[dict]:
    """The providers of ``raw`` (the JSON of ``OIDC_PROVIDERS``), checked and normalised:
    domains lower-case, ``password_sign_in`` true unless given, the secret read from
    ``client_secret_env`` when named there (so it can live in a secret store)."""
    if not raw.strip():
        return []
    try:
        data = json.loads(raw)
    except ValueError as error:
        raise ImproperlyConfigured(f"OIDC_PROVIDERS is not valid JSON: {error}") from None
    if not isinstance(data, list):
        raise ImproperlyConfigured("OIDC_PROVIDERS must be a JSON list of providers.")
    providers, seen_ids, seen_domains = [], set(), {}
    for index, item in enumerate(data):
        if not isinstance(item, dict):
            raise _fail(index, "each provider is a JSON object.")
        unknown = set(item) - KNOWN_KEYS
        if unknown:
            raise _fail(index, f"unknown keys {sorted(unknown)}; known: {sorted(KNOWN_KEYS)}.")
        for key in ("id", "name", "server_url", "client_id", "email_domains"):
            if not item.get(key):
                raise _fail(index, f"'{key}' is required.")
        provider_id = str(item["id"])
        if not PROVIDER_ID.match(provider_id):
            raise _fail(index, "'id' is lower-case letters, digits and '-' (it is in URLs).")
        if provider_id in seen_ids:
            raise _fail(index, f"the id '{provider_id}' is used twice.")
        seen_ids.add(provider_id)
        url = urlsplit(str(item["server_url"]))
        if url.scheme not in ("https", "http") or not url.netloc:
            raise _fail(index, "'server_url' is the issuer's https:// address.")
        secret = item.get("client_secret", "")
        if item.get("client_secret_env"):
            secret = environ.get(item["client_secret_env"], "")
            if not secret:
                raise _fail(index, f"the variable {item['client_secret_env']} is not set.")
        domains = item["email_domains"]
        if not isinstance(domains, list) or not all(isinstance(d, str) for d in domains):
            raise _fail(index, "'email_domains' is a list of domains.")
        domains = [d.strip().lower().lstrip("@") for d in domains]
        for domain in domains:
            if not DOMAIN.match(domain):
                raise _fail(index, f"'{domain}' is not a domain name.")
            if domain in seen_domains:
                raise _fail(index, f"'{domain}' is already given to '{seen_domains[domain]}'.")
            seen_domains[domain] = provider_id
        providers.append(
            {
                "id": provider_id,
                "name": str(item["name"]),
                "server_url": str(item["server_url"]).rstrip("/"),
                "client_id": str(item["client_id"]),
                "client_secret": secret,
                "email_domains": domains,
                "organization": str(item.get("organization") or ""),
                "password_sign_in": bool(item.get("password_sign_in", True)),
                "trust_email_domains": bool(item.get("trust_email_domains", False)),
            }
        )
    return providers


def allauth_apps(providers: list[dict]) -> list[dict]:
    """django-allauth's ``APPS`` entries for the ``openid_connect`` provider."""
    return [
        {
            "provider_id": p["id"],
            "name": p["name"],
            "client_id": p["client_id"],
            "secret": p["client_secret"],
            "settings": {
                "server_url": p["server_url"],
                # Addresses in the provider's own domains count as verified when the
                # organization runs the provider (Entra ID sends no email_verified).
                "verified_email": p["email_domains"] if p["trust_email_domains"] else False,
                "email_authentication": True,
                "email_domains": p["email_domains"],
                "organization": p["organization"],
                "password_sign_in": p["password_sign_in"],
            },
        }
        for p in providers
    ]


def form_action_origins(providers: list[dict]) -> list[str]:
    """The providers' origins: the sign-in form posts, then the browser is redirected
    there, which the Content Security Policy's ``form-action`` must allow."""
    origins = []
    for provider in providers:
        url = urlsplit(provider["server_url"])
        origin = f"{url.scheme}://{url.netloc}"
        if origin not in origins:
            origins.append(origin)
    return origins
