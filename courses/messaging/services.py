"""Messages from a session's coordinators to its people ("cohort messages").

``send_cohort_message`` checks the text's placeholders, finds the recipients by status
(or the hand-picked ones), refuses a message to nobody, records the message (its
attachment in private storage), one ``Notice`` per person and an entry in the session's
history, all in one transaction under the session's row lock; the notices are queued in
batches once it commits. Each person's copy is written by ``render_notice`` when it is
sent: their name, and the joining link only for those who may see it.
"""

from __future__ import annotations

import logging
import string
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import formats, timezone, translation
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from courses import mailer
from courses.access import joining_details_visible, joining_details_visible_to, lock_session
from courses.audit import MESSAGE_ACTION
from courses.enrollment import notifications
from courses.models import CohortMessage, CourseSession, Enrollment, Notice
from courses.tasks import send_notice, send_notices
from participants.models import Participant
from participants.selectors import first_language, language_of, person_name

logger = logging.getLogger(__name__)

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
#: Notices queued per task: a task per email would cost the worker as much again.
BATCH = 50

Audience = CohortMessage.Audience
AUDIENCE_STATUSES = {
    Audience.CONFIRMED: Enrollment.Status.CONFIRMED,
    Audience.WAITLISTED: Enrollment.Status.WAITLISTED,
    Audience.REQUESTED: Enrollment.Status.REQUESTED,
    Audience.COMPLETED: Enrollment.Status.COMPLETED,
    Audience.NOT_COMPLETED: Enrollment.Status.NOT_COMPLETED,
}
#: Whom a coordinator may hand-pick: anyone still in the session or who was on its roster.
PICKABLE = (*AUDIENCE_STATUSES.values(),)

#: The placeholders a message may use, with what each becomes.
PLACEHOLDERS = {
    "first_name": gettext_lazy("the person's first name"),
    "last_name": gettext_lazy("the person's last name"),
    "full_name": gettext_lazy("the person's name as printed"),
    "course": gettext_lazy("the course's title"),
    "session_code": gettext_lazy("the session's code"),
    "session_dates": gettext_lazy("the session's first and last days"),
    "venue": gettext_lazy("the venue, or “Online”"),
    "joining_link": gettext_lazy("the online joining link (confirmed participants only)"),
    "my_learning_url": gettext_lazy("the address of My learning"),
    "course_url": gettext_lazy("the address of the course page"),
}


class MessageError(Exception):
    """A message that cannot be sent as it is, with the reason for the coordinator."""


def placeholder_errors(text: str) -> list[str]:
    """What is wrong with the placeholders of ``text``: unknown names (listed with the
    valid ones), stray braces. Empty when it is fine. ``{{`` and ``}}`` are literal braces."""
    try:
        fields = [
            name
            for _literal, name, _spec, _conv in string.Formatter().parse(text)
            if name is not None
        ]
    except ValueError:
        return [_("A brace { or } is not closed. Write {{ or }} for a brace itself.")]
    unknown = sorted({name for name in fields if name not in PLACEHOLDERS})
    if not unknown:
        return []
    return [
        _("Unknown placeholder(s): %(unknown)s. Valid placeholders: %(valid)s.")
        % {
            "unknown": ", ".join(f"{{{name}}}" for name in unknown),
            "valid": ", ".join(f"{{{name}}}" for name in PLACEHOLDERS),
        }
    ]


def check_attachment(upload) -> None:
    if upload is None:
        return
    if upload.size > MAX_ATTACHMENT_BYTES:
        raise MessageError(_("The attachment is larger than 10 MB."))
    if not upload.name.lower().endswith(".pdf"):
        raise MessageError(_("The attachment must be a PDF file."))
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head != b"%PDF-":
        raise MessageError(_("The attachment is not a PDF file."))


def recipients(session: CourseSession, audience: str, picked: Iterable[int] = ()):
    """The enrollments a message to ``audience`` reaches, with their participants."""
    enrollments = Enrollment.objects.filter(session=session).select_related("participant")
    if audience == Audience.PICKED:
        return enrollments.filter(pk__in=list(picked), status__in=PICKABLE)
    return enrollments.filter(status=AUDIENCE_STATUSES[audience])


def pickable(session: CourseSession):
    return (
        Enrollment.objects.filter(session=session, status__in=PICKABLE)
        .select_related("participant")
        .order_by("participant__last_name", "participant__first_name", "pk")
    )


@dataclass
class Copy:
    subject: str
    body: str


