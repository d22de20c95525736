"""Every email of ``courses`` to a person goes out from here: the ``Notice`` rows, sent.

Emails to participants about their enrollments, in their language, text and HTML, are
written here; ``owe(enrollment, kind, key)`` records a ``Notice`` inside the caller's
transaction and queues its sending once that transaction commits; ``deliver(notice_id)``
(the ``send_notice`` task's body) sends it unless it was sent already. Kinds other slices
own register their writer (``RENDERERS``) or, for emails that go by the hundred, their
batch sender (``BATCH_SENDERS``: cohort messages, invitations), which ``deliver_batch``
(the ``send_notices`` task's body) hands their notices to. A notice is made once per
event, and one periodic sweep (``requeue_unsent``) queues again any notice, of any kind,
a lost task left unsent.
"""

from __future__ import annotations

import datetime
import logging
import os
import threading

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cms.selectors import title_in
from courses import calendars, mailer
from courses.access import may_see_joining_details
from courses.enrollment.selectors import waitlist_position
from courses.models import CourseSession, Enrollment, Notice
from courses.tasks import send_notice, send_notices
from participants.selectors import language_of

logger = logging.getLogger(__name__)

SUBJECTS = {
    Notice.Kind.RECEIVED: lambda: _("We received your request for %(course)s"),
    Notice.Kind.CONFIRMED: lambda: _("Your place in %(course)s is confirmed"),
    Notice.Kind.WAITLISTED: lambda: _("You are on the waitlist for %(course)s"),
    Notice.Kind.PROMOTED: lambda: _("A seat freed up: your place in %(course)s is confirmed"),
    Notice.Kind.REJECTED: lambda: _("Your request for %(course)s"),
    Notice.Kind.SESSION_CHANGED: lambda: _("%(course)s: the session has changed"),
    Notice.Kind.SESSION_CANCELLED: lambda: _("%(course)s: the session is cancelled"),
    Notice.Kind.REMINDER: lambda: _("%(course)s starts soon"),
    Notice.Kind.WITHDRAWN: lambda: _("You have withdrawn from %(course)s"),
    Notice.Kind.EVALUATION_OPEN: lambda: _("%(course)s: tell us about the course"),
    Notice.Kind.EVALUATION_REMINDER: lambda: _("%(course)s: your questionnaire is waiting"),
}
UNSENT_GRACE = datetime.timedelta(minutes=10)
#: Notices of a batch kind queued per ``send_notices`` task by the sweep.
BATCH = 50
# These carry the session's calendar (.ics) for the participant's calendar application.
WITH_CALENDAR = {
    Notice.Kind.CONFIRMED,
    Notice.Kind.PROMOTED,
    Notice.Kind.SESSION_CHANGED,
    Notice.Kind.SESSION_CANCELLED,
    Notice.Kind.REMINDER,
}


def owe(enrollment: Enrollment, kind: str, key: str = "", *, fresh=False) -> Notice | None:
    """Record that ``enrollment``'s participant must hear about ``kind``; send after commit.

    Returns None when this very notice was recorded before (nothing more is queued).
    ``fresh`` says the enrollment was created in this transaction, so no notice of it can
    exist yet: the row is inserted without the savepoint that guards the duplicate.
    """
    if fresh:
        notice = Notice.objects.create(enrollment=enrollment, kind=kind, key=key[:64])
    else:
        try:
            with transaction.atomic():
                notice = Notice.objects.create(enrollment=enrollment, kind=kind, key=key[:64])
        except IntegrityError:
            return None
    transaction.on_commit(lambda: queue(notice.pk))
    return notice


_producers = threading.local()


def _producer():
    """This thread's producer, kept with its channel (issue 20): Celery's pool hands a
    producer out for each message and drops its channel when it comes back, so every
    publish set up a channel again. Made in the process that publishes (after a fork),
    one per thread; kombu reconnects it if the broker went away."""
    producer = getattr(_producers, "producer", None)
    if producer is None or _producers.pid != os.getpid():
        app = send_notice.app
        producer = _producers.producer = app.amqp.Producer(app.connection_for_write())
        _producers.pid = os.getpid()
    return producer


