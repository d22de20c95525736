"""Concord's allauth adapter: account emails leave the request, and the client address
of every rate limit comes from the one trusted-proxy setting."""

import logging

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.db import transaction

from .http import client_ip
from .models import Participant

logger = logging.getLogger(__name__)


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request) -> str:
        return client_ip(request)

    def unstash_verified_email(self, request) -> str | None:
        """An address proved by a link (an invitation's) counts as verified only for a
        sign-up with that very address: someone who opened a forwarded link and signs up
        with their own address must not get the invitee's address on their account."""
        stashed = super().unstash_verified_email(request)
        typed = (request.POST.get("email") or "").strip().lower()
        return stashed if stashed and stashed.lower() == typed else None

    def post_login(self, request, user, **kwargs):
        """Sign in, then open the site in the language the person chose (their profile),
        on this device too: the language cookie is set on the response."""
        response = super().post_login(request, user, **kwargs)
        language = (
            Participant.objects.filter(user=user)
            .values_list("preferred_language", flat=True)
            .first()
        )
        if language and language in {code for code, _name in settings.LANGUAGES}:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Render the email here (the request's language and site), send it from a
        Celery task after commit.

        No SMTP conversation in the request: a password reset for a registered address
        and one for an unknown address (which gets the "no account" email, see
        ACCOUNT_PREVENT_ENUMERATION) take the same path and the same time, and a slow
        or absent mail server never holds up a sign-up or a reset.
        """
        request = allauth_context.request
        message = self.render_mail(
            template_prefix,
            email,
            {"request": request, "email": email, "current_site": get_current_site(request)}
            | context,
        )
        html = next(
            (
                content
                for content, mimetype in getattr(message, "alternatives", [])
                if mimetype == "text/html"
            ),
            "",
        )
        payload = {
            "subject": str(message.subject),
            "body": message.body,
            "from_email": message.from_email,
            "to": list(message.to),
            "html": html,
        }
        transaction.on_commit(lambda: queue_account_email(payload))


def queue_account_email(payload: dict) -> None:
    from .tasks import send_account_email  # noqa: PLC0415 -- leaf

    try:
        send_account_email.delay(**payload)
    except Exception:  # the broker is down: the person asks again; the page still answers
        logger.exception("Could not queue an account email (%s)", payload["subject"])
