"""Participant pages: "My learning" and calendars.

Views are thin: one service call, a domain refusal turned into a message, a redirect.
State changes only on POST; objects a person may not see answer 404.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from icalendar import Calendar, Event

from courses.access import is_any_focal_point
from courses.learning.selectors import announced_sessions, calendar_sessions, learning_of
from courses.learning.services import calendar_feed_of, reset_calendar_feed
from courses.models import CalendarFeed, CourseSession
from participants.http import private_page
from participants.selectors import profile_of


@private_page
@login_required
@require_GET
def my_learning(request):
    upcoming, past = learning_of(request.user)
    feed = calendar_feed_of(request.user)
    return render(
        request,
        "courses/my_learning.html",
        {
            "upcoming": upcoming,
            "past": past,
            "feed_url": request.build_absolute_uri(reverse("calendar_feed", args=[feed.token])),
            "has_profile": profile_of(request.user) is not None,
            "is_focal_point": is_any_focal_point(request.user),
        },
    )


@login_required
@require_POST
def reset_feed(request):
    """A new address for the person's calendar feed; the old one stops working."""
    reset_calendar_feed(user=request.user)
    messages.success(
        request,
        _(
            "Your calendar feed has a new address, shown below: the old one no longer works. "
            "Subscribe to the new one in your calendar application."
        ),
    )
    return redirect(reverse("my_learning") + "#feed-heading")


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
    """A participant's private feed of their sessions, for calendar apps (no sign-in).

    The token is the feed's id and its secret; a reset secret, a tampered one or an
    inactive account is a 404."""
    feed_id, _dot, secret = token.partition(".")
    if not feed_id.isascii() or not feed_id.isdigit() or not secret:
        raise Http404
    feed = (
        CalendarFeed.objects.select_related("user")
        .filter(pk=int(feed_id), user__is_active=True)
        .first()
    )
    if feed is None or not constant_time_compare(feed.secret, secret):
        raise Http404
    response = _calendar(calendar_sessions(feed.user))
    response["Cache-Control"] = "private, max-age=900"
    return response
