"""Participant pages: "My learning" and calendars.

Views are thin: one service call, a domain refusal turned into a message, a redirect.
State changes only on POST; objects a person may not see answer 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from courses import calendars
from courses.access import is_any_focal_point, joining_details_visible
from courses.learning.selectors import announced_sessions, calendar_sessions, learning_of
from courses.learning.services import calendar_feed_of, reset_calendar_feed
from courses.models import CalendarFeed
from courses.sessions.selectors import viewer_zone
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
            "viewer_zone": viewer_zone(request.user),
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


def _calendar(sessions, *, private_ids=frozenset()) -> HttpResponse:
    return HttpResponse(
        calendars.calendar_bytes(sessions, private_ids=private_ids),
        content_type="text/calendar; charset=utf-8",
    )


@require_GET
def session_calendar(request, code):
    """One session as an .ics file; sessions are public once announced."""
    session = get_object_or_404(announced_sessions(), code=code)
    # Joining details only for those who may see them; the file is then theirs alone.
    private_ids = joining_details_visible(request.user, [session])
    response = _calendar([session], private_ids=private_ids)
    response["Content-Disposition"] = f'attachment; filename="{session.code}.ics"'
    if private_ids:
        response["Cache-Control"] = "private, no-store"
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
    sessions = list(calendar_sessions(feed.user))
    response = _calendar(sessions, private_ids=joining_details_visible(feed.user, sessions))
    response["Cache-Control"] = "private, max-age=900"
    return response
