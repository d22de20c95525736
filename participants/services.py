"""Business actions on people and organizations."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import UniqueConstraint
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.users.models import UserProfile

from .models import Organization, Participant


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


class MergeError(Exception):
    """The merge cannot be made; the message says why."""


@dataclass(frozen=True)
class Reference:
    """The rows of one model that point at an organization through one field."""

    label: str  # the model's verbose name (plural), for the coordinator
    count: int


def _relations():
    """Every relation of another model (of any app) to Organization: (model, field name
    on it or on the M2M table, M2M table or None). Found from the model registry, so
    participants need not know the apps above it (their enrollments, quotas, courses)."""
    for relation in Organization._meta.get_fields(include_hidden=True):
        if not relation.auto_created or relation.concrete:
            continue
        if relation.many_to_many:
            through = relation.through
            field = relation.field
            yield relation.related_model, field.m2m_reverse_field_name(), through
        elif relation.one_to_many or relation.one_to_one:
            yield relation.related_model, relation.field.name, None


def references_to(organization: Organization) -> list[Reference]:
    """What points at ``organization``, per model, largest first (nothing with none)."""
    found = []
    for model, field_name, through in _relations():
        table = through or model
        count = table._default_manager.filter(**{field_name: organization}).count()
        if count:
            found.append(Reference(str(capfirst(model._meta.verbose_name_plural)), count))
    return sorted(found, key=lambda reference: (-reference.count, reference.label))


def _unique_sets(model, field_name: str) -> list[tuple[str, ...]]:
    """The other fields that, with ``field_name``, must be unique together on ``model``."""
    sets = []
    for constraint in model._meta.constraints:
        fields = tuple(getattr(constraint, "fields", ()) or ())
        if isinstance(constraint, UniqueConstraint) and field_name in fields:
            sets.append(tuple(f for f in fields if f != field_name))
    for together in model._meta.unique_together:
        if field_name in together:
            sets.append(tuple(f for f in together if f != field_name))
    if model._meta.get_field(field_name).unique:
        sets.append(())
    return sets


def _move(table, field_name: str, source: Organization, into: Organization) -> tuple[int, int]:
    """Point the rows of ``table`` at ``into`` instead of ``source``; a row that would
    repeat one ``into`` already has (by a unique constraint) is deleted instead. Returns
    (moved, dropped)."""
    rows = table._default_manager.filter(**{field_name: source})
    dropped = 0
    for others in _unique_sets(table, field_name):
        for row in list(rows):
            same = {
                table._meta.get_field(name).attname: getattr(
                    row, table._meta.get_field(name).attname
                )
                for name in others
            }
            if table._default_manager.filter(**same, **{field_name: into}).exists():
                row.delete()
                dropped += 1
    moved = table._default_manager.filter(**{field_name: source}).update(**{field_name: into})
    return moved, dropped


def merge_organization(
    *, source: Organization, into: Organization, by: AbstractBaseUser
) -> dict[str, int]:
    """Merge the proposed organization ``source`` into ``into``: every row of every app
    that points at ``source`` (profiles, focal points, enrollments, quotas, …) points at
    ``into`` instead, then ``source`` is deleted and the merge is logged on ``into``
    (``participants.organization.merge``, with what moved).

    A row that would repeat one ``into`` already has (the same person as focal point of
    both, a quota of the same session) is deleted: ``into``'s own is kept. One
    transaction with both rows locked; a second call for the same ``source`` finds it
    gone and raises ``MergeError``, as does merging a reviewed organization (only
    proposed ones are merged) or one into itself. Returns the rows moved per model.
    """
    if source.pk == into.pk:
        raise MergeError(_("An organization cannot be merged into itself."))
    with transaction.atomic():
        locked = {
            org.pk: org
            for org in Organization.objects.select_for_update().filter(pk__in=[source.pk, into.pk])
        }
        if source.pk not in locked:
            raise MergeError(_("This organization no longer exists: it was merged or deleted."))
        if into.pk not in locked:
            raise MergeError(_("The organization to merge into no longer exists."))
        source, into = locked[source.pk], locked[into.pk]
        if source.reviewed:
            raise MergeError(
                _(
                    "Only organizations people proposed and nobody has reviewed yet are "
                    "merged; this one is reviewed."
                )
            )
        moved: dict[str, int] = {}
        dropped = 0
        for model, field_name, through in _relations():
            count, duplicates = _move(through or model, field_name, source, into)
            dropped += duplicates
            if count or duplicates:
                label = str(capfirst(model._meta.verbose_name_plural))
                moved[label] = moved.get(label, 0) + count
        log(
            instance=into,
            action="participants.organization.merge",
            user=by,
            data={
                "merged": {"id": source.pk, "name": source.name, "acronym": source.acronym},
                "moved": moved,
                "dropped": dropped,
            },
        )
        source.delete()
    return moved


def remember_language(*, user: AbstractBaseUser, language: str) -> None:
    """Remember ``language`` as the one ``user`` reads: their participant profile's
    preferred language (the site and the emails we send them) and, when they use the
    admin, Wagtail's own (its screens and its workflow emails to them).

    Two single-row updates, no other side effect; calling it twice changes nothing more.
    ``language`` must be one of settings.LANGUAGES (the caller checked it).
    """
    Participant.objects.filter(user=user).exclude(preferred_language=language).update(
        preferred_language=language
    )
    profiles = UserProfile.objects.filter(user=user)
    if not profiles.update(preferred_language=language) and user.has_perm(
        "wagtailadmin.access_admin"
    ):
        UserProfile.objects.get_or_create(user=user, defaults={"preferred_language": language})
