"""Enrollment: who gets a seat in a session, and in which order the waitlist moves.

Every function here that changes an enrollment runs in one transaction that first locks
the session row (``SELECT … FOR UPDATE``), so seat counts read under the lock stay true
until the transaction commits; the unique constraint on (session, participant) backs it.
Refusals raise ``EnrollmentError`` with a message for the person, and change nothing.
Each decision records the email it owes (``enrollment.notifications``), sent after commit.
A session's own changes (capacity, edits, cancellation) are in ``sessions.services``.

Seat rules. ``capacity`` caps confirmed enrollments. A ``SeatQuota`` caps the confirmed
enrollments of one organization, or of one kind of organization (UN entities, regional
organizations, …); a participant must fit every quota that applies to them. Staff of an
organization no quota names are bound by the capacity alone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Count, IntegerField, Max, Q, Value
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import get_active_log_context, log

from courses.access import is_coordinator, is_focal_point, lock_session
from courses.audit import (
    DECIDE_ACTION,
    NOMINATE_ACTION,
    QUOTA_ACTION,
    log_each,
)
from courses.enrollment import notifications
from courses.models import (
    HELD,
    CourseSession,
    Enrollment,
    SeatQuota,
)
from participants.models import Organization
from participants.selectors import person_name, profile_of


class EnrollmentError(Exception):
    """A refusal to explain to the person who asked; nothing was changed."""


class ProfileRequired(EnrollmentError):
    """The participant must complete their profile before a first enrollment."""


@dataclass(frozen=True)
class SeatBook:
    """The confirmed seats of a session, read under its lock."""

    session: CourseSession
    confirmed: int
    by_organization: dict[int, int]
    by_kind: dict[str, int]
    quotas: list[SeatQuota]
    existing_pk: int | None = None  # the enrollment of the participant asked about
    waiting: int = 0  # waitlisted enrollments

    @classmethod
    def read(cls, session: CourseSession, *, participant=None) -> SeatBook:
        """Count the session's seats: one grouped query, plus one for its quotas.

        With ``participant``, the same query also finds their enrollment, if any
        (``existing_pk``) and counts the waitlist: all that ``enroll`` reads under the
        lock, in one statement.
        """
        held = Q(status__in=HELD)
        rows = (
            Enrollment.objects.filter(session=session)
            .values("organization_id", "organization__kind")
            .annotate(
                n=Count("pk", filter=held),
                waiting=Count("pk", filter=Q(status=Enrollment.Status.WAITLISTED)),
                mine=Max("pk", filter=Q(participant=participant))
                if participant is not None
                else Value(None, output_field=IntegerField()),
            )
            .order_by()
        )
        by_organization: dict[int, int] = {}
        by_kind: dict[str, int] = {}
        existing_pk = None
        waiting = 0
        for row in rows:
            if row["n"]:
                by_organization[row["organization_id"]] = row["n"]
                kind = row["organization__kind"]
                by_kind[kind] = by_kind.get(kind, 0) + row["n"]
            existing_pk = existing_pk or row["mine"]
            waiting += row["waiting"]
        return cls(
            session=session,
            confirmed=sum(by_organization.values()),
            by_organization=by_organization,
            by_kind=by_kind,
            quotas=list(session.quotas.all()),
            existing_pk=existing_pk,
            waiting=waiting,
        )

    def has_seat_for(self, organization: Organization) -> bool:
        if self.confirmed >= self.session.capacity:
            return False
        for quota in self.quotas:
            if quota.organization_id == organization.pk:
                taken = self.by_organization.get(organization.pk, 0)
            elif quota.organization_kind == organization.kind:
                taken = self.by_kind.get(organization.kind, 0)
            else:
                continue
            if taken >= quota.seats:
                return False
        return True

    def take(self, organization: Organization) -> SeatBook:
        by_organization = dict(self.by_organization)
        by_organization[organization.pk] = by_organization.get(organization.pk, 0) + 1
        by_kind = dict(self.by_kind)
        by_kind[organization.kind] = by_kind.get(organization.kind, 0) + 1
        return replace(
            self,
            confirmed=self.confirmed + 1,
            by_organization=by_organization,
            by_kind=by_kind,
        )


# The locked part of ``enroll`` as one statement (migrations 0017_enroll_function and
# 0022_enroll_with_its_audit): see ``enroll`` for why.
ENROLL_SQL = (
    "SELECT * FROM concord_enroll_logged(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
)


class SessionNotFound(EnrollmentError):
    """No such session (or, from the public page, a draft): the view answers 404."""


class ApplicationAsked(EnrollmentError):
    """The session asks questions, a clearance or acknowledgements: its form, not here."""


def _refusal(outcome: str, organization_acronym: str = "") -> EnrollmentError:
    if outcome == "profile":
        return ProfileRequired(_("Complete your profile before you enroll."))
    if outcome == "not_found":
        return SessionNotFound(_("There is no such session."))
    if outcome == "application":
        return ApplicationAsked(_("This session asks a few questions first."))
    if outcome == "invitation":
        # Invited people come in through their invitation (``invitations.accept``), and
        # coordinators place people directly (``placement.place``): never through here.
        return EnrollmentError(
            _("This session is by invitation only: use the link in your invitation email.")
        )
    if outcome == "nomination":
        return EnrollmentError(
            _("Staff join this session when their organization's focal point nominates them.")
        )
    if outcome == "justification":
        return EnrollmentError(_("Say in a few words why you nominate this person."))
    if outcome == "cancelled":
        return EnrollmentError(_("This session has been cancelled."))
    return EnrollmentError(_("Enrollment in this session is not open."))


def enroll(
    *,
    participant,
    session: CourseSession | None = None,
    code: str | None = None,
    nominated_by=None,
    justification: str = "",
    now=None,
    public: bool = False,
    language: str | None = None,
) -> Enrollment:
    """Enroll ``participant`` (a user with a profile) in ``session`` (or the session of
    ``code``), by its policy.

    Open policy: confirmed while a seat is free within the quotas, else waitlisted.
    Approval: requested, until a coordinator decides. Nomination: only a focal point of
    the participant's organization, or a coordinator of the session, may put someone
    forward, with a justification; the enrollment is requested until a coordinator
    decides. Invitation: refused (invited people come through their invitation).
    ``public`` (the participant's own page): a draft session is not found
    (``SessionNotFound``) and a session that asks an application answers
    ``ApplicationAsked``. The enrollment's ``course_title`` is the course's title in
    ``language`` when it has a live translation in it, else its own.

    One transaction, locking the session row. Calling it again for the same pair returns
    the existing enrollment unchanged, whatever its status (one enrollment per
    participant and session, ever), except after a withdrawal: while enrollment is open,
    a person who withdrew may enroll again. Their row is reused, as if they had just
    asked (the same policy, dates of request and waitlist reset: the back of the line),
    and the coordinators' history says so. A new waitlisted enrollment carries its place
    in the line as ``place_in_line`` (known under the lock), which spares the caller a
    count.

    The hot path (issue 20). When a session opens, everybody enrolls in it at once and
    every enrollment waits for the one before it to release the session's lock; so the
    lock is taken by a single statement, ``concord_enroll`` (a PostgreSQL function kept in
    migration 0017), which reads what the decision needs (session, existing enrollment,
    seat counts, the quotas of this organization and its kind), decides, and inserts the
    enrollment and its notice, and a return's history entry (``concord_enroll_logged``,
    migration 0022). Nothing is compiled by the ORM while the lock is held. Outside a
    transaction (a request), that statement is its own transaction: the lock is held for
    it alone and the notice is published once it has committed. A nomination writes its
    history entry under the lock, in a transaction. The participant's organization comes
    with the signed-in user (``participants.backends``) or is read by the function itself.
    """
    justification = (justification or "").strip()
    organization_id = getattr(participant, "profile_organization_id", None)
    if not hasattr(participant, "profile_organization_id"):
        organization_id = None  # the function reads it with the lock statement
    elif organization_id is None:
        raise _refusal("profile")
    acronym = ""
    if nominated_by is not None:
        # A nomination is a focal point's or coordinator's act, off the hot path.
        profile = profile_of(participant)
        if profile is None:
            raise _refusal("profile")
        organization = profile.organization
        organization_id, acronym = organization.pk, organization.acronym
        if session is None:
            session = CourseSession.objects.get(code=code)
        if not (
            is_focal_point(nominated_by, organization) or is_coordinator(nominated_by, session)
        ):
            raise EnrollmentError(
                _("Only a focal point of %(org)s or a coordinator can nominate its staff.")
                % {"org": acronym}
            )
    context = get_active_log_context()
    params = [
        session.pk if session is not None else None,
        code if session is None else None,
        participant.pk,
        organization_id,
        now,
        nominated_by.pk if nominated_by is not None else None,
        justification,
        public,
        language,
        person_name(participant),
        ContentType.objects.get_for_model(CourseSession).pk,  # cached per process
        context.uuid,
        (nominated_by or participant).pk,  # who the history says acted
    ]
    if nominated_by is None and not connection.in_atomic_block:
        # The hot path: the statement is its own transaction. Everything the decision
        # writes (the enrollment, its notice, a return's history entry) is written by
        # it, so no BEGIN and COMMIT round trips surround it, and the session's lock is
        # released when it ends; the notice is published once it has committed (an
        # ``on_commit`` outside a transaction runs at once).
        enrollment = _enrolled(params, participant, session, nominated_by, justification)
    else:  # a nomination logs it under the lock; a caller's transaction is kept
        with transaction.atomic():
            enrollment = _enrolled(params, participant, session, nominated_by, justification)
    if enrollment.pk is None:  # A retry: the enrollment as it is, read after the lock.
        existing = Enrollment.objects.get(pk=enrollment.existing_pk)
        existing.course_title = enrollment.course_title
        return existing
    return enrollment


def _enrolled(params, participant, session, nominated_by, justification) -> Enrollment:
    """Run ``concord_enroll_logged``; the new enrollment, or for a retry an unsaved one
    with ``existing_pk``. Refusals raise."""
    with connection.cursor() as cursor:
        cursor.execute(ENROLL_SQL, params)
        (
            outcome,
            pk,
            status,
            requested_at,
            waitlisted_at,
            decided_at,
            place_in_line,
            notice_id,
            session_id,
            organization_id,
            _reenrolled,  # its history entry is written by the statement
            course_title,
        ) = cursor.fetchone()
    if outcome not in ("ok", "existing"):
        raise _refusal(outcome)
    if outcome == "existing":
        retry = Enrollment()
        retry.existing_pk = pk
        retry.course_title = course_title
        return retry
    enrollment = Enrollment(
        pk=pk,
        session_id=session_id,
        participant=participant,
        organization_id=organization_id,
        status=status,
        requested_at=requested_at,
        nominated_by=nominated_by,
        justification=justification,
        waitlisted_at=waitlisted_at,
        decided_at=decided_at,
        reason="",
    )
    enrollment._state.adding = False
    enrollment._state.db = connection.alias
    if session is not None:
        enrollment.session = session
    if place_in_line is not None:
        enrollment.place_in_line = place_in_line
    enrollment.course_title = course_title
    if nominated_by is not None:
        log_nomination(enrollment, nominated_by=nominated_by)
    if notice_id is not None:
        transaction.on_commit(partial(notifications.queue, notice_id))
    return enrollment


def log_nomination(enrollment: Enrollment, *, nominated_by) -> None:
    """Every nomination is in the enrollment's history: who put whom forward, and why."""
    log(
        enrollment,
        NOMINATE_ACTION,
        user=nominated_by,
        data={
            "session": enrollment.session.code,
            "participant": person_name(enrollment.participant),
            "nominated_by": person_name(nominated_by),
            "justification": enrollment.justification,
            "to": enrollment.status,
        },
    )


