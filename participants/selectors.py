"""Reads about people that several views share."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.utils.translation import get_supported_language_variant
from wagtail.users.models import UserProfile

from .models import FocalPoint, Participant


def person_name(user: AbstractBaseUser) -> str:
    """How a person is named on screens and in exports: full name, else username."""
    return user.get_full_name() or user.get_username()


def printed_names(user: AbstractBaseUser) -> tuple[str, str]:
    """The name certificates and credentials print for ``user``, and its Latin
    transliteration ("" when none is given, or when the name is in Latin letters).

    The profile's "name as it should print" when given (the holder says the order and the
    script), else given name then family name. Reads ``user.participant`` (load it with
    ``select_related("participant")`` for a list).
    """
    try:
        profile = user.participant
    except Participant.DoesNotExist:
        profile = None
    name = (profile.printed_name if profile else "") or person_name(user)
    latin = profile.printed_name_latin if profile else ""
    if latin and " ".join(latin.casefold().split()) == " ".join(name.casefold().split()):
        latin = ""
    return name, latin


def language_of(user: AbstractBaseUser, default: str = "") -> str:
    """The language to write to ``user`` in: their profile's preferred language, else
    ``default`` (the language of the request or of the session), else the site's."""
    try:
        preferred = user.participant.preferred_language
    except Participant.DoesNotExist:
        # Staff without a participant profile: the language they chose for the admin.
        preferred = (
            UserProfile.objects.filter(user_id=user.pk)
            .values_list("preferred_language", flat=True)
            .first()
        )
    return first_language(preferred, default)


def first_language(*candidates: str | None) -> str:
    """The first of ``candidates`` the site speaks, as the site spells it ("zh" is
    "zh-hans", "pt" is "pt-br"); the site's default when none is."""
    for candidate in candidates:
        if not candidate:
            continue
        try:
            return get_supported_language_variant(candidate)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


def profile_of(user: AbstractBaseUser | AnonymousUser) -> Participant | None:
    """The participant profile of ``user``, with its organization, or None.

    A profile is saved only through the profile form, which requires every field but
    gender, so a profile that exists is complete: enrollment checks this before a first
    enrollment and sends the person to ``reverse("profile") + "?next=…"`` otherwise.
    """
    if not user.is_authenticated:
        return None
    return Participant.objects.select_related("organization").filter(user=user).first()


def focal_point_roles_of(user: AbstractBaseUser) -> QuerySet[FocalPoint]:
    """The organizations ``user`` is a focal point for, by organization name."""
    return (
        FocalPoint.objects.filter(user=user)
        .select_related("organization")
        .order_by("organization__name")
    )
