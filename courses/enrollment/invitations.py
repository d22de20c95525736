"""Invitations by email: a coordinator (or a focal point) invites people, with or without
an account, to one session; each gets a single-use, expiring link bound to their address.

The link. Its token is ``salted_hmac(nonce)`` under the site's secret key; the database
keeps the nonce and the token's SHA-256 only, so a copy of the database opens nothing,
and the worker can still write the email. Resending draws a new nonce: the old link dies.

Emails. Each sending is a ``Notice`` of kind ``invitation`` (no enrollment: the invitation
instead), made in the caller's transaction and queued after commit in batches
(``send_notices``, which hands them to ``deliver_batch`` here), sent on the worker's one
SMTP connection (``courses.mailer``) with a Message-ID fixed by the notice; the periodic
sweep of every notice (``notifications.requeue_unsent``) queues again what a lost task
left unsent.

Acceptance runs under the session lock, as every seat decision does
(``enrollment.services``): the invitation row is locked and re-read there, so two
acceptances of one invitation make one enrollment, and the seat rules see one state.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import logging
import secrets
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Count, F, Q
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from courses import mailer
from courses.access import lock_session
from courses.audit import (
    INVITATION_ACCEPT_ACTION,
    INVITATION_DECLINE_ACTION,
    INVITATION_RESEND_ACTION,
    INVITATION_REVOKE_ACTION,
    INVITE_ACTION,
)
from courses.bulk import insert_rows
from courses.enrollment import notifications
from courses.enrollment.services import (
    EnrollmentError,
    ProfileRequired,
    SeatBook,
    log_nomination,
)
from courses.models import (
    CourseSession,
    Enrollment,
    Invitation,
    Notice,
)
from courses.tasks import send_notices
from participants.models import Participant
from participants.selectors import first_language, person_name, profile_of

logger = logging.getLogger(__name__)

#: How long a link stays valid, from its last sending.
VALID_FOR = datetime.timedelta(days=14)
#: Rows of one pasted or uploaded list, at most.
MAX_ROWS = 2000
#: Invitation emails queued per task.
BATCH = 50
SALT = "concord.invitation"
#: Sessions that can no longer take anybody in.
OVER = (CourseSession.Status.CANCELLED, CourseSession.Status.COMPLETED)


class InvitationError(EnrollmentError):
    """An invitation refused or a list that cannot be sent as it is; nothing changed."""


class ForwardedInvitation(InvitationError):
    """The link was opened by a signed-in account whose email is not the invited one."""


# ---------------------------------------------------------------------- the link


def token_for(nonce: str) -> str:
    return salted_hmac(SALT, nonce, algorithm="sha256").hexdigest()


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_link() -> tuple[str, str]:
    """A fresh (nonce, token hash)."""
    nonce = secrets.token_hex(16)
    return nonce, hash_token(token_for(nonce))


def link_of(invitation: Invitation) -> str:
    return settings.SITE_URL + reverse("invitation", args=[token_for(invitation.nonce)])


def find(token: str) -> Invitation | None:
    """The invitation a link's token opens, or None (a wrong, old or mangled link)."""
    if not token or len(token) > 128:
        return None
    return (
        Invitation.objects.select_related("session__course")
        .filter(token_hash=hash_token(token))
        .first()
    )


def masked(email: str) -> str:
    """``a•••@example.org``: enough for the invitee to recognize, little for anyone else."""
    local, _sep, domain = email.partition("@")
    return f"{local[:1]}•••@{domain}"


# ---------------------------------------------------------------------- lists


@dataclass
class Invitee:
    line: int
    email: str
    name: str = ""
    organization: str = ""


@dataclass
class RowProblem:
    line: int
    email: str
    problem: str


@dataclass
class CheckedList:
    valid: list[Invitee] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)


def parse_list(text: str) -> list[Invitee]:
    """Rows of ``email, name, organization`` (CSV: commas, semicolons or tabs; a header
    row naming "email" is skipped; empty lines are ignored). Raises ``InvitationError``
    for a list longer than ``MAX_ROWS``."""
    text = (text or "").replace("\ufeff", "").strip()
    if not text:
        return []
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        # Each line its own separator: lists pasted from several sources mix them.
        if "\t" in line:
            delimiter = "\t"
        elif line.count(";") > line.count(","):
            delimiter = ";"
        else:
            delimiter = ","
        cells = next(csv.reader([line], delimiter=delimiter), [])
        cells = [cell.strip() for cell in cells]
        if not any(cells):
            continue
        if number == 1 and cells[0].lower() in ("email", "e-mail", "courriel"):
            continue
        rows.append(
            Invitee(
                line=number,
                email=cells[0].lower(),
                name=(cells[1] if len(cells) > 1 else "")[:200],
                organization=(cells[2] if len(cells) > 2 else "")[:200],
            )
        )
        if len(rows) > MAX_ROWS:
            raise InvitationError(
                _("A list may hold at most %(n)s people: split it.") % {"n": MAX_ROWS}
            )
    return rows