def promote_from_waitlist(*, session: CourseSession, now=None) -> list[Enrollment]:
    """Confirm waitlisted people, first in line first, while the seat rules allow.

    Someone whose organization's quota is full is passed over, not removed: they keep
    their place for when a seat within their quota frees up. Runs under the session lock
    (it takes it if the caller has not); calling it again promotes nobody new. Each
    promotion records its notice, sent after commit.

    One statement, ``concord_promote`` (migration 0018), decides and writes under the
    lock; the promoted enrollments are read afterwards, for the callers that show them.
    """
    now = now or timezone.now()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM concord_promote(%s, %s)", [session.pk, now])
            rows = cursor.fetchall()
        for _pk, notice_id in rows:
            if notice_id is not None:
                transaction.on_commit(partial(notifications.queue, notice_id))
        if not rows:
            return []
        by_pk = Enrollment.objects.select_related("organization").in_bulk([r[0] for r in rows])
        return [by_pk[pk] for pk, _notice in rows]


WITHDRAW_REFUSALS = {
    "closed": lambda: _("This enrollment can no longer be withdrawn."),
    "started": lambda: _("The session has started: ask its coordinator instead."),
}


class NotTheParticipant(EnrollmentError):
    """Someone else's enrollment: only its participant withdraws (their page: 404)."""


