"""Participant pages: "My learning" and calendars.

Views are thin: one service call, a domain refusal turned into a message, a redirect.
State changes only on POST; objects a person may not see answer 404.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET
from icalendar import Calendar, Event

from courses.access import is_any_focal_point
from courses.learning.selectors import announced_sessions, calendar_sessions, learning_of
from courses.models import CourseSession
from participants.http import private_page
from participants.selectors import profile_of

FEED_SALT = "courses.calendar-feed"


@private_page
@login_required
@require_GET
def my_learning(request):
    upcoming, past = learning_of(request.user)
    feed_token = signing.dumps(request.user.pk, salt=FEED_SALT)
    return render(
        request,
        "courses/my_learning.html",
        {
            "upcoming": upcoming,
            "past": past,
            "feed_url": request.build_absolute_uri(reverse("calendar_feed", args=[feed_token])),
            "has_profile": profile_of(request.user) is not None,
            "is_focal_point": is_any_focal_point(request.user),
        },
    )


def _event(session: CourseSession) -> Event:
    event = Event()
    event.add("uid", f"session-{session.pk}@concord")
    event.add("summary", f"{session.course.title} ({session.code})")
    event.add("dtstart", session.starts_on)
    event.add("dtend", session.ends_on + datetime.timedelta(days=1))  # all-day, end exclusive
    event.add("location", str(session.place))
    event.add("url", settings.SITE_URL.rstrip("/") + session.course.url)
    return event


def _calendar(sessions) -> HttpResponse:
    calendar = Calendar()
    calendar.add("prodid", "-//Concord//Training sessions//EN")
    calendar.add("version", "2.0")
    for session in sessions:
        calendar.add_component(_event(session))
    return HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")


@require_GET
def session_calendar(request, code):
    """One session as an .ics file; sessions are public once announced."""
    session = get_object_or_404(announced_sessions(), code=code)
    response = _calendar([session])
    response["Content-Disposition"] = f'attachment; filename="{session.code}.ics"'
    return response


@require_GET
def calendar_feed(request, token):
    """A participant's private feed of their sessions, for calendar apps (no sign-in)."""
    try:
        user_pk = signing.loads(token, salt=FEED_SALT)
    except signing.BadSignature as error:
        raise Http404 from error
    user = get_object_or_404(get_user_model(), pk=user_pk, is_active=True)
    response = _calendar(calendar_sessions(user))
    response["Cache-Control"] = "private, max-age=900"
    return response