def check_list(session: CourseSession, rows: list[Invitee]) -> CheckedList:
    """Each row's problem, if any: an invalid email, a duplicate of an earlier row,
    someone already enrolled, someone already invited. Two queries."""
    emails = {row.email for row in rows}
    invited = set(
        Invitation.objects.filter(session=session, email__in=emails).values_list("email", flat=True)
    )
    # Accounts keep the address as typed; lists are lower-cased.
    enrolled = set(
        Enrollment.objects.filter(session=session)
        .exclude(status=Enrollment.Status.WITHDRAWN)
        .annotate(email=Lower("participant__email"))
        .filter(email__in=emails)
        .values_list("email", flat=True)
    )
    checked = CheckedList()
    seen: dict[str, int] = {}
    for row in rows:
        problem = ""
        try:
            validate_email(row.email)
        except ValidationError:
            problem = _("not a valid email address")
        else:
            if row.email in seen:
                problem = _("a duplicate of line %(line)s") % {"line": seen[row.email]}
            elif row.email in enrolled:
                problem = _("already enrolled in this session")
            elif row.email in invited:
                problem = _("already invited to this session")
        seen.setdefault(row.email, row.line)
        if problem:
            checked.problems.append(RowProblem(row.line, row.email, problem))
        else:
            checked.valid.append(row)
    return checked


# ---------------------------------------------------------------------- coordinators


def invite(
    *,
    session: CourseSession,
    by,
    rows: list[Invitee],
    outcome: str = Invitation.Outcome.CONFIRMED,
    add_valid_rows: bool = False,
    expected_count: int | None = None,
    nominated_by=None,
    justification: str = "",
    now=None,
) -> list[Invitation]:
    """Invite ``rows`` to ``session``: one invitation and one email each.

    ``by`` is a coordinator of the session, or (with ``nominated_by=by``) a focal point
    inviting colleagues to a nomination session; their acceptance is the nomination.
    The list is checked again under the session lock: with a bad row, nothing is added
    unless ``add_valid_rows``; ``expected_count`` (the count the coordinator confirmed)
    must still be the number to send. One transaction; inviting someone twice is refused
    (``already invited``), so calling it again sends nothing twice.
    """
    now = now or timezone.now()
    if outcome not in Invitation.Outcome.values:
        raise InvitationError(_("Choose what accepting gives the invitee."))
    justification = (justification or "").strip()[:1000]
    focal = nominated_by is not None
    if focal and not justification:
        raise InvitationError(_("Say in a few words why you nominate these colleagues."))
    with transaction.atomic():
        if focal:
            session = lock_session(session, related=("course",))
            _check_focal_may_invite(session, nominated_by, now)
        else:
            session = lock_session(
                session,
                by=by,
                related=("course",),
                refusal=InvitationError(_("Only a coordinator of this session can invite.")),
            )
        if session.status in OVER:
            raise InvitationError(_("This session is over or cancelled: nobody can join it."))
        checked = check_list(session, rows)
        if not checked.valid and not checked.problems:
            raise InvitationError(_("The list is empty: write one email address per line."))
        if checked.problems and not add_valid_rows:
            raise InvitationError(
                _("%(n)s rows have problems: nothing was sent. Fix them or add the valid rows.")
                % {"n": len(checked.problems)}
            )
        if not checked.valid:
            raise InvitationError(_("No row of the list can be invited: nothing was sent."))
        if expected_count is not None and expected_count != len(checked.valid):
            raise InvitationError(
                _(
                    "The list changed since you confirmed (%(then)s then, %(now)s now): "
                    "check and confirm again."
                )
                % {"then": expected_count, "now": len(checked.valid)}
            )
        languages = _languages_for(session, [row.email for row in checked.valid])
        invitations = []
        for row in checked.valid:
            nonce, token_hash = new_link()
            invitations.append(
                Invitation(
                    session=session,
                    email=row.email,
                    name=row.name,
                    organization_name=row.organization,
                    outcome=Invitation.Outcome.REQUESTED if focal else outcome,
                    language=languages[row.email],
                    nonce=nonce,
                    token_hash=token_hash,
                    invited_by=by,
                    nominated_by=nominated_by,
                    justification=justification,
                    created_at=now,
                    expires_at=now + VALID_FOR,
                )
            )
        ids = _insert(invitations, now)
        log(
            session,
            INVITE_ACTION,
            user=by,
            data={
                "count": len(invitations),
                "emails": [i.email for i in invitations],
                "outcome": invitations[0].outcome,
                "outcome_label": str(Invitation.Outcome(invitations[0].outcome).label),
                "skipped": len(checked.problems),
                "nominated_by": person_name(nominated_by) if focal else "",
            },
        )
        transaction.on_commit(lambda: queue(ids))
    return invitations