def values_for(session: CourseSession, enrollment: Enrollment, *, joining: bool) -> dict:
    user = enrollment.participant
    dates = "\N{EN DASH}".join(
        formats.date_format(day, "j F Y") for day in (session.starts_on, session.ends_on)
    )
    venue = (
        ", ".join(p for p in (session.venue_name, str(session.place)) if p)
        if not session.is_online
        else str(session.place)
    )
    return {
        "first_name": user.first_name or person_name(user),
        "last_name": user.last_name,
        "full_name": person_name(user) or user.get_username(),
        "course": session.course.title,
        "session_code": session.code,
        "session_dates": dates,
        "venue": venue,
        # Nobody but those who may see it gets the link, whatever the text says.
        "joining_link": session.online_url if joining and session.online_url else "",
        "my_learning_url": settings.SITE_URL + "/my-learning/",
        "course_url": settings.SITE_URL + (session.course.url or "/"),
    }


def personalize(message: CohortMessage, enrollment: Enrollment, *, joining: bool) -> Copy:
    values = values_for(message.session, enrollment, joining=joining)
    return Copy(subject=message.subject.format_map(values), body=message.body.format_map(values))


def preview(*, session: CourseSession, subject: str, body: str, enrollment: Enrollment) -> Copy:
    """What ``enrollment``'s participant would receive (placeholders already checked)."""
    draft = CohortMessage(session=session, subject=subject, body=body)
    joining = session.pk in joining_details_visible(enrollment.participant, [session])
    return personalize(draft, enrollment, joining=joining)


def send_cohort_message(
    *,
    session: CourseSession,
    by,
    audience: str,
    subject: str,
    body: str,
    picked: Iterable[int] = (),
    attachment=None,
    expected_count: int | None = None,
    now=None,
) -> CohortMessage:
    """Record the message, one notice per recipient and a history entry; queue the
    emails after commit (in batches of ``BATCH``). Raises ``MessageError`` for unknown
    placeholders, a bad attachment, nobody to send to, or a count that changed since the
    coordinator confirmed it (``expected_count``). Each person gets it at most once:
    the notice's (enrollment, kind, message) key is unique."""
    subject, body = subject.strip(), body.strip()
    errors = placeholder_errors(subject) + placeholder_errors(body)
    if errors:
        raise MessageError(" ".join(errors))
    if not subject or not body:
        raise MessageError(_("Write a subject and a message."))
    check_attachment(attachment)
    now = now or timezone.now()
    with transaction.atomic():
        session = lock_session(
            session,
            by=by,
            related=("course",),
            refusal=MessageError(_("Only a coordinator of this session can message its people.")),
        )
        people = list(recipients(session, audience, picked))
        if not people:
            raise MessageError(_("Nobody matches these recipients: the message was not sent."))
        if expected_count is not None and expected_count != len(people):
            raise MessageError(
                _(
                    "The recipients changed since you confirmed (%(then)s then, %(now)s "
                    "now): check and confirm again."
                )
                % {"then": expected_count, "now": len(people)}
            )
        message = CohortMessage.objects.create(
            session=session,
            audience=audience,
            subject=subject,
            body=body,
            sent_by=by,
            sent_at=now,
            recipient_count=len(people),
        )
        if attachment is not None:
            name = attachment.name.rsplit("/", 1)[-1][:150]
            message.attachment.save(
                f"session-{session.pk}/{message.pk}-{get_random_string(16)}.pdf",
                ContentFile(attachment.read()),
                save=False,
            )
            message.attachment_name = name
            message.save(update_fields=["attachment", "attachment_name"])
        notices = Notice.objects.bulk_create(
            [
                Notice(enrollment=e, kind=Notice.Kind.MESSAGE, key=str(message.pk), message=message)
                for e in people
            ]
        )
        log(
            session,
            MESSAGE_ACTION,
            user=by,
            data={
                "message": message.pk,
                "subject": subject,
                "body": body,
                "audience": audience,
                "audience_label": str(Audience(audience).label),
                "count": len(people),
                "attachment": message.attachment_name,
            },
        )
        ids = [n.pk for n in notices]
        transaction.on_commit(lambda: queue(ids))
    return message


def queue(notice_ids: list[int]) -> None:
    for start in range(0, len(notice_ids), BATCH):
        batch = notice_ids[start : start + BATCH]
        try:
            send_notices.delay(notice_ids=batch)
        except Exception:  # the broker is down: the sweep queues them again
            logger.exception("Could not queue %s message notices; the sweep will", len(batch))


def progress(message: CohortMessage) -> tuple[int, int, int]:
    """(sent, failed for good or retrying, total) of a message's emails."""
    notices = message.notices.all()
    sent = notices.filter(sent_at__isnull=False).count()
    failing = notices.filter(sent_at__isnull=True).exclude(last_error="").count()
    return sent, failing, message.recipient_count


