"""Calendar files (iCalendar, RFC 5545) of sessions: one timed event per sitting.

A shared leaf, so that every place that hands out a calendar builds the same events:
the session's .ics, a participant's private feed (``learning``), and the files attached
to confirmation and change emails (``enrollment.notifications``). It decides nothing
about who may see what: callers pass ``private`` as ``access.joining_details_visible``
says, and only then do events carry the joining link, passcode and access notes.

What a calendar client needs to update an event in place rather than add a copy: a UID
that never changes (the sitting's id under the site's domain), a SEQUENCE that grows at
every change (``CourseSession.calendar_sequence``, raised by the services that change
dates, venue, link or agenda), and the cancelled ones sent again as STATUS:CANCELLED.
Times carry their TZID with the VTIMEZONE that defines it.
"""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from icalendar import Calendar, Event

from courses.models import CourseSession, Meeting

PRODID = "-//Concord//Training sessions//EN"


def site_domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "concord.invalid"


def meeting_uid(meeting: Meeting) -> str:
    return f"sitting-{meeting.pk}@{site_domain()}"


def session_uid(session: CourseSession) -> str:
    return f"session-{session.pk}@{site_domain()}"


def _course_url(session: CourseSession) -> str:
    return settings.SITE_URL.rstrip("/") + (session.course.url or "/")


def _venue(session: CourseSession, room: str) -> str:
    return ", ".join(
        part
        for part in (session.venue_name, room, session.venue_address.replace("\n", ", "))
        if part
    )


def _location(session: CourseSession, meeting: Meeting | None, *, private: bool) -> str:
    """Where: the venue for everyone (its room and address only for those who may see
    joining details), the joining link only for them; otherwise the place."""
    room = meeting.room if meeting is not None else session.venue_room
    if private:
        venue = _venue(session, room)
        link = meeting.joining_url if meeting is not None else session.online_url
        if venue and not session.is_online:
            return venue
        return link or venue or str(session.place)
    if session.venue_name and not session.is_online:
        return ", ".join(part for part in (session.venue_name, str(session.place)) if part)
    return str(session.place)


def _description(session: CourseSession, meeting: Meeting | None, *, private: bool) -> str:
    lines = []
    if meeting is not None:
        if meeting.leader:
            lines.append(f"{meeting.leader}")
        if meeting.description:
            lines.append(meeting.description)
    if private:
        link = meeting.joining_url if meeting is not None else session.online_url
        meeting_id = meeting.meeting_id if meeting is not None else session.online_meeting_id
        passcode = meeting.passcode if meeting is not None else session.online_passcode
        for label, value in (
            (session.online_platform, link),
            ("ID", meeting_id),
            ("Passcode", passcode),
            ("Dial-in", session.online_dial_in),
            ("", session.online_notes),
            ("", session.venue_access_notes),
        ):
            if value:
                lines.append(f"{label}: {value}" if label else value)
    lines.append(_course_url(session))
    return "\n\n".join(lines)


def _status(session: CourseSession, meeting: Meeting | None) -> str:
    cancelled = session.status == CourseSession.Status.CANCELLED or (
        meeting is not None and meeting.is_cancelled
    )
    return "CANCELLED" if cancelled else "CONFIRMED"


def session_events(
    session: CourseSession, meetings: Iterable[Meeting], *, private: bool, now=None
) -> list[Event]:
    """The events of one session: one per sitting, timed in the session's zone; a
    session without sittings yet is one all-day event over its dates."""
    now = now or timezone.now()
    zone = zoneinfo.ZoneInfo(session.timezone)
    title = f"{session.course.title} ({session.code})"
    events = []
    for meeting in meetings:
        meeting.session = session  # the overrides fall back on it
        event = Event()
        event.add("uid", meeting_uid(meeting))
        event.add("dtstamp", now)
        event.add("sequence", session.calendar_sequence)
        event.add("summary", f"{title}: {meeting.label}")
        event.add("dtstart", meeting.starts_at.astimezone(zone))
        event.add("dtend", meeting.ends_at.astimezone(zone))
        event.add("location", _location(session, meeting, private=private))
        event.add("description", _description(session, meeting, private=private))
        event.add("url", _course_url(session))
        event.add("status", _status(session, meeting))
        events.append(event)
    if not events:
        event = Event()
        event.add("uid", session_uid(session))
        event.add("dtstamp", now)
        event.add("sequence", session.calendar_sequence)
        event.add("summary", title)
        event.add("dtstart", session.starts_on)
        event.add("dtend", session.ends_on + datetime.timedelta(days=1))  # end exclusive
        event.add("location", _location(session, None, private=private))
        event.add("description", _description(session, None, private=private))
        event.add("url", _course_url(session))
        event.add("status", _status(session, None))
        events.append(event)
    return events


def calendar_bytes(sessions: Iterable[CourseSession], *, private_ids=frozenset(), now=None):
    """One VCALENDAR of ``sessions`` (each with its ``meetings`` prefetched or not), with
    the VTIMEZONE of every zone its events use. Sittings not prefetched are fetched
    here, numbered for their labels, in one query."""
    sessions = list(sessions)
    prefetch_related_objects(sessions, Prefetch("meetings", queryset=Meeting.objects.numbered()))
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    for session in sessions:
        for event in session_events(
            session, session.meetings.all(), private=session.pk in private_ids, now=now
        ):
            calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