#: What ``_insert`` writes of an invitation (every column without a database default).
_COLUMNS = (
    "email",
    "name",
    "organization_name",
    "outcome",
    "language",
    "nonce",
    "token_hash",
    "justification",
    "expires_at",
)


def _insert(invitations: list[Invitation], now) -> list[int]:
    """Write ``invitations`` (of one session, by one person) and a notice each; give the
    invitations their ids and return the notices'. Two statements: a fast path
    (``invite_bulk`` in ``make bench``), since ``bulk_create`` adapts each of the 7,000
    values of 500 invitations in Python, which cost more than the database's work."""
    first = invitations[0]
    written = insert_rows(
        Invitation,
        _COLUMNS,
        [[getattr(i, name) for name in _COLUMNS] for i in invitations],
        same={
            "session_id": first.session_id,
            "invited_by_id": first.invited_by_id,
            "nominated_by_id": first.nominated_by_id,
            "created_at": now,
        },
        returning=("id", "nonce"),
    )
    ids = {nonce: pk for pk, nonce in written}
    for invitation in invitations:
        invitation.pk = ids[invitation.nonce]
        invitation._state.adding = False
    notices = insert_rows(
        Notice,
        ("invitation_id", "key"),
        [(invitation.pk, invitation.nonce) for invitation in invitations],
        same={"kind": Notice.Kind.INVITATION, "created_at": now, "attempts": 0, "last_error": ""},
        returning=("id",),
    )
    return sorted(pk for (pk,) in notices)


def _check_focal_may_invite(session: CourseSession, focal_point, now) -> None:
    if session.policy != CourseSession.Policy.NOMINATION:
        raise InvitationError(_("Focal points invite colleagues to nomination sessions only."))
    if not focal_point.focal_point_for.exists():
        raise InvitationError(_("Only a focal point can nominate colleagues."))
    if not session.enrollment_is_open(now):
        raise InvitationError(_("Enrollment in this session is not open."))


def _language_for(session: CourseSession) -> str:
    """The email speaks the session's language when the interface does, else ours."""
    languages = {code for code, _name in settings.LANGUAGES}
    return session.language if session.language in languages else settings.LANGUAGE_CODE


def _languages_for(session: CourseSession, emails: list[str]) -> dict[str, str]:
    """Each address's language: the preferred language of the account that has it, else
    the session's (``_language_for``). One query, whatever the number of addresses."""
    default = _language_for(session)
    preferred = dict(
        Participant.objects.annotate(address=Lower("user__email"))
        .filter(address__in=emails)
        .values_list("address", "preferred_language")
    )
    return {email: first_language(preferred.get(email), default) for email in emails}


def revoke(*, invitation: Invitation, by, now=None) -> Invitation:
    """The link stops working now. Refused once accepted; revoking twice is a no-op."""
    now = now or timezone.now()
    with transaction.atomic():
        lock_session(
            invitation.session,
            by=by,
            refusal=InvitationError(_("Only a coordinator of this session can revoke.")),
        )
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.accepted_at:
            raise InvitationError(
                _("This invitation was accepted: decide the enrollment in the review queue.")
            )
        if invitation.revoked_at:
            return invitation
        invitation.revoked_at = now
        invitation.save(update_fields=["revoked_at"])
        log(invitation.session, INVITATION_REVOKE_ACTION, user=by, data={"email": invitation.email})
    return invitation