WITHDRAW_SQL = "SELECT * FROM concord_withdraw_logged(%s, %s, %s, %s, %s, %s, %s, %s, %s)"


def withdraw(
    *,
    by,
    enrollment: Enrollment | None = None,
    pk: int | None = None,
    reason: str = "",
    now=None,
    language: str | None = None,
) -> Enrollment:
    """The participant gives up their place, request or place in line; the waitlist
    moves up.

    ``reason`` (optional, what the person chose to say) is kept on the enrollment and in
    the session's history, where its coordinators read it. The participant is emailed a
    confirmation (a notice, sent after commit). One transaction under the session lock.
    Refused once the session has started. Withdrawing twice is a no-op (no second
    email, no second entry): the enrollment is returned as it is, with
    ``withdrawn_now`` false. Someone else's enrollment is refused
    (``NotTheParticipant``); an enrollment that does not exist raises
    ``Enrollment.DoesNotExist``.

    The enrollment is given, or only its ``pk`` (the participant's page, which reads
    nothing before the lock). As for ``enroll`` (issue 20), the lock is taken by one
    statement, ``concord_withdraw_logged`` (migration 0021, over ``concord_withdraw`` of
    0018), which checks, withdraws, records the notice, promotes from the waitlist
    (``concord_promote``) and writes the history entry; then COMMIT, then the notices
    are published. The returned enrollment carries ``course_title``, the course's title
    in ``language`` when it has a live translation in it.
    """
    now = now or timezone.now()
    reason = (reason or "").strip()[:1000]
    pk = enrollment.pk if enrollment is not None else pk
    context = get_active_log_context()
    params = [
        pk,
        by.pk,
        reason,
        now,
        timezone.localdate(now),
        language,
        person_name(by),
        ContentType.objects.get_for_model(CourseSession).pk,  # cached per process
        context.uuid,
    ]
    if connection.in_atomic_block:
        with transaction.atomic():
            withdrawn = _withdrawn(params, enrollment, by, now, reason)
    else:  # everything is written by the statement: its own transaction, as ``enroll``'s
        withdrawn = _withdrawn(params, enrollment, by, now, reason)
    if withdrawn is not None:
        return withdrawn
    existing = Enrollment.objects.get(pk=pk)  # withdrawn before: as it is
    existing.withdrawn_now = False
    return existing


