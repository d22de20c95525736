"""Participant pages: "My learning" and calendars.

Views are thin: one service call, a domain refusal turned into a message, a redirect.
State changes only on POST; objects a person may not see answer 404.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from courses import calendars
from courses.access import is_any_focal_point, joining_details_visible
from courses.learning.selectors import announced_sessions, calendar_sessions, learning_of
from courses.sessions.selectors import viewer_zone
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
            "viewer_zone": viewer_zone(request.user),
        },
    )


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
    """A participant's private feed of their sessions, for calendar apps (no sign-in)."""
    try:
        user_pk = signing.loads(token, salt=FEED_SALT)
    except signing.BadSignature as error:
        raise Http404 from error
    user = get_object_or_404(get_user_model(), pk=user_pk, is_active=True)
    sessions = list(calendar_sessions(user))
    response = _calendar(sessions, private_ids=joining_details_visible(user, sessions))
    response["Cache-Control"] = "private, max-age=900"
    return response
