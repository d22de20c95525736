"""API tokens: made and revoked by administrators, looked up on every call.

The secret is ``concord_`` followed by 32 random URL-safe characters; only its SHA-256
digest is stored (a token is a random 190-bit key, so a fast hash is enough: nothing to
guess), with its first characters as ``prefix`` to tell tokens apart in lists.
"""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from courses.models import ApiToken

SECRET_PREFIX = "concord_"  # noqa: S105 -- a label, not a secret
#: How stale ``last_used_at`` may get before a call writes it again (one write a
#: minute per token at most, not one per call).
LAST_USE_PRECISION = 60


def digest_of(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(*, name: str, organization, scopes: list[str], by) -> tuple[ApiToken, str]:
    """Make a token and return it with its secret, which is never stored or shown again."""
    secret = SECRET_PREFIX + secrets.token_urlsafe(24)
    token = ApiToken.objects.create(
        name=name,
        organization=organization,
        scopes=sorted(set(scopes)),
        prefix=secret[: len(SECRET_PREFIX) + 6],
        digest=digest_of(secret),
        created_by=by,
    )
    return token, secret


def new_secret_for(token: ApiToken) -> str:
    """Give an unsaved token (from the admin's form) its secret; returns the secret."""
    secret = SECRET_PREFIX + secrets.token_urlsafe(24)
    token.prefix = secret[: len(SECRET_PREFIX) + 6]
    token.digest = digest_of(secret)
    return secret


def revoke_token(*, token: ApiToken, now=None) -> ApiToken:
    """Revoke a token: the next call made with it is refused. Revoking twice keeps the
    first date."""
    with transaction.atomic():
        ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
            revoked_at=now or timezone.now()
        )
    token.refresh_from_db()
    return token


def active_token(secret: str) -> ApiToken | None:
    """The live token with this secret, or None (unknown or revoked): one query."""
    if not secret.startswith(SECRET_PREFIX) or len(secret) > 100:
        return None
    return (
        ApiToken.objects.select_related("organization")
        .filter(digest=digest_of(secret), revoked_at__isnull=True)
        .first()
    )


def note_use(token: ApiToken, now=None) -> None:
    now = now or timezone.now()
    if token.last_used_at and (now - token.last_used_at).total_seconds() < LAST_USE_PRECISION:
        return
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
