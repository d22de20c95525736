"""Business actions on people and organizations."""

from __future__ import annotations

import re

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction

from .models import Organization


def acronym_for(name: str) -> str:
    """A free acronym for ``name``: its initials ("Horn of Africa Forum" → "HAF"), or its
    first letters when it has fewer than two words, numbered when already taken."""
    words = re.findall(r"\w+", name)
    initials = "".join(w[0] for w in words if w[0].isupper()) if len(words) > 1 else ""
    base = (initials if len(initials) >= 2 else "".join(words)[:6]).upper()[:16] or "ORG"
    taken = set(
        Organization.objects.filter(acronym__istartswith=base).values_list("acronym", flat=True)
    )
    taken = {a.upper() for a in taken}
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def propose_organization(*, name: str, proposed_by: AbstractBaseUser) -> Organization:
    """The organization named ``name``: an existing one (same name, case aside), else a
    new one awaiting a coordinator's review.

    A new organization is of kind "other", unreviewed, and offered on the profile form
    only to the person who named it until reviewed. Calling twice with the same name
    returns the same row (the name is unique; the row is locked while it is looked up).
    """
    name = " ".join(name.split())
    with transaction.atomic():
        existing = Organization.objects.select_for_update().filter(name__iexact=name).first()
        if existing:
            return existing
        return Organization.objects.create(
            name=name,
            acronym=acronym_for(name),
            kind=Organization.Kind.OTHER,
            reviewed=False,
            proposed_by=proposed_by,
        )
