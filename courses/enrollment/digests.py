"""Daily digests: one email a day to each coordinator with requests and nominations
waiting in their sessions, and to each focal point with what was decided about the
people they nominated. Never one email per event.

``owe_digests`` (daily, from Celery beat) records one ``Digest`` per person, kind and
day (unique: running it twice makes none more) and queues them after commit;
``deliver`` writes and sends one unless it is sent already, with the row locked. The
same daily run queues again digests a lost task left unsent.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from courses import mailer
from courses.models import CourseSession, Digest, Enrollment
from courses.tasks import send_digest
from participants.selectors import language_of, person_name

logger = logging.getLogger(__name__)

#: Decisions a focal point hears about.
DECIDED = (
    Enrollment.Status.CONFIRMED,
    Enrollment.Status.WAITLISTED,
    Enrollment.Status.REJECTED,
    Enrollment.Status.CANCELLED,
    Enrollment.Status.WITHDRAWN,
)


def waiting_for(user):
    """Requests and nominations waiting for a decision in the sessions ``user`` runs."""
    return (
        Enrollment.objects.filter(
            status=Enrollment.Status.REQUESTED,
            session__coordinators=user,
        )
        .exclude(session__status=CourseSession.Status.CANCELLED)
        .select_related("session__course", "participant", "nominated_by")
        .order_by("session__starts_on", "session__code", "requested_at")
    )


def decided_for(user, since):
    """What was decided since ``since`` about the people ``user`` nominated."""
    return (
        Enrollment.objects.filter(nominated_by=user, decided_at__gte=since, status__in=DECIDED)
        .select_related("session__course", "participant")
        .order_by("session__code", "participant__last_name")
    )


def owe_digests(today: datetime.date | None = None, now=None) -> int:
    """Record today's digests for whoever has something to read; returns how many."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    since = now - datetime.timedelta(days=1)
    users = get_user_model().objects.filter(is_active=True)
    coordinators = users.filter(
        coordinated_sessions__enrollments__status=Enrollment.Status.REQUESTED
    ).distinct()
    focal_points = users.filter(
        pk__in=Enrollment.objects.filter(
            nominated_by__isnull=False, decided_at__gte=since, status__in=DECIDED
        ).values("nominated_by")
    )
    made = []
    with transaction.atomic():
        for kind, people in (
            (Digest.Kind.COORDINATOR, coordinators),
            (Digest.Kind.FOCAL_POINT, focal_points),
        ):
            for user in people:
                digest, created = Digest.objects.get_or_create(recipient=user, kind=kind, day=today)
                if created:
                    made.append(digest.pk)
        stale = list(
            Digest.objects.filter(sent_at__isnull=True, attempts__lt=8, day__lt=today).values_list(
                "pk", flat=True
            )[:500]
        )
        transaction.on_commit(lambda: [queue(pk) for pk in [*made, *stale]])
    return len(made)


def queue(digest_id: int) -> None:
    try:
        send_digest.delay(digest_id=digest_id)
    except Exception:  # the broker is down: tomorrow's run queues it again
        logger.exception("Could not queue digest %s", digest_id)


def render(digest: Digest, now=None) -> mailer.CompactEmail | None:
    """The digest's email, or None when nothing is left to tell."""
    user = digest.recipient
    language = language_of(user)
    now = now or timezone.now()
    with translation.override(language):
        if digest.kind == Digest.Kind.COORDINATOR:
            rows = list(waiting_for(user))
            template = "courses/email/digest_coordinator.txt"
            link = settings.SITE_URL + reverse("course_sessions:index")
        else:
            since = datetime.datetime.combine(digest.day - datetime.timedelta(days=1), now.timetz())
            rows = list(decided_for(user, since))
            template = "courses/email/digest_focal_point.txt"
            link = settings.SITE_URL + reverse("focal_point")
        if not rows:
            return None
        sessions: dict = {}
        for row in rows:
            sessions.setdefault(row.session, []).append(row)
        text = render_to_string(
            template,
            {"name": person_name(user) or user.get_username(), "sessions": sessions, "link": link},
        )
        subject = text.splitlines()[0]
    body = "\n".join(text.splitlines()[1:]).lstrip()
    return mailer.CompactEmail(subject=subject, body=body, to=[user.email])


def deliver(digest_id: int) -> bool:
    """Send one digest unless gone or sent; True when this call sent it."""
    with transaction.atomic():
        digest = (
            Digest.objects.select_for_update(of=("self",))
            .select_related("recipient")
            .filter(pk=digest_id)
            .first()
        )
        if digest is None or digest.sent_at is not None or not digest.recipient.email:
            return False
        digest.attempts += 1
        email = render(digest)
        if email is not None:
            try:
                email.send(using="default")
            except Exception as error:
                digest.last_error = f"{type(error).__name__}: {error}"[:1000]
                digest.save(update_fields=["attempts", "last_error"])
                if mailer.is_temporary(error):
                    return False  # the next daily run queues it again
                raise
        digest.sent_at = timezone.now()
        digest.save(update_fields=["attempts", "sent_at"])
        return email is not None