def resend(*, invitation: Invitation, by, now=None) -> Invitation:
    """A new link (the old one dies), valid for ``VALID_FOR`` again, in a new email. It
    also reopens a revoked, declined or expired invitation; an accepted one is refused."""
    now = now or timezone.now()
    with transaction.atomic():
        session = lock_session(
            invitation.session,
            by=by,
            refusal=InvitationError(_("Only a coordinator of this session can resend.")),
        )
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.accepted_at:
            raise InvitationError(_("This invitation was accepted already."))
        if session.status in OVER:
            raise InvitationError(_("This session is over or cancelled: nobody can join it."))
        invitation.nonce, invitation.token_hash = new_link()
        invitation.expires_at = now + VALID_FOR
        invitation.revoked_at = invitation.declined_at = invitation.opened_at = None
        invitation.sent_at = None
        invitation.save()
        notice = Notice.objects.create(
            invitation=invitation, kind=Notice.Kind.INVITATION, key=invitation.nonce
        )
        log(session, INVITATION_RESEND_ACTION, user=by, data={"email": invitation.email})
        transaction.on_commit(lambda: queue([notice.pk]))
    return invitation


# ---------------------------------------------------------------------- the invitee


def mark_opened(invitation: Invitation, now=None) -> None:
    """The first opening of the link, for the coordinators' list ("opened"). One UPDATE
    that changes nothing after the first time, and nothing about what the link may do."""
    Invitation.objects.filter(pk=invitation.pk, opened_at__isnull=True).update(
        opened_at=now or timezone.now()
    )


def email_matches(user, invitation: Invitation) -> bool:
    """Is ``user`` the invited person: the account's address, or one it has verified."""
    if (user.email or "").lower() == invitation.email:
        return True
    return EmailAddress.objects.filter(
        user=user, email__iexact=invitation.email, verified=True
    ).exists()


def refusal(invitation: Invitation | None, now=None) -> str:
    """Why the link cannot be used any more, or "" while it can."""
    if invitation is None:
        return _(
            "This invitation link is not valid. It may have been replaced by a newer one: "
            "use the link of the latest email, or ask the coordinators for a new invitation."
        )
    if invitation.revoked_at:
        return _("This invitation was withdrawn by the coordinators.")
    if invitation.accepted_at:
        return _("This invitation has been used already.")
    if invitation.declined_at:
        return _("You declined this invitation. Ask the coordinators if you changed your mind.")
    if invitation.expires_at <= (now or timezone.now()):
        return _("This invitation has expired. Ask the coordinators for a new one.")
    if invitation.session.status in OVER:
        return _("This session is over or cancelled.")
    return ""


def accept(*, invitation: Invitation, user, now=None) -> Enrollment:
    """``user`` (signed in, with the invited address) takes up the invitation: enrolled
    as the coordinator chose (confirmed while a seat is free within the quotas, else
    waitlisted; or requested), or nominated by the focal point who invited them.

    One transaction under the session lock; the invitation row is locked and checked
    again there: a second acceptance, by the same person, returns the same enrollment;
    by anyone else, it is refused. An enrollment the person already holds is kept as it
    is; one they withdrew from (or were refused) is taken up again.
    """
    now = now or timezone.now()
    if not email_matches(user, invitation):
        raise ForwardedInvitation(
            _(
                "This invitation was sent to %(email)s, not to the account you are signed in "
                "with. Sign out, then open the link again and sign in (or sign up) with that "
                "address."
            )
            % {"email": masked(invitation.email)}
        )
    profile = profile_of(user)
    if profile is None:
        raise ProfileRequired(_("Complete your profile to take up your invitation."))
    with transaction.atomic():
        session = lock_session(invitation.session, related=("course",))
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        invitation.session = session
        if invitation.accepted_at and invitation.accepted_by_id == user.pk:
            return invitation.enrollment
        reason = refusal(invitation, now)
        if reason:
            raise InvitationError(reason)
        book = SeatBook.read(session, participant=user)
        enrollment = None
        if book.existing_pk is not None:
            enrollment = Enrollment.objects.select_for_update().get(pk=book.existing_pk)
        if enrollment is not None and enrollment.status not in (
            Enrollment.Status.WITHDRAWN,
            Enrollment.Status.REJECTED,
        ):
            kept = True
        else:
            kept = False
            fresh = enrollment is None
            enrollment = enrollment or Enrollment(session=session, participant=user)
            enrollment.organization = profile.organization
            enrollment.requested_at = now
            enrollment.nominated_by = invitation.nominated_by
            enrollment.justification = invitation.justification
            enrollment.waitlisted_at = enrollment.decided_at = enrollment.decided_by = None
            enrollment.reason = ""
            if invitation.outcome == Invitation.Outcome.REQUESTED:
                enrollment.status = Enrollment.Status.REQUESTED
            elif book.has_seat_for(profile.organization):
                enrollment.status = Enrollment.Status.CONFIRMED
                enrollment.decided_at = now
                enrollment.decided_by = invitation.invited_by
            else:
                enrollment.status = Enrollment.Status.WAITLISTED
                enrollment.waitlisted_at = now
            enrollment.save(force_insert=fresh)
            notifications.for_decision(enrollment, fresh=fresh)
            if invitation.nominated_by is not None:
                log_nomination(enrollment, nominated_by=invitation.nominated_by)
        invitation.accepted_at = now
        invitation.accepted_by = user
        invitation.enrollment = enrollment
        invitation.save(update_fields=["accepted_at", "accepted_by", "enrollment"])
        log(
            session,
            INVITATION_ACCEPT_ACTION,
            user=user,
            data={
                "email": invitation.email,
                "participant": person_name(user),
                "enrollment": enrollment.pk,
                "to": enrollment.status,
                "kept": kept,
            },
        )
    return enrollment


