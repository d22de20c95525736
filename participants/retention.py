"""Retention: people with no activity for ``PERSONAL_DATA_RETENTION_DAYS`` (six years by
default) are erased (``privacy.erase_person``), after a notice
``RETENTION_NOTICE_DAYS`` (30) days before. Signing in again, or any activity other
apps report, resets the clock.

Activity is the newest of: sign-in, joining, a profile change, and what receivers of
``reporting_activity`` return (``courses``: the newest enrollment event). People who work
in the admin are never erased by this rule.

Records kept only for a while (application files and supervisor comments, deleted
``APPLICATION_RECORDS_RETENTION_DAYS`` after their session ends) are deleted by the same
daily run: the app that holds them registers a purge with ``register_expiring_records``
(from its ``AppConfig.ready``); ``purge_expired_records`` runs every purge.
"""

import logging
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.dispatch import Signal
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import Participant, RetentionNotice
from .privacy import erase_person
from .selectors import language_of

logger = logging.getLogger(__name__)

# Sent with ``user``; each receiver returns the person's latest activity it knows of, or None.
reporting_activity = Signal()

# name -> purge(*, now) -> how many records it deleted
_expiring_records: dict[str, Callable[..., int]] = {}


def register_expiring_records(name: str, purge: Callable[..., int]) -> None:
    """Have the daily retention run ``purge(now=…)``, which deletes the records of its
    kind that are past keeping and returns how many. ``purge`` decides what "past
    keeping" is, usually with ``settings.APPLICATION_RECORDS_RETENTION_DAYS`` counted
    from the session's last day (``courses.sessions.selectors.sessions_past_record_keeping``).

    It must be safe to run again (a second run finds nothing left) and run its own
    transaction. Registering the same name again replaces the purge (a reload)."""
    _expiring_records[name] = purge


def purge_expired_records(*, now=None) -> dict[str, int]:
    """Run every registered purge; returns how many records each deleted. A purge that
    fails is logged and the others still run (tomorrow's run tries it again)."""
    now = now or timezone.now()
    counts = {}
    for name, purge in sorted(_expiring_records.items()):
        try:
            counts[name] = purge(now=now)
        except Exception:
            logger.exception("Retention: purging %s failed", name)
            counts[name] = None
    return counts


def last_activity(user):
    dates = [user.date_joined, user.last_login]
    profile = Participant.objects.filter(user=user).values_list("updated_at", flat=True).first()
    dates.append(profile)
    dates += [answer for _receiver, answer in reporting_activity.send(sender=type(user), user=user)]
    return max(d for d in dates if d)


def candidates(cutoff):
    """Active people, not administrators or admin users, not seen since ``cutoff``."""
    User = get_user_model()
    return (
        User.objects.filter(is_active=True, is_staff=False, is_superuser=False)
        .exclude(groups__permissions__codename="access_admin")
        .exclude(user_permissions__codename="access_admin")
        .filter(Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff))
        .distinct()
    )


def apply_retention(*, now=None) -> dict:
    """Warn who will be erased within ``RETENTION_NOTICE_DAYS``, erase who was warned at
    least that long ago and stayed inactive. Returns the counts. Safe to run again: a
    notice is sent once per period of inactivity, and erasure is final."""
    from .tasks import send_account_email  # noqa: PLC0415 -- leaf

    now = now or timezone.now()
    keep = timedelta(days=settings.PERSONAL_DATA_RETENTION_DAYS)
    notice_days = timedelta(days=settings.RETENTION_NOTICE_DAYS)
    warned = erased = 0
    for user in candidates(now - keep + notice_days):
        active_at = last_activity(user)
        if active_at >= now - keep + notice_days:
            continue
        notice = RetentionNotice.objects.filter(user=user).first()
        if notice is None or notice.sent_at < active_at:
            if not user.email:
                continue
            with transaction.atomic():
                RetentionNotice.objects.update_or_create(user=user, defaults={"sent_at": now})
                language = language_of(user)
                with translation.override(language):
                    context = {
                        "user": user,
                        "site_url": settings.SITE_URL,
                        "days": notice_days.days,
                    }
                    subject = render_to_string("participants/email/retention_subject.txt", context)
                    body = render_to_string("participants/email/retention_body.txt", context)
                transaction.on_commit(
                    lambda u=user, s=subject, b=body: send_account_email.delay(
                        subject=" ".join(s.split()),
                        body=b,
                        from_email=settings.DEFAULT_FROM_EMAIL,
                        to=[u.email],
                    )
                )
            warned += 1
        elif notice.sent_at <= now - notice_days and active_at < now - keep:
            erase_person(user=user, by=None)
            erased += 1
    return {"warned": warned, "erased": erased}
