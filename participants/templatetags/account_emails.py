"""What Concord's account emails (templates/account/email/) need from the project."""

from django import template
from django.conf import settings
from django.utils import translation

from participants.selectors import first_language, language_of

register = template.Library()


@register.simple_tag
def recipient_language(user=None) -> str:
    """The language an account email is written in: the preferred language of the
    recipient's profile when they have one, else the language of the request."""
    request_language = translation.get_language() or settings.LANGUAGE_CODE
    if getattr(user, "pk", None):
        return language_of(user, request_language)
    return first_language(request_language)


@register.simple_tag
def site_url() -> str:
    """The public address of the site (SITE_URL), for the signature."""
    return settings.SITE_URL
