"""The participant's check-in page: the code on the room's screen, typed or scanned."""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from courses.attendance.services import CheckInRefused, ConsentPending, check_in, token_is_fresh

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
    consent_url = None
    if request.method == "POST":
        scanned_at = None
        if token and scan.get("t") == token:
            scanned_at = datetime.datetime.fromisoformat(scan["at"])
        try:
            result = check_in(user=request.user, code_or_token=token or code, scanned_at=scanned_at)
        except ConsentPending as refusal:
            error = str(refusal)
            back = reverse("check_in")
            if token:
                back += "?" + urlencode({"t": token})
                if scan.get("t") != token:
                    # Reading and accepting takes longer than the code lives: the scan's
                    # time is kept, as for signing in first.
                    request.session[SCAN_KEY] = {"t": token, "at": timezone.now().isoformat()}
            consent_url = reverse("my_consents") + "?" + urlencode({"next": back})
        except CheckInRefused as refusal:
            error = str(refusal)
        else:
            request.session.pop(SCAN_KEY, None)
            values = {
                "meeting": result.meeting.label,
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
        {"token": token, "code": code, "error": error, "consent_url": consent_url},
    )
