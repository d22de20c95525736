"""Business actions on a session itself: its sittings, capacity, edits and cancellation.

A session's edit goes through ``apply_session_edit``: a new capacity through
``change_capacity`` (a rise promotes the waitlist, a fall below the confirmed count is
refused), a change of dates or place is announced to the people enrolled, a
cancellation tells them. Each runs in one transaction under the session's row lock.
"""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Iterable

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from courses.access import lock_session
from courses.audit import CAPACITY_ACTION
from courses.enrollment import notifications
from courses.enrollment.services import EnrollmentError, SeatBook, promote_from_waitlist
from courses.models import OPEN_STATUSES, CourseSession, Enrollment, Meeting

# Edits of these fields change what enrolled people were told: they get an email.

NOTIFIED_CHANGES = {"starts_on", "ends_on", "timezone", "is_online", "city", "country", "language"}
# Edits of these change what confirmed people need to get there: the coordinator is
# offered to tell them (``announce_session_change``), one email each with the new .ics.
JOINING_CHANGES = {
    "venue_name",
    "venue_address",
    "venue_room",
    "venue_map_url",
    "venue_access_notes",
    "online_platform",
    "online_url",
    "online_meeting_id",
    "online_passcode",
    "online_dial_in",
    "online_notes",
}
# Edits of these change the session's calendar events: their SEQUENCE goes up.
CALENDAR_CHANGES = NOTIFIED_CHANGES | JOINING_CHANGES | {"status"}


def bump_calendar(session: CourseSession) -> None:
    """Raise the session's calendar SEQUENCE (in the database, so two edits at once each
    count), so calendar clients replace the events they imported. Inside the caller's
    transaction; calling it twice raises it twice, which clients accept."""
    CourseSession.objects.filter(pk=session.pk).update(calendar_sequence=F("calendar_sequence") + 1)
    session.refresh_from_db(fields=["calendar_sequence"])


def save_sitting(*, meeting: Meeting, by, changed: Iterable[str] = ()) -> Meeting:
    """A sitting created or edited in the admin (agenda, times, room, link, cancelled):
    the session's calendar SEQUENCE goes up when anything a calendar shows changed.
    The caller saved the row in its transaction."""
    with transaction.atomic():
        session = lock_session(
            meeting.session,
            by=by,
            refusal=EnrollmentError(_("Only a coordinator of this session can change it.")),
        )
        if changed:
            bump_calendar(session)
    return meeting


def change_capacity(
    *, session: CourseSession, capacity: int, by, previous: int | None = None, now=None
) -> list[Enrollment]:
    """Set the number of seats; a rise promotes from the waitlist. Returns who was promoted.

    Lowering the capacity below the confirmed count is refused: nobody loses a seat
    they were given. ``previous`` is the capacity before an edit that already saved the
    new one (``apply_session_edit``); it goes into the audit log.
    """
    with transaction.atomic():
        session = lock_session(
            session,
            by=by,
            refusal=EnrollmentError(_("Only a coordinator of this session can change it.")),
        )
        if capacity < 1:
            raise EnrollmentError(_("A session needs at least one seat."))
        confirmed = SeatBook.read(session).confirmed
        if capacity < confirmed:
            raise EnrollmentError(
                _("%(n)s people are already confirmed: the capacity cannot go below that.")
                % {"n": confirmed}
            )
        previous = session.capacity if previous is None else previous
        session.capacity = capacity
        session.save(update_fields=["capacity"])
        promoted = promote_from_waitlist(session=session, now=now)
        log(
            session,
            CAPACITY_ACTION,
            user=by,
            data={"from": previous, "to": capacity, "promoted": [e.pk for e in promoted]},
        )
        return promoted