def decline(*, invitation: Invitation, user=None, now=None) -> Invitation:
    """The invitee says no (signed in or not: the link is theirs). Refused to another
    signed-in account, and once accepted; declining twice is a no-op."""
    now = now or timezone.now()
    if user is not None and user.is_authenticated and not email_matches(user, invitation):
        raise ForwardedInvitation(
            _("This invitation was sent to %(email)s, not to the account you are signed in with.")
            % {"email": masked(invitation.email)}
        )
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update(of=("self",))
            .select_related("session")
            .get(pk=invitation.pk)
        )
        if invitation.declined_at:
            return invitation
        reason = refusal(invitation, now)
        if reason:
            raise InvitationError(reason)
        invitation.declined_at = now
        invitation.save(update_fields=["declined_at"])
        log(
            invitation.session,
            INVITATION_DECLINE_ACTION,
            user=user if user is not None and user.is_authenticated else None,
            data={"email": invitation.email},
        )
    return invitation


# ---------------------------------------------------------------------- emails


def queue(notice_ids: list[int]) -> None:
    for start in range(0, len(notice_ids), BATCH):
        batch = notice_ids[start : start + BATCH]
        try:
            send_notices.delay(notice_ids=batch)
        except Exception:  # the broker is down: the sweep queues them again
            logger.exception("Could not queue %s invitation emails; the sweep will", len(batch))


# What differs from one invitee to the next, marked in the text rendered once per batch.
_NAME, _LINK, _EXPIRES = "\x00name\x00", "\x00link\x00", "\x00expires\x00"


def write_email(
    invitation: Invitation, texts: dict | None = None, *, key: str = ""
) -> mailer.CompactEmail:
    """The invitation's email in the invitee's language: plain text, and HTML in the
    layout of every email (``courses/email/layout.html``) with the link as a button.
    ``key`` (``notice-<id>``) fixes its Message-ID: a copy sent again after a crash is
    the same message to the invitee's mail system.

    A fast path (``invite_bulk`` in ``make bench`` shows what it buys): a batch renders
    the templates once per session, language and kind of invitation (``texts``, its
    cache), then puts each invitee's name, link and expiry into the copies (escaped in
    the HTML)."""
    session = invitation.session
    language = invitation.language or settings.LANGUAGE_CODE
    kind = (session.pk, language, invitation.nominated_by_id is not None, bool(invitation.name))
    texts = {} if texts is None else texts
    with translation.override(language):
        if kind not in texts:
            context = {
                "invitation": invitation,
                "session": session,
                "course": session.course.title,
                "name": _NAME if invitation.name else "",
                "link": _LINK,
                "dates": " \N{EN DASH} ".join(
                    formats.date_format(day, "j F Y")
                    for day in (session.starts_on, session.ends_on)
                ),
                "expires": _EXPIRES,
                "course_url": settings.SITE_URL + (session.course.url or "/"),
                "language": language,
            }
            subject = _("Invitation: %(course)s") % {"course": session.course.title}
            texts[kind] = (
                subject,
                render_to_string("courses/invitations/email.txt", context),
                render_to_string("courses/invitations/email.html", context),
            )
        # The invitations of one list expire at the same moment: formatted once.
        when = (language, invitation.expires_at)
        if when not in texts:
            texts[when] = formats.date_format(
                timezone.localtime(invitation.expires_at), "j F Y, H:i"
            )
        expires = texts[when]
    subject, text, html = texts[kind]
    name, link = invitation.name.replace("\x00", ""), link_of(invitation)
    body = text.replace(_NAME, name).replace(_LINK, link).replace(_EXPIRES, expires)
    html = (
        html.replace(_NAME, escape(name))
        .replace(_LINK, escape(link))
        .replace(_EXPIRES, escape(expires))
    )
    message = mailer.CompactEmail(subject=subject, body=body, to=[invitation.email], key=key)
    message.attach_alternative(html, "text/html")
    return message


