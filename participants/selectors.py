"""Reads about people that several views share."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet

from .models import FocalPoint, Participant


def person_name(user: AbstractBaseUser) -> str:
    """How a person is named on screens and in exports: full name, else username."""
    return user.get_full_name() or user.get_username()


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