def cancel_session(*, session: CourseSession, by, reason: str = "", now=None) -> int:
    """Cancel a session: its open enrollments are cancelled and everyone is told.

    Returns how many enrollments were cancelled; cancelling twice changes nothing. Also
    right for a session whose status an edit has just set to cancelled.
    """
    now = now or timezone.now()
    with transaction.atomic():
        session = lock_session(
            session,
            by=by,
            refusal=EnrollmentError(_("Only a coordinator of this session can change it.")),
        )
        if session.status == CourseSession.Status.COMPLETED:
            raise EnrollmentError(_("A completed session cannot be cancelled."))
        if session.status != CourseSession.Status.CANCELLED:
            session.status = CourseSession.Status.CANCELLED
            session.save(update_fields=["status"])
        affected = list(Enrollment.objects.filter(session=session, status__in=OPEN_STATUSES))
        for enrollment in affected:
            enrollment.status = Enrollment.Status.CANCELLED
            enrollment.decided_at = now
            enrollment.decided_by = by
            enrollment.reason = (reason or "").strip()
            enrollment.save(update_fields=["status", "decided_at", "decided_by", "reason"])
            notifications.owe(enrollment, notifications.Notice.Kind.SESSION_CANCELLED)
        return len(affected)


def confirmed_count(session: CourseSession) -> int:
    return Enrollment.objects.filter(session=session, status=Enrollment.Status.CONFIRMED).count()


def announce_session_change(
    *, session: CourseSession, now=None, by=None, confirmed_only: bool = False
) -> int:
    """Tell confirmed and waitlisted people that dates, place or language changed (with
    ``confirmed_only``: the confirmed, that the venue, joining details or agenda did, as a
    coordinator ``by`` chose to). One email each with the session's calendar attached;
    returns how many were owed. Keyed by the moment, so a second announcement is sent."""
    now = now or timezone.now()
    if by is not None:
        session = lock_session(
            session,
            by=by,
            refusal=EnrollmentError(_("Only a coordinator of this session can change it.")),
        )
    statuses = [Enrollment.Status.CONFIRMED]
    if not confirmed_only:
        statuses.append(Enrollment.Status.WAITLISTED)
    people = Enrollment.objects.filter(session=session, status__in=statuses)
    with transaction.atomic():
        return sum(
            notifications.owe(e, notifications.Notice.Kind.SESSION_CHANGED, now.isoformat())
            is not None
            for e in people
        )


def generate_meetings(
    *,
    session: CourseSession,
    starts=datetime.time(9, 0),
    ends=datetime.time(17, 0),
) -> list[Meeting]:
    """One sitting per day of the session, 09:00 to 17:00 in its time zone, for the days
    that have none yet; sittings left outside new dates are removed. Editable afterwards.
    They have no title: screens call them by ``Meeting.label`` ("Day 2" in the reader's
    language), never by words frozen in the creator's language.

    Calling it again adds nothing. Returns the sittings it created.
    """
    zone = zoneinfo.ZoneInfo(session.timezone)
    with transaction.atomic():
        session = lock_session(session)
        existing = list(Meeting.objects.filter(session=session))
        days = {
            session.starts_on + datetime.timedelta(days=n)
            for n in range((session.ends_on - session.starts_on).days + 1)
        }
        stale = [m.pk for m in existing if m.starts_at.astimezone(zone).date() not in days]
        Meeting.objects.filter(pk__in=stale).delete()
        covered = {m.starts_at.astimezone(zone).date() for m in existing if m.pk not in stale}
        created = Meeting.objects.bulk_create(
            Meeting(
                session=session,
                starts_at=datetime.datetime.combine(day, starts, tzinfo=zone),
                ends_at=datetime.datetime.combine(day, ends, tzinfo=zone),
            )
            for day in sorted(days - covered)
        )
        if created or stale:
            bump_calendar(session)
        return created