def deliver_batch(notice_ids: list[int], now=None) -> int:
    """Send the invitation emails of ``notice_ids`` not sent yet (other kinds among them
    are left alone); how many went. ``notifications.deliver_batch`` calls it.

    As the cohort messages' batch (``messaging.services.deliver_batch``): the unsent rows
    locked with ``SKIP LOCKED`` in one query, sent on the process's one SMTP connection,
    marked sent in one UPDATE each for the notices and their invitations. A notice whose
    link was replaced since (a resend) is closed unsent: only the latest link is mailed.
    A temporary failure is queued again alone with a delay; a permanent one is recorded.
    """
    now = now or timezone.now()
    retry = []
    with transaction.atomic():
        notices = list(
            Notice.objects.select_for_update(of=("self",), skip_locked=True)
            .select_related("invitation")
            .filter(pk__in=notice_ids, sent_at__isnull=True, kind=Notice.Kind.INVITATION)
        )
        # A batch is mostly of one session: one instance of it (and of its course page,
        # dear to build), not one per row.
        sessions = CourseSession.objects.select_related("course").in_bulk(
            {notice.invitation.session_id for notice in notices}
        )
        for notice in notices:
            notice.invitation.session = sessions[notice.invitation.session_id]
        sent, superseded, failed = [], [], []
        texts: dict = {}
        for notice in notices:
            invitation = notice.invitation
            if notice.key != invitation.nonce or refusal(invitation, now):
                superseded.append(notice.pk)
                continue
            try:
                mailer.send(write_email(invitation, texts, key=f"notice-{notice.pk}"))
            except Exception as error:
                notice.last_error = f"{type(error).__name__}: {error}"[:1000]
                notice.attempts += 1
                failed.append(notice)
                if mailer.is_temporary(error) and notice.attempts < 8:
                    retry.append(notice.pk)
            else:
                sent.append(notice)
        Notice.objects.filter(pk__in=[n.pk for n in sent]).update(
            sent_at=now, attempts=F("attempts") + 1, last_error=""
        )
        Invitation.objects.filter(pk__in=[n.invitation_id for n in sent]).update(sent_at=now)
        Notice.objects.filter(pk__in=superseded).update(
            sent_at=now, last_error="Not sent: the link was replaced or closed."
        )
        Notice.objects.bulk_update(failed, ["attempts", "last_error"])
        transaction.on_commit(
            lambda: [
                send_notices.apply_async(kwargs={"notice_ids": [pk]}, countdown=60) for pk in retry
            ]
        )
    return len(sent)


# The invitations' emails go in batches, by this module: ``send_notices`` (and the sweep)
# hand every invitation notice here.
notifications.BATCH_SENDERS[Notice.Kind.INVITATION] = deliver_batch


# ---------------------------------------------------------------------- reads


def invitations_of(session: CourseSession):
    """The session's invitations for the coordinators' list, newest first."""
    return (
        Invitation.objects.filter(session=session)
        .select_related("accepted_by", "enrollment")
        .order_by("-created_at", "-pk")
    )


def state_counts(session: CourseSession, now=None) -> dict[str, int]:
    """How many invitations are in each state: one query."""
    now = now or timezone.now()
    rows = Invitation.objects.filter(session=session)
    accepted = Q(accepted_at__isnull=False)
    revoked = Q(accepted_at__isnull=True, revoked_at__isnull=False)
    declined = Q(accepted_at__isnull=True, revoked_at__isnull=True, declined_at__isnull=False)
    live = Q(accepted_at__isnull=True, revoked_at__isnull=True, declined_at__isnull=True)
    return rows.aggregate(
        accepted=Count("pk", filter=accepted),
        revoked=Count("pk", filter=revoked),
        declined=Count("pk", filter=declined),
        expired=Count("pk", filter=live & Q(expires_at__lte=now)),
        pending=Count("pk", filter=live & Q(expires_at__gt=now)),
    )
