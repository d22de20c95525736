"""Audit-log entries by the hundred: what Wagtail's ``log()`` writes, in one statement.

``log(instance, action, user=…, data=…)`` costs an INSERT and validation queries per
entry; a saved attendance sheet, an evaluated session or an issued batch of certificates
write hundreds. ``log_each`` writes the same entries (Wagtail's log model for the
instances' model, its content type, the active log context's user and uuid) at once.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.log_actions import get_active_log_context, registry

from courses.bulk import insert_rows


def log_each(
    entries: Iterable[tuple[object, dict]],
    action: str,
    *,
    by=None,
    timestamp=None,
    label: Callable[[object], str] | None = None,
) -> None:
    """One entry per (instance, data) of ``entries``, all instances of one model (an
    instance may come several times), as ``log(instance, action, user=by, data=data)``
    would write it, sharing one timestamp and one uuid (the log context's when there is
    one). ``label`` gives an entry's title (default: the instance's, as ``log`` takes
    it). An action Wagtail does not know is refused as ``log`` refuses it."""
    entries = list(entries)
    if not entries:
        return
    model = type(entries[0][0])
    log_model = registry.get_log_model_for_model(model)
    if log_model is None:
        return
    if not registry.action_exists(action):
        raise ValidationError(f"The log action '{action}' has not been registered.")
    context = get_active_log_context()
    user = by or context.user
    title = label or log_model.objects.get_instance_title
    insert_rows(
        log_model,
        ["object_id", "label", "data"],
        [(str(instance.pk), title(instance), data) for instance, data in entries],
        same={
            "content_type_id": ContentType.objects.get_for_model(
                model, for_concrete_model=False
            ).pk,
            "action": action,
            "user_id": user.pk if user is not None else None,
            # One action's entries share a uuid, the request's when there is one.
            "uuid": context.uuid or uuid.uuid4(),
            "timestamp": timestamp or timezone.now(),
            "revision_id": None,
            "content_changed": False,
            "deleted": False,
        },
    )
