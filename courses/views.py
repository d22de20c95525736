"""Participant pages: enroll, withdraw, "My learning" and calendars.

Views are thin: one service call, a domain refusal turned into a message, a redirect.
State changes only on POST; objects a person may not see answer 404.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from icalendar import Calendar, Event

from participants.http import private_page
from participants.models import FocalPoint
from participants.selectors import profile_of

from .models import CourseSession, Enrollment
from .selectors import learning_of, learning_progress
from .services import (
    CheckInRefused,
    EnrollmentError,
    ProfileRequired,
    check_in,
    enroll,
    token_is_fresh,
    waitlist_position,
    withdraw,
)

FEED_SALT = "courses.calendar-feed"
ENROLL_FIELDS = (
    "code",
    "course",
    "status",
    "policy",
    "capacity",
    "enrollment_opens_at",
    "enrollment_closes_at",
)


@login_required
@require_POST
def enroll_view(request, code):
    # Only what enrolling and its message need: this view is the hot path when a
    # session opens and everybody asks for a seat at once.
    session = get_object_or_404(
        CourseSession.objects.exclude(status="draft")
        .select_related("course")
        .only(*ENROLL_FIELDS, "course__title", "course__url_path"),
        code=code,
    )
    try:
        enrollment = enroll(participant=request.user, session=session)
    except ProfileRequired:
        messages.info(request, _("Complete your profile first: it takes a minute."))
        next_url = session.course.url
        return redirect(f"{reverse('profile')}?{urlencode({'next': next_url})}")
    except EnrollmentError as refusal:
        messages.error(request, str(refusal))
        return redirect(session.course.url + "#sessions")
    messages.success(request, enrollment_message(enrollment, title=session.course.title))
    return redirect("my_learning")


def enrollment_message(enrollment: Enrollment, *, title: str) -> str:
    status = enrollment.status
    if status == Enrollment.Status.CONFIRMED:
        return _("Your place in %(course)s is confirmed.") % {"course": title}
    if status == Enrollment.Status.WAITLISTED:
        return _("The session is full: you are number %(n)s on the waitlist.") % {
            "n": waitlist_position(enrollment)
        }
    if status == Enrollment.Status.REQUESTED:
        return _("Your request is with the coordinators; you will hear from them by email.")
    return _("You already have an enrollment in this session (%(status)s).") % {
        "status": enrollment.get_status_display()
    }


@login_required
@require_POST
def withdraw_view(request, pk):
    enrollment = get_object_or_404(Enrollment, pk=pk, participant=request.user)
    try:
        withdraw(enrollment=enrollment, by=request.user)
    except EnrollmentError as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            _("You have withdrawn from %(course)s.") % {"course": enrollment.session.course.title},
        )
    return redirect("my_learning")


@private_page
@login_required
@require_GET
def my_learning(request):
    upcoming, past = learning_of(request.user)
    progress = learning_progress(row.enrollment for row in [*upcoming, *past])
    for row in [*upcoming, *past]:
        row.progress = progress.get(row.enrollment.pk)
    feed_token = signing.dumps(request.user.pk, salt=FEED_SALT)
    return render(
        request,
        "courses/my_learning.html",
        {
            "upcoming": upcoming,
            "past": past,
            "feed_url": request.build_absolute_uri(reverse("calendar_feed", args=[feed_token])),
            "has_profile": profile_of(request.user) is not None,
            "is_focal_point": FocalPoint.objects.filter(user=request.user).exists(),
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
    # Only what enrolling and its message need: this view is the hot path when a
    # session opens and everybody asks for a seat at once.
    session = get_object_or_404(
        CourseSession.objects.exclude(status="draft")
        .select_related("course")
        .only(*ENROLL_FIELDS, "course__title", "course__url_path"),
        code=code,
    )
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
    sessions = (
        CourseSession.objects.filter(
            enrollments__participant=user,
            enrollments__status__in=[Enrollment.Status.CONFIRMED, Enrollment.Status.WAITLISTED],
        )
        .exclude(status="cancelled")
        .select_related("course")
    )
    response = _calendar(sessions)
    response["Cache-Control"] = "private, max-age=900"
    return response


SCAN_KEY = "check_in_scan"


@require_http_methods(["GET", "POST"])
def check_in_view(request):
    """A participant checks in with the code on the room's screen (typed) or its QR code
    (scanned: the link carries a token, confirmed with one button). Only on POST; the
    person checked in is always the one signed in.

    Someone who scans before signing in has the scan's time kept in their session, so
    the minute the sign-in takes does not expire the code (``services.check_in``).
    """
    token = (request.POST.get("t") if request.method == "POST" else request.GET.get("t")) or ""
    if not request.user.is_authenticated:
        if token and token_is_fresh(token):
            request.session[SCAN_KEY] = {"t": token, "at": timezone.now().isoformat()}
        return redirect_to_login(request.get_full_path())
    scan = request.session.get(SCAN_KEY) or {}
    if not token and request.method == "GET":
        token = scan.get("t", "")
    code = request.POST.get("code", "") if request.method == "POST" else ""
    error = None
    if request.method == "POST":
        scanned_at = None
        if token and scan.get("t") == token:
            scanned_at = datetime.datetime.fromisoformat(scan["at"])
        try:
            result = check_in(user=request.user, code_or_token=token or code, scanned_at=scanned_at)
        except CheckInRefused as refusal:
            error = str(refusal)
        else:
            request.session.pop(SCAN_KEY, None)
            values = {
                "meeting": result.meeting.title or result.meeting.starts_at.strftime("%d %b"),
                "course": result.meeting.session.course.title,
                "status": result.attendance.get_status_display().lower(),
            }
            if result.new:
                message = _("You are checked in for %(meeting)s of %(course)s: %(status)s.")
            else:
                message = _("You were already checked in for %(meeting)s of %(course)s.")
            messages.success(request, message % values)
            return redirect("my_learning")
    return render(
        request,
        "courses/check_in.html",
        {"token": token, "code": code, "error": error},
    )