def queue(notice_id: int) -> None:
    try:
        send_notice.apply_async(
            kwargs={"notice_id": notice_id},
            producer=_producer(),
            # What monitoring shows of the arguments, written here rather than by
            # Celery's general-purpose saferepr on every publish of the hot path.
            argsrepr="()",
            kwargsrepr=f"{{'notice_id': {notice_id}}}",
            # The default queue is reached through the anonymous exchange (on Redis, an
            # LPUSH to the queue's list): nothing needs declaring for the message to
            # arrive, and the workers declare their queues when they start. Spares
            # kombu's "declared already?" check on every publish.
            declare=[],
        )
    except Exception:  # the broker is down: the sweep will queue it again
        logger.exception("Could not queue notice %s; the sweep will retry it", notice_id)


def for_decision(
    enrollment: Enrollment, *, promoted: bool = False, fresh: bool = False
) -> Notice | None:
    """The notice an enrollment's new status calls for, keyed by when it was decided."""
    status = enrollment.status
    moment = {
        Enrollment.Status.WAITLISTED: enrollment.waitlisted_at,
        # A request is keyed by when it was made: a second one (after a withdrawal) is
        # a new event with its own email.
        Enrollment.Status.REQUESTED: enrollment.requested_at,
    }.get(status, enrollment.decided_at)
    key = moment.isoformat() if moment else ""
    kind = {
        Enrollment.Status.REQUESTED: Notice.Kind.RECEIVED,
        Enrollment.Status.CONFIRMED: Notice.Kind.PROMOTED if promoted else Notice.Kind.CONFIRMED,
        Enrollment.Status.WAITLISTED: Notice.Kind.WAITLISTED,
        Enrollment.Status.REJECTED: Notice.Kind.REJECTED,
    }.get(status)
    return owe(enrollment, kind, key, fresh=fresh) if kind else None


#: Writers of the notice kinds a higher slice owns (kind → function(notice) → email):
#: ``courses.messaging`` registers the cohort messages' when Django starts.
RENDERERS: dict = {}
#: Senders of the kinds that go in batches (kind → function(notice ids) → how many went),
#: each sending the unsent notices of its kind among the ids it is given, once:
#: ``courses.messaging`` (cohort messages) and ``enrollment.invitations`` register theirs.
BATCH_SENDERS: dict = {}


def render(notice: Notice) -> mailer.CompactEmail:
    if notice.kind in RENDERERS:
        return RENDERERS[notice.kind](notice)
    enrollment = notice.enrollment
    session = enrollment.session
    user = enrollment.participant
    # The person's preferred language, else the session's (when the site speaks it).
    language = language_of(user, session.language)
    # The course by its title in the email's language, when it is translated into it.
    title = title_in(session.course, language)
    with translation.override(language):
        context = {
            "name": user.get_full_name() or user.get_username(),
            "course": title,
            "session": session,
            "enrollment": enrollment,
            "kind": notice.kind,
            "position": waitlist_position(enrollment),
            "course_url": settings.SITE_URL + session.course.url,
            "learning_url": settings.SITE_URL + "/my-learning/",
            "days": {"7d": 7, "1d": 1}.get(notice.key),
            "may_enroll_again": session.enrollment_is_open()
            and session.policy in (CourseSession.Policy.OPEN, CourseSession.Policy.APPROVAL),
            "language": language,
            # Venue details and joining link: only for those the one rule lets see them.
            "joining": may_see_joining_details(user, session),
            "sittings": list(session.meetings.all()),
        }
        subject = SUBJECTS[notice.kind]() % {"course": title}
        text = render_to_string("courses/email/notice.txt", context)
        html = render_to_string("courses/email/notice.html", context)
    # CompactEmail makes the subject one line (a title may hold a line break) and encodes
    # it without the double space the modern email API's folding produces.
    message = mailer.CompactEmail(
        subject=subject, body=text, to=[user.email], key=f"notice-{notice.pk}"
    )
    message.attach_alternative(html, "text/html")
    if notice.kind in WITH_CALENDAR:
        message.attach(
            f"{session.code}.ics",
            calendars.calendar_bytes(
                [session], private_ids={session.pk} if context["joining"] else set()
            ),
            "text/calendar",
        )
    return message


