"""Which language of a translated page a visitor reads.

Every language's pages live in their own tree (Wagtail's i18n, wagtail-localize), under
the same URLs: the site routes in its default tree and then serves the live translation
in the visitor's language when one exists. A visitor's language is the one the page's
``?language=`` names (the language links of a course), otherwise the interface
language Django activated (cookie, browser, profile).
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from .cache import cached

LANGUAGE_PARAMETER = "language"


def content_language_names() -> dict[str, str]:
    """Each content language's code and its own name ("العربية", "Français")."""
    return dict(settings.WAGTAIL_CONTENT_LANGUAGES)


def requested_language(request) -> str:
    """The content language ``request`` asks for, as one of the content language codes."""
    names = content_language_names()
    asked = request.GET.get(LANGUAGE_PARAMETER, "") if request is not None else ""
    if asked in names:
        return asked
    try:
        return get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return settings.LANGUAGE_CODE


def explicit_language(request) -> str:
    """The language named by ``?language=``, to carry on links, or ""."""
    asked = request.GET.get(LANGUAGE_PARAMETER, "") if request is not None else ""
    return asked if asked in content_language_names() else ""


def locale_ids() -> dict[str, int]:
    """{language code: Locale id}, cached with the content version."""
    return cached("locale-ids", lambda: dict(Locale.objects.values_list("language_code", "pk")))


def locale_codes() -> dict[int, str]:
    return {pk: code for code, pk in locale_ids().items()}


def best_of(available: dict[str, int], wanted: str):
    """The pk to show from ``available`` ({language: pk}): the wanted language, else the
    site's default language, else the first in the order of the content languages."""
    if wanted in available:
        return available[wanted]
    if settings.LANGUAGE_CODE in available:
        return available[settings.LANGUAGE_CODE]
    for code in content_language_names():
        if code in available:
            return available[code]
    return next(iter(available.values()))


def ensure_content_locales() -> None:
    """A Wagtail locale for each content language, so trainers can translate into any of
    them from the start. Runs after every ``migrate``; adds what is missing only."""
    existing = set(Locale.all_objects.values_list("language_code", flat=True))
    Locale.objects.bulk_create(
        Locale(language_code=code) for code in content_language_names() if code not in existing
    )
