"""A supervisor's clearance of an application: asked by a signed link, answered without
an account, reminded after 3 and 7 days, or set aside by a coordinator with a reason.

The link signs the clearance's id and its ``nonce`` (``django.core.signing``, with a
salt of its own and a timestamp): a changed supervisor address makes a new nonce, so
the old links stop working; past ``expires_at`` (and ``LINK_DAYS`` after signing) a
link answers "expired". Once decided, the link shows the decision and changes nothing.
Emails go as Notices of the applicant's enrollment (rendered here for the supervisor's
address), recorded in the caller's transaction and sent after commit.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from courses import mailer
from courses.access import lock_session
from courses.audit import CLEARANCE_ACTION, WAIVE_CLEARANCE_ACTION
from courses.enrollment import notifications
from courses.models import REVIEWABLE, Enrollment, Notice, SupervisorClearance, new_response_id
from participants.selectors import person_name

SALT = "concord.supervisor-clearance"
LINK_DAYS = 21
REMINDER_DAYS = (3, 7)
State = SupervisorClearance.State


class ClearanceError(Exception):
    """A refusal to explain; nothing was changed."""


def token_for(clearance: SupervisorClearance) -> str:
    return signing.dumps({"c": clearance.pk, "n": clearance.nonce}, salt=SALT, compress=True)


def link_for(clearance: SupervisorClearance) -> str:
    return settings.SITE_URL + reverse("supervisor_clearance", args=[token_for(clearance)])


def find(token: str, *, now=None) -> tuple[SupervisorClearance | None, str]:
    """The clearance a link names and what the link is: ``valid``, ``expired`` or
    ``invalid`` (tampered, or replaced by a newer request)."""
    now = now or timezone.now()
    try:
        data = signing.loads(token, salt=SALT, max_age=datetime.timedelta(days=LINK_DAYS))
    except signing.SignatureExpired:
        return None, "expired"
    except signing.BadSignature:
        return None, "invalid"
    if not isinstance(data, dict):
        return None, "invalid"
    clearance = (
        SupervisorClearance.objects.select_related(
            "enrollment__participant", "enrollment__session__course", "enrollment__organization"
        )
        .filter(pk=data.get("c"), nonce=data.get("n"))
        .first()
    )
    if clearance is None:
        return None, "invalid"
    if clearance.state == State.PENDING and clearance.expires_at <= now:
        return clearance, "expired"
    return clearance, "valid"


def request_clearance(
    *, enrollment: Enrollment, supervisor_email: str, supervisor_name: str = "", now=None
) -> SupervisorClearance:
    """Ask ``supervisor_email`` to clear ``enrollment`` (in the caller's transaction):
    the row (a new nonce: older links stop working) and the email, sent after commit."""
    now = now or timezone.now()
    clearance, _created = SupervisorClearance.objects.update_or_create(
        enrollment=enrollment,
        defaults={
            "supervisor_email": supervisor_email.strip(),
            "supervisor_name": supervisor_name.strip()[:200],
            "state": State.PENDING,
            "nonce": new_response_id(),
            "requested_at": now,
            "expires_at": now + datetime.timedelta(days=LINK_DAYS),
            "decided_at": None,
            "comment": "",
            "waived_by": None,
            "waive_reason": "",
        },
    )
    notifications.owe(enrollment, Notice.Kind.CLEARANCE_REQUEST, now.isoformat())
    return clearance


def answer(
    *, clearance: SupervisorClearance, cleared: bool, comment: str = "", now=None
) -> SupervisorClearance:
    """The supervisor clears or declines. Under the session lock (the coordinators'
    decisions read the clearance under it); answering again returns the first answer
    unchanged. An expired request is refused."""
    now = now or timezone.now()
    comment = (comment or "").strip()[:2000]
    with transaction.atomic():
        lock_session(clearance.enrollment.session)
        clearance = SupervisorClearance.objects.select_for_update().get(pk=clearance.pk)
        if clearance.state != State.PENDING:
            return clearance
        if clearance.expires_at <= now:
            raise ClearanceError(
                _("This link has expired: ask the applicant to send a new request.")
            )
        enrollment = clearance.enrollment
        if enrollment.status not in REVIEWABLE:
            raise ClearanceError(_("This application has been decided already; nothing to clear."))
        clearance.state = State.CLEARED if cleared else State.DECLINED
        clearance.comment = comment
        clearance.decided_at = now
        clearance.save(update_fields=["state", "comment", "decided_at"])
        log(
            enrollment,
            CLEARANCE_ACTION,
            data={
                "person": person_name(enrollment.participant),
                "supervisor": clearance.supervisor_name or clearance.supervisor_email,
                "state": clearance.state,
                "comment": comment,
            },
        )
        return clearance


def waive(*, enrollment: Enrollment, by, reason: str, now=None) -> SupervisorClearance:
    """A coordinator decides ``enrollment`` without its supervisor's clearance, with a
    reason (in the audit log). Only a coordinator of the session; a waiver twice is a
    no-op."""
    now = now or timezone.now()
    reason = (reason or "").strip()[:1000]
    if not reason:
        raise ClearanceError(_("Give the reason for deciding without the supervisor's clearance."))
    with transaction.atomic():
        lock_session(
            enrollment.session,
            by=by,
            refusal=ClearanceError(_("Only a coordinator of this session can decide.")),
        )
        clearance = (
            SupervisorClearance.objects.select_for_update()
            .select_related("enrollment__participant")
            .filter(enrollment=enrollment)
            .first()
        )
        if clearance is None:
            raise ClearanceError(_("This application asks no clearance."))
        if clearance.state in (State.WAIVED, State.CLEARED):
            return clearance
        was = clearance.get_state_display()
        clearance.state = State.WAIVED
        clearance.waived_by = by
        clearance.waive_reason = reason
        clearance.decided_at = now
        clearance.save(update_fields=["state", "waived_by", "waive_reason", "decided_at"])
        log(
            clearance.enrollment,
            WAIVE_CLEARANCE_ACTION,
            user=by,
            data={
                "person": person_name(clearance.enrollment.participant),
                "was": str(was),
                "reason": reason,
            },
        )
        return clearance


def owe_reminders(now=None) -> int:
    """Reminders to supervisors who have not answered 3 and 7 days after the request,
    each made once per request (keyed by its nonce). Returns how many were made."""
    now = now or timezone.now()
    made = 0
    pending = SupervisorClearance.objects.filter(
        state=State.PENDING,
        expires_at__gt=now,
        enrollment__status__in=REVIEWABLE,
        requested_at__lte=now - datetime.timedelta(days=min(REMINDER_DAYS)),
    ).select_related("enrollment")
    with transaction.atomic():
        for clearance in pending:
            for days in REMINDER_DAYS:
                if clearance.requested_at <= now - datetime.timedelta(days=days):
                    key = f"{days}d:{clearance.nonce}"
                    made += (
                        notifications.owe(clearance.enrollment, Notice.Kind.CLEARANCE_REMINDER, key)
                        is not None
                    )
    return made


def render_notice(notice: Notice) -> mailer.CompactEmail:
    """The email to the supervisor (request or reminder), in the session's language."""
    enrollment = notice.enrollment
    clearance = SupervisorClearance.objects.get(enrollment=enrollment)
    session = enrollment.session
    with translation.override(session.language):
        context = {
            "person": person_name(enrollment.participant),
            "organization": enrollment.organization.name,
            "course": session.course.title,
            "session": session,
            "supervisor": clearance.supervisor_name,
            "link": link_for(clearance),
            "reminder": notice.kind == Notice.Kind.CLEARANCE_REMINDER,
            "expires_at": clearance.expires_at,
        }
        subject = (
            _("Reminder: %(person)s asks your clearance for %(course)s")
            if context["reminder"]
            else _("%(person)s asks your clearance for %(course)s")
        ) % {"person": context["person"], "course": session.course.title}
        text = render_to_string("courses/applications/clearance_email.txt", context)
    return mailer.CompactEmail(
        subject=subject,
        body=text,
        to=[clearance.supervisor_email],
        reply_to=[enrollment.participant.email],
    )


notifications.RENDERERS[Notice.Kind.CLEARANCE_REQUEST] = render_notice
notifications.RENDERERS[Notice.Kind.CLEARANCE_REMINDER] = render_notice