def render_notice(notice: Notice) -> mailer.CompactEmail:
    """The email of a message notice, written for its person (``notifications.deliver``
    sends it): their own placeholders, the attachment, a link to My learning."""
    user = notice.enrollment.participant
    session = notice.enrollment.session
    return write_email(
        notice,
        language=language_of(user, session.language),
        joining=session.pk in joining_details_visible(user, [session]),
    )


def write_email(notice: Notice, *, language: str, joining: bool, attachment=None):
    message = notice.message
    enrollment = notice.enrollment
    session = enrollment.session
    message.session = session
    user = enrollment.participant
    with translation.override(language):
        copy = personalize(message, enrollment, joining=joining)
        footer = _("You receive this message as a participant of %(course)s (%(code)s).") % {
            "course": session.course.title,
            "code": session.code,
        }
        learning = _("My learning:") + " " + settings.SITE_URL + "/my-learning/"
    text = f"{copy.body}\n\n--\n{footer}\n{learning}\n"
    email = mailer.CompactEmail(
        subject=copy.subject, body=text, to=[user.email], key=f"notice-{notice.pk}"
    )
    if message.attachment:
        if attachment is None:
            with message.attachment.open("rb") as handle:
                attachment = handle.read()
        email.attach(message.attachment_name or "attachment.pdf", attachment, "application/pdf")
    return email


def deliver_batch(notice_ids: list[int], now=None) -> int:
    """Send the message notices of ``notice_ids`` not sent yet; returns how many went.

    A fast path (``cohort_message_e2e`` in ``make bench`` shows what it buys): where
    ``notifications.deliver`` spends four queries and a transaction on each email, a
    batch takes its unsent notices locked (``SKIP LOCKED``: a notice another worker holds
    is left to it) with what they need in four queries, sends them on the process's
    one SMTP connection, and marks the sent ones in one UPDATE. Each is still sent at
    most once: the rows stay locked until ``sent_at`` is written. An email the server
    refuses is recorded on its notice; a temporary failure is queued again alone, as
    ``send_notice`` with its backoff, after this transaction.
    """
    now = now or timezone.now()
    retry = []
    with transaction.atomic():
        notices = list(
            Notice.objects.select_for_update(of=("self",), skip_locked=True)
            .select_related("enrollment__session__course", "enrollment__participant", "message")
            .filter(pk__in=notice_ids, sent_at__isnull=True, kind=Notice.Kind.MESSAGE)
        )
        if not notices:
            return 0
        users = [n.enrollment.participant for n in notices]
        languages = dict(
            Participant.objects.filter(user__in=users).values_list("user_id", "preferred_language")
        )
        visible: dict[int, set[int]] = {}
        for session in {n.enrollment.session for n in notices}:
            visible[session.pk] = joining_details_visible_to(
                session,
                [
                    u
                    for n, u in zip(notices, users, strict=True)
                    if n.enrollment.session_id == session.pk
                ],
            )
        attachments: dict[int, bytes] = {}
        sent, failed = [], []
        for notice in notices:
            user = notice.enrollment.participant
            if not user.email:
                notice.last_error = "The participant has no email address."
                failed.append(notice)
                continue
            message = notice.message
            if message.attachment and message.pk not in attachments:
                with message.attachment.open("rb") as handle:
                    attachments[message.pk] = handle.read()
            email = write_email(
                notice,
                language=first_language(languages.get(user.pk), notice.enrollment.session.language),
                joining=user.pk in visible[notice.enrollment.session_id],
                attachment=attachments.get(message.pk),
            )
            try:
                mailer.send(email)
            except Exception as error:
                notice.last_error = f"{type(error).__name__}: {error}"[:1000]
                failed.append(notice)
                if mailer.is_temporary(error):
                    retry.append(notice.pk)
            else:
                sent.append(notice.pk)
        Notice.objects.filter(pk__in=sent).update(
            sent_at=now, attempts=F("attempts") + 1, last_error=""
        )
        for notice in failed:
            notice.attempts += 1
        Notice.objects.bulk_update(failed, ["attempts", "last_error"])
        transaction.on_commit(
            lambda: [
                send_notice.apply_async(kwargs={"notice_id": pk}, countdown=30) for pk in retry
            ]
        )
    return len(sent)


def messages_for(session: CourseSession):
    return CohortMessage.objects.filter(session=session).select_related("sent_by")


# A message notice queued alone (a retry) is sent by ``notifications.deliver`` like any
# other; in batches (``send_notices``, the sweep), by ``deliver_batch``.
notifications.RENDERERS[Notice.Kind.MESSAGE] = render_notice
notifications.BATCH_SENDERS[Notice.Kind.MESSAGE] = deliver_batch