def _withdrawn(params, enrollment, by, now, reason) -> Enrollment | None:
    """Run ``concord_withdraw_logged``: the withdrawn enrollment, or None when it was
    withdrawn before. Refusals raise."""
    with connection.cursor() as cursor:
        cursor.execute(WITHDRAW_SQL, params)
        outcome, _before, session_id, notice_id, _promoted, notices, title = cursor.fetchone()
    if outcome == "not_found":
        raise Enrollment.DoesNotExist
    if outcome == "not_participant":
        raise NotTheParticipant(_("Only the participant can withdraw from a session."))
    if outcome in WITHDRAW_REFUSALS:
        raise EnrollmentError(WITHDRAW_REFUSALS[outcome]())
    if outcome != "ok":
        return None
    if enrollment is None:
        enrollment = Enrollment(pk=params[0], session_id=session_id, participant=by)
        enrollment._state.adding = False
        enrollment._state.db = connection.alias
    enrollment.status = Enrollment.Status.WITHDRAWN
    enrollment.decided_at = now
    enrollment.decided_by = by
    enrollment.reason = reason
    enrollment.course_title = title
    enrollment.withdrawn_now = True
    for notice in [notice_id, *notices]:
        if notice is not None:
            transaction.on_commit(partial(notifications.queue, notice))
    return enrollment


