"""Dates and times of courses, the same on every admin and site screen of ``courses``
(the template filters of ``courses.templatetags.course_dates``, and messages):
a date in the active language's own format (Django's localized ``DATE_FORMAT``: "March 5,
2027", "5 mars 2027"), a time on the 24-hour clock in the session's time zone, always
with the zone's name ("9:00 (Africa/Addis_Ababa)"), since coordinators and participants
are rarely where the session is.

In templates, ``{% load course_dates %}``, then::

    {{ session|session_dates }}                 5 to 9 March 2027 (or one date)
    {{ value|course_date }}                     March 5, 2027
    {{ value|course_date:session }}             the date of a moment, where the session is
    {{ value|course_datetime:session }}         March 5, 2027, 9:00 (Africa/Addis_Ababa)
    {{ value|course_time:session }}             9:00 (Africa/Addis_Ababa)
    {{ meeting|sitting_when:session }}          Friday, March 5, 2027, 9:00 to 12:00 (zone)

Without a session, a moment is shown in the current time zone, also named.
"""

from __future__ import annotations

import datetime
import zoneinfo

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

TIME = "G:i"  # 9:00, 14:30: the 24-hour clock reads the same in every language


def zone_of(session=None) -> datetime.tzinfo:
    name = getattr(session, "timezone", None) or (session if isinstance(session, str) else None)
    if name:
        try:
            return zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            pass
    return timezone.get_current_timezone()


def zone_name(zone: datetime.tzinfo) -> str:
    return getattr(zone, "key", None) or str(zone)


def _local(value, session):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value, zone_of(session))
    return value


def course_date(value, session=None) -> str:
    """A date (or the date of a moment, where ``session`` is) in the language's format."""
    if value in (None, ""):
        return ""
    return date_format(_local(value, session), "DATE_FORMAT")


def course_time(value, session=None) -> str:
    """The time of a moment where ``session`` is, with the zone's name."""
    if value in (None, ""):
        return ""
    zone = zone_of(session)
    return _("%(time)s (%(zone)s)") % {
        "time": date_format(timezone.localtime(value, zone), TIME),
        "zone": zone_name(zone),
    }


def course_datetime(value, session=None) -> str:
    """A moment where ``session`` is: its date, its time and the zone's name."""
    if value in (None, ""):
        return ""
    return _("%(date)s, %(time)s") % {
        "date": course_date(value, session),
        "time": course_time(value, session),
    }


def session_dates(session) -> str:
    """The days of a session: one date, or the first and the last."""
    first, last = session.starts_on, session.ends_on
    if first == last:
        return course_date(first)
    return _("%(first)s – %(last)s") % {  # noqa: RUF001 - the en dash of a range
        "first": course_date(first),
        "last": course_date(last),
    }


def sitting_when(meeting, session=None) -> str:
    """When a sitting is: its weekday and date, start and end time, the session's zone
    (``session``, when the caller has it, spares a query per sitting)."""
    zone = zone_of(session or meeting.session)
    starts = timezone.localtime(meeting.starts_at, zone)
    ends = timezone.localtime(meeting.ends_at, zone)
    return _("%(day)s, %(date)s, %(start)s–%(end)s (%(zone)s)") % {  # noqa: RUF001 - a range
        "day": date_format(starts, "l"),
        "date": date_format(starts, "DATE_FORMAT"),
        "start": date_format(starts, TIME),
        "end": date_format(ends, TIME),
        "zone": zone_name(zone),
    }


def sitting_day(meeting, session=None) -> str:
    """The date of a sitting where the session is (beside its ``Meeting.label``)."""
    return course_date(meeting.starts_at, session or meeting.session)