def apply_session_edit(*, session: CourseSession, before: dict, by) -> list[Enrollment]:
    """What an edit of a session's fields sets off, once the edit is saved in the caller's
    transaction: ``before`` maps each changed field to its previous value.

    A new capacity goes through ``change_capacity`` (a rise promotes, a cut below the
    confirmed count raises, so the caller's transaction, edit included, rolls back); a
    cancellation cancels the enrollments; new dates regenerate the sittings; a change
    people were told about is announced to them. Returns who was promoted.
    """
    promoted = []
    with transaction.atomic():
        if "capacity" in before:
            promoted = change_capacity(
                session=session, capacity=session.capacity, by=by, previous=before["capacity"]
            )
        cancelled = session.status == CourseSession.Status.CANCELLED
        if "status" in before and cancelled:
            cancel_session(session=session, by=by)
        if before.keys() & CALENDAR_CHANGES:
            bump_calendar(session)
        if before.keys() & {"starts_on", "ends_on", "timezone"}:
            generate_meetings(session=session)
        if before.keys() & NOTIFIED_CHANGES and not cancelled:
            announce_session_change(session=session)
    return promoted


# Copied into a new edition; the joining link, meeting ID and passcode are not (a new
# edition gets its own meeting), nor people, attendance or certificates.
COPIED_FIELDS = (
    "course_id",
    "timezone",
    "is_online",
    "city",
    "country",
    "language",
    "certificate_second_language",
    "capacity",
    "policy",
    "min_attendance_percent",
    "excused_absences",
    "min_modules_opened",
    "late_after_minutes",
    "venue_name",
    "venue_address",
    "venue_room",
    "venue_map_url",
    "venue_access_notes",
    "online_platform",
    "online_dial_in",
    "online_notes",
)


def copy_session(*, session: CourseSession, by, code: str, days: int) -> CourseSession:
    """A new edition of ``session``, ``days`` later, as a draft: its capacity, quotas,
    policy, completion rule, signatories, issuers, coordinators (and ``by``), trainers,
    venue, enrollment window and sittings (the agenda, at the same local times) copied;
    people, attendance, messages and certificates not. One transaction; a code already
    taken is refused, so calling it twice makes one copy."""
    shift = datetime.timedelta(days=days)
    zone = zoneinfo.ZoneInfo(session.timezone)
    with transaction.atomic():
        source = lock_session(
            session,
            by=by,
            refusal=EnrollmentError(_("Only a coordinator of this session can copy it.")),
        )
        if CourseSession.objects.filter(code=code).exists():
            raise EnrollmentError(
                _("A session with the code “%(code)s” exists already.") % {"code": code}
            )
        copy = CourseSession(
            **{name: getattr(source, name) for name in COPIED_FIELDS},
            code=code,
            starts_on=source.starts_on + shift,
            ends_on=source.ends_on + shift,
            enrollment_opens_at=source.enrollment_opens_at + shift,
            enrollment_closes_at=source.enrollment_closes_at + shift,
            status=CourseSession.Status.DRAFT,
        )
        copy.save()
        copy.coordinators.set([*source.coordinators.all(), *([] if by.is_superuser else [by])])
        copy.trainers.set(source.trainers.all())
        copy.issuing_organizations.set(source.issuing_organizations.all())
        for quota in source.quotas.all():
            quota.pk, quota.session = None, copy
            quota.save()
        for signatory in source.signatories.all():
            signatory.pk, signatory.session = None, copy
            signatory.save()

        def moved(moment):
            # The same local time on the shifted day, across a change of daylight saving.
            local = moment.astimezone(zone)
            return datetime.datetime.combine(local.date() + shift, local.time(), tzinfo=zone)

        Meeting.objects.bulk_create(
            Meeting(
                session=copy,
                title=m.title,
                starts_at=moved(m.starts_at),
                ends_at=moved(m.ends_at),
                facilitator_id=m.facilitator_id,
                resource_person=m.resource_person,
                description=m.description,
                venue_room=m.venue_room,
            )
            for m in source.meetings.held()
        )
        log(copy, "wagtail.create", user=by, data={"copied_from": source.code})
        return copy
