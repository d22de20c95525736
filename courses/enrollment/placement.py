"""A coordinator puts an existing person straight into a session ("placement").

Whatever the session's policy (an invitation-only session included): the coordinator
chooses a confirmed place or a request to decide later. Under the session lock, like
every seat decision (``enrollment.services``); audit-logged on the enrollment.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from courses.access import lock_session
from courses.audit import PLACE_ACTION
from courses.enrollment import notifications
from courses.enrollment.services import EnrollmentError, SeatBook
from courses.models import CourseSession, Enrollment
from participants.selectors import person_name, profile_of

PLACEABLE = (Enrollment.Status.CONFIRMED, Enrollment.Status.REQUESTED)
SEARCH_LIMIT = 20


def place(*, session: CourseSession, participant, status: str, by, now=None) -> Enrollment:
    """Enroll ``participant`` (with a profile) in ``session`` as ``status`` (confirmed
    or requested), decided by ``by``, a coordinator of the session.

    Confirmed needs a seat within the capacity and quotas (else refused: the coordinator
    raises them first). Someone already in the session is refused with their status;
    someone who withdrew or was refused is placed again on their row. The participant is
    emailed (a notice after commit). One transaction under the session lock.
    """
    now = now or timezone.now()
    if status not in PLACEABLE:
        raise EnrollmentError(_("Choose a confirmed place or a request."))
    profile = profile_of(participant)
    if profile is None:
        raise EnrollmentError(
            _("%(name)s has not completed their profile yet: invite them instead.")
            % {"name": person_name(participant)}
        )
    with transaction.atomic():
        session = lock_session(
            session,
            by=by,
            refusal=EnrollmentError(_("Only a coordinator of this session can place people.")),
        )
        if session.status in (CourseSession.Status.CANCELLED, CourseSession.Status.COMPLETED):
            raise EnrollmentError(_("This session is over or cancelled: nobody can join it."))
        book = SeatBook.read(session, participant=participant)
        enrollment = None
        if book.existing_pk is not None:
            enrollment = Enrollment.objects.select_for_update().get(pk=book.existing_pk)
            if enrollment.status not in (Enrollment.Status.WITHDRAWN, Enrollment.Status.REJECTED):
                raise EnrollmentError(
                    _("%(name)s is already in this session (%(status)s).")
                    % {"name": person_name(participant), "status": enrollment.get_status_display()}
                )
        if status == Enrollment.Status.CONFIRMED and not book.has_seat_for(profile.organization):
            raise EnrollmentError(
                _("No seat is free for %(org)s: raise the capacity or the quota first.")
                % {"org": profile.organization.acronym}
            )
        fresh = enrollment is None
        enrollment = enrollment or Enrollment(session=session, participant=participant)
        before = "" if fresh else enrollment.status
        enrollment.organization = profile.organization
        enrollment.status = status
        enrollment.requested_at = now
        enrollment.nominated_by = None
        enrollment.justification = ""
        enrollment.waitlisted_at = None
        enrollment.decided_at = now if status == Enrollment.Status.CONFIRMED else None
        enrollment.decided_by = by if status == Enrollment.Status.CONFIRMED else None
        enrollment.reason = ""
        enrollment.save(force_insert=fresh)
        log(
            enrollment,
            PLACE_ACTION,
            user=by,
            data={
                "session": session.code,
                "participant": person_name(participant),
                "from": before,
                "to": status,
            },
        )
        notifications.for_decision(enrollment, fresh=fresh)
    return enrollment


def find_people(query: str, *, session: CourseSession, limit: int = SEARCH_LIMIT):
    """People with a profile whose name or email matches ``query``, with their enrollment
    in ``session`` if any (``enrollment_status``): two queries."""
    query = (query or "").strip()
    if len(query) < 2:
        return []
    words = query.split()[:4]
    match = Q()
    for word in words:
        match &= (
            Q(first_name__unaccent__icontains=word)
            | Q(last_name__unaccent__icontains=word)
            | Q(email__icontains=word)
        )
    enrollments = Enrollment.objects.filter(session=session)
    people = (
        get_user_model()
        .objects.filter(match, participant__isnull=False, is_active=True)
        .select_related("participant__organization")
        .order_by("last_name", "first_name", "pk")[:limit]
    )
    people = list(people)
    statuses = dict(
        enrollments.filter(participant__in=people).values_list("participant_id", "status")
    )
    for person in people:
        person.enrollment_status = statuses.get(person.pk, "")
        person.enrollment_status_label = (
            Enrollment.Status(person.enrollment_status).label if person.enrollment_status else ""
        )
    return people