def deliver(notice_id: int) -> bool:
    """Send one notice unless it is gone or sent. True when this call sent it.

    The row is locked while the mail goes out, so two workers never send it twice; a
    temporary failure is re-raised for the task to retry, a permanent one is recorded.
    A kind only its batch sender writes (an invitation's email) is handed to it.
    """
    with transaction.atomic():
        notice = (
            Notice.objects.select_for_update(of=("self",))
            .select_related(
                "enrollment__session__course",
                "enrollment__participant__participant",
                "message",
            )
            .filter(pk=notice_id)
            .first()
        )
        if notice is None or notice.sent_at is not None:
            return False
        batch_sender = None
        if notice.kind in BATCH_SENDERS and notice.kind not in RENDERERS:
            batch_sender = BATCH_SENDERS[notice.kind]
        elif not notice.enrollment.participant.email:
            notice.last_error = "The participant has no email address."
            notice.save(update_fields=["last_error"])
            return False
        else:
            notice.attempts += 1
            try:
                email = render(notice)
                if notice.kind in RENDERERS:
                    # Cohort messages go by the hundred: on the worker process's one open
                    # connection (``mailer.send``), not a new SMTP session for each.
                    mailer.send(email)
                else:
                    email.send(using="default")
            except Exception as error:
                # Recorded in this transaction, which commits; a temporary error is raised
                # after it, for the task to retry.
                notice.last_error = f"{type(error).__name__}: {error}"[:1000]
                notice.save(update_fields=["attempts", "last_error"])
                if not mailer.is_temporary(error):
                    logger.error("Notice %s failed for good: %s", notice.pk, notice.last_error)
                    return False
                failure = error
            else:
                notice.sent_at = timezone.now()
                notice.last_error = ""
                notice.save(update_fields=["sent_at", "attempts", "last_error"])
                return True
    if batch_sender is not None:  # it locks the row again, once this lock is gone
        return batch_sender([notice_id]) > 0
    raise failure


def owe_reminders(today: datetime.date | None = None) -> int:
    """Reminders 7 days and 1 day before a session starts, each made once per person."""
    today = today or timezone.localdate()
    made = 0
    for days in (7, 1):
        confirmed = Enrollment.objects.filter(
            status=Enrollment.Status.CONFIRMED,
            session__starts_on=today + datetime.timedelta(days=days),
            session__status__in=[CourseSession.Status.OPEN, CourseSession.Status.CLOSED],
        )
        with transaction.atomic():
            for enrollment in confirmed:
                made += owe(enrollment, Notice.Kind.REMINDER, f"{days}d") is not None
    return made


def deliver_batch(notice_ids: list[int]) -> int:
    """Send the unsent notices of ``notice_ids``; how many went. Each batch kind among
    them goes to its sender (``BATCH_SENDERS``), which locks its rows with ``SKIP
    LOCKED`` and sends each once; a notice of any other kind is queued alone
    (``send_notice``, retried with its backoff). One query to sort them, then the
    senders': calling it again sends nothing twice."""
    rows = list(
        Notice.objects.filter(pk__in=notice_ids, sent_at__isnull=True).values_list("pk", "kind")
    )
    sent = 0
    for kind in sorted({kind for _pk, kind in rows}):
        if kind in BATCH_SENDERS:
            sent += BATCH_SENDERS[kind](notice_ids)
        else:
            for pk, of_kind in rows:
                if of_kind == kind:
                    queue(pk)
    return sent


def queue_batches(notice_ids: list[int]) -> None:
    """Queue ``notice_ids`` in ``send_notices`` tasks of ``BATCH``."""
    for start in range(0, len(notice_ids), BATCH):
        batch = notice_ids[start : start + BATCH]
        try:
            send_notices.delay(notice_ids=batch)
        except Exception:  # the broker is down: the next sweep queues them again
            logger.exception("Could not queue %s notices; the sweep will retry them", len(batch))


def requeue_unsent(now: datetime.datetime | None = None) -> int:
    """Queue again the notices of every kind left unsent (a lost task, a broker outage):
    the batch kinds (cohort messages, invitations) in ``send_notices`` batches, the others
    one ``send_notice`` each. Sending is idempotent (``sent_at``, the row lock), so a
    notice queued twice is sent once."""
    now = now or timezone.now()
    stale = Notice.objects.filter(
        sent_at__isnull=True, created_at__lt=now - UNSENT_GRACE, attempts__lt=8
    ).values_list("pk", "kind")
    rows = list(stale.order_by("created_at", "pk")[:500])
    queue_batches([pk for pk, kind in rows if kind in BATCH_SENDERS])
    for pk, kind in rows:
        if kind not in BATCH_SENDERS:
            queue(pk)
    return len(rows)