DECIDE_REFUSALS = {
    "closed": lambda acronym: _("This enrollment is closed and cannot be decided."),
    "reason": lambda acronym: _("Give the participant a reason for the rejection."),
    "clearance": lambda acronym: _(
        "The supervisor has not cleared this application: wait for the "
        "clearance, or decide without it and give the reason."
    ),
    "no_seat": lambda acronym: (
        _("No seat is free for %(org)s: raise the capacity or the quota first.") % {"org": acronym}
    ),
}


def decide(*, enrollment: Enrollment, decision: str, by, reason: str = "", now=None) -> Enrollment:
    """A coordinator confirms, rejects (with a reason the participant sees) or waitlists.

    Confirming is refused when no seat is free within the quotas, and while a
    supervisor's clearance is asked and neither given nor waived (``clearance.waive``).
    A rejection frees a seat and moves the waitlist. Deciding the same thing twice is a no-op.

    The session row is locked by the statement that also checks that ``by`` runs the
    session (``lock_session``); then one statement, ``concord_decide`` (migration 0019),
    checks, decides, records the notice and moves the waitlist; the history entry
    follows, then COMMIT (issue 20). What the history entry shows of the enrollment is
    read before the lock.
    """
    now = now or timezone.now()
    reason = (reason or "").strip()
    statuses = Enrollment.Status
    if decision not in (statuses.CONFIRMED, statuses.REJECTED, statuses.WAITLISTED):
        raise EnrollmentError(_("Unknown decision."))
    related = ("participant", "session", "organization")
    if not all(Enrollment._meta.get_field(name).is_cached(enrollment) for name in related):
        # Read here unless the caller just did, with what the entry shows (the review
        # screen's form reads the people chosen so).
        enrollment = Enrollment.objects.select_related(*related).get(pk=enrollment.pk)
    session = enrollment.session
    with transaction.atomic():
        lock_session(
            session,
            by=by,
            refusal=EnrollmentError(_("Only a coordinator of this session can decide.")),
        )
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT * FROM concord_decide(%s, %s, %s, %s, %s, %s)",
                [enrollment.pk, session.pk, decision, by.pk, reason, now],
            )
            outcome, before, notice_id, _promoted, notices = cursor.fetchone()
        if outcome in DECIDE_REFUSALS:
            raise EnrollmentError(DECIDE_REFUSALS[outcome](enrollment.organization.acronym))
        if outcome == "ok":
            enrollment.status = decision
            enrollment.decided_at = now
            enrollment.decided_by = by
            enrollment.reason = reason
            if decision == statuses.WAITLISTED:
                enrollment.waitlisted_at = now
            # One INSERT: ``log()`` would also run its validation queries under the lock.
            log_each(
                [
                    (
                        enrollment,
                        {"session": session.code, "from": before, "to": decision, "reason": reason},
                    )
                ],
                DECIDE_ACTION,
                by=by,
            )
            for pk in [notice_id, *notices]:
                if pk is not None:
                    transaction.on_commit(partial(notifications.queue, pk))
            return enrollment
    enrollment.status = before  # decided so before: as it is
    return enrollment


def set_quota(
    *, session: CourseSession, seats: int | None, by, organization=None, organization_kind=""
) -> list[Enrollment]:
    """Set (or, with ``seats=None``, remove) a quota; the waitlist moves if it can."""
    if (organization is None) == (not organization_kind):
        raise EnrollmentError(_("A quota is for one organization or for one kind of them."))
    with transaction.atomic():
        session = lock_session(
            session,
            by=by,
            refusal=EnrollmentError(_("Only a coordinator of this session can change it.")),
        )
        lookup = (
            {"organization": organization}
            if organization
            else {"organization_kind": organization_kind}
        )
        if seats is None:
            SeatQuota.objects.filter(session=session, **lookup).delete()
        else:
            if seats < 0:
                raise EnrollmentError(_("A quota cannot be negative."))
            SeatQuota.objects.update_or_create(session=session, **lookup, defaults={"seats": seats})
        promoted = promote_from_waitlist(session=session)
        log(
            session,
            QUOTA_ACTION,
            user=by,
            data={
                "organization": organization.acronym if organization else "",
                "organization_kind": organization_kind,
                "seats": seats,
                "promoted": [e.pk for e in promoted],
            },
        )
        return promoted
