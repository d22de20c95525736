"""Consent: which acknowledgement texts a person still has to accept, accepting them,
and withdrawing those that are not a condition of taking part.

A person's consent stands for a text's current version only: once the text changes
(a new version), ``pending`` lists it again, and the next step (applying, My learning,
checking in) asks for it. Each acceptance is a ``ConsentRecord`` with the version, the
text as read and the time; a withdrawal stamps ``withdrawn_at`` on it (kept, not erased).
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import OPEN_STATUSES, ConsentDocument, ConsentRecord


class ConsentError(Exception):
    """A refusal to explain; nothing was changed."""


def standing(user, documents) -> dict[int, ConsentRecord]:
    """The standing (not withdrawn) records of ``user`` for the current versions of
    ``documents``, by document id. One query."""
    documents = list(documents)
    if not documents or not getattr(user, "is_authenticated", False):
        return {}
    current = Q()
    for document in documents:
        current |= Q(document_id=document.pk, version=document.version)
    records = ConsentRecord.objects.filter(current, user=user, withdrawn_at__isnull=True)
    return {record.document_id: record for record in records}


def pending(user, documents) -> list[ConsentDocument]:
    """Those of ``documents`` whose current version ``user`` has not accepted."""
    documents = list(documents)
    accepted = standing(user, documents)
    return [document for document in documents if document.pk not in accepted]


def required_of(user) -> list[ConsentDocument]:
    """The texts the sessions ``user`` is in (requested, waitlisted, confirmed) require."""
    return list(
        ConsentDocument.objects.filter(
            forms__session__enrollments__participant=user,
            forms__session__enrollments__status__in=OPEN_STATUSES,
        ).distinct()
    )


def pending_for(user) -> list[ConsentDocument]:
    """What ``user`` must (re)accept now for the sessions they are in: a new version of
    a text they accepted, or a text a session added since they applied. Two queries."""
    if not getattr(user, "is_authenticated", False):
        return []
    return pending(user, required_of(user))


def conditions_of(session) -> list[ConsentDocument]:
    """The texts ``session``'s form makes a condition of taking part. One query."""
    return list(ConsentDocument.objects.filter(forms__session=session, is_condition=True))


def pending_conditions(user, session) -> list[ConsentDocument]:
    """The conditions of taking part in ``session`` whose current version ``user`` has
    not accepted (or withdrew): what stops them checking in. Texts that are not a
    condition (photos, the directory) never do: they may be withdrawn at any time.
    One query when the session asks none, two otherwise."""
    return pending(user, conditions_of(session))


def pending_conditions_by_person(session, user_ids) -> dict[int, list[ConsentDocument]]:
    """``pending_conditions`` for each of ``user_ids`` at once (those with nothing
    pending are left out), for the coordinator's attendance sheet. One query when the
    session asks none, two otherwise, whatever the number of people."""
    documents = conditions_of(session)
    user_ids = list(user_ids)
    if not documents or not user_ids:
        return {}
    current = Q()
    for document in documents:
        current |= Q(document_id=document.pk, version=document.version)
    accepted: dict[int, set[int]] = {}
    for user_id, document_id in ConsentRecord.objects.filter(
        current, user_id__in=user_ids, withdrawn_at__isnull=True
    ).values_list("user_id", "document_id"):
        accepted.setdefault(user_id, set()).add(document_id)
    result = {}
    for user_id in user_ids:
        missing = [d for d in documents if d.pk not in accepted.get(user_id, ())]
        if missing:
            result[user_id] = missing
    return result


def accept(*, user, documents, session=None, now=None) -> list[ConsentRecord]:
    """Record ``user``'s acceptance of the current version of each of ``documents``.
    Accepting a version already accepted (and not withdrawn) records nothing new."""
    now = now or timezone.now()
    made = []
    for document in pending(user, documents):
        try:
            with transaction.atomic():
                made.append(
                    ConsentRecord.objects.create(
                        user=user,
                        document=document,
                        version=document.version,
                        text=document.text,
                        session=session,
                        accepted_at=now,
                    )
                )
        except IntegrityError:  # accepted at the same moment in another tab
            continue
    return made


def withdraw(*, user, document: ConsentDocument, now=None) -> int:
    """Withdraw ``user``'s consent to ``document`` (every standing version). Refused for
    a condition of taking part while they are in a session that requires it."""
    now = now or timezone.now()
    if document.is_condition and document in required_of(user):
        raise ConsentError(
            _(
                "“%(title)s” is a condition of taking part in a session you are in: "
                "withdraw from the session instead."
            )
            % {"title": document.title}
        )
    return ConsentRecord.objects.filter(
        user=user, document=document, withdrawn_at__isnull=True
    ).update(withdrawn_at=now)
