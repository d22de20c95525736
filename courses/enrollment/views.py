"""Participant pages of enrollment: ask for a seat (again, after a withdrawal), withdraw
after a confirmation page that says what happens to the seat.

Views are thin: one service call, a domain refusal turned into a message, a redirect.
State changes only on POST; objects a person may not see answer 404.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cms.middleware import site_not_needed
from courses.enrollment.selectors import course_of_session, waitlist_position, withdrawal_outlook
from courses.enrollment.services import (
    ApplicationAsked,
    EnrollmentError,
    NotTheParticipant,
    ProfileRequired,
    SessionNotFound,
    enroll,
    withdraw,
)
from courses.models import OPEN_STATUSES, Enrollment


@site_not_needed  # a POST that redirects: no Wagtail site to look up
@login_required
@require_POST
def enroll_view(request, code):
    # The hot path when a session opens and everybody asks for a seat at once: the
    # session is not read here before ``enroll`` locks it (the one locking statement
    # finds it by code, says whether it asks an application, and brings the course's
    # title in the reader's language for the message). Refusals, rare, read what their
    # message needs.
    try:
        enrollment = enroll(
            participant=request.user,
            code=code,
            public=True,
            language=get_language(),
        )
    except SessionNotFound:
        raise Http404 from None
    except ApplicationAsked:  # questions, a supervisor, acknowledgements: the form
        return redirect("apply", code=code)
    except ProfileRequired:
        messages.info(request, _("Complete your profile first: it takes a minute."))
        next_url = _course_of(code).url
        return redirect(f"{reverse('profile')}?{urlencode({'next': next_url})}")
    except EnrollmentError as refusal:
        messages.error(request, str(refusal))
        return redirect(_course_of(code).url + "#sessions")
    messages.success(request, enrollment_message(enrollment, title=enrollment.course_title))
    return redirect("my_learning")


def _course_of(code: str):
    course = course_of_session(code)
    if course is None:
        raise Http404
    return course


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


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why are you withdrawing?"),
        help_text=gettext_lazy(
            "Only the session's coordinators read it; it helps them plan the next sessions."
        ),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


@login_required
@require_http_methods(["GET", "POST"])
def withdraw_view(request, pk):
    """GET: what withdrawing does to the seat, and a confirmation form. POST: withdraw.

    The POST reads nothing before ``withdraw`` locks the session (issue 20): the one
    locking statement checks that the enrollment is the person's own (else 404), that
    it can still be withdrawn, withdraws it, moves the waitlist, writes the history
    entry and brings the course's title for the message. The form is checked first, on
    its own: a reason it refuses (too long, unreadable) is explained on the form page.
    """
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        return _withdraw(request, pk, form.cleaned_data["reason"])
    enrollment = get_object_or_404(
        Enrollment.objects.select_related("session__course"), pk=pk, participant=request.user
    )
    session = enrollment.session
    if enrollment.status == Enrollment.Status.WITHDRAWN:  # a second tab, the back button
        messages.info(request, _("You have already withdrawn from this session."))
        return redirect("my_learning")
    if enrollment.status not in OPEN_STATUSES or timezone.localdate() >= session.starts_on:
        messages.error(
            request,
            _("This enrollment can no longer be withdrawn: ask the session's coordinators."),
        )
        return redirect("my_learning")
    return render(
        request,
        "courses/withdraw.html",
        {"outlook": withdrawal_outlook(enrollment), "form": form},
        status=400 if form.errors else 200,
    )


def _withdraw(request, pk, reason: str):
    try:
        enrollment = withdraw(pk=pk, by=request.user, reason=reason, language=get_language())
    except (Enrollment.DoesNotExist, NotTheParticipant):
        raise Http404 from None
    except EnrollmentError as refusal:
        messages.error(request, str(refusal))
        return redirect("my_learning")
    if not enrollment.withdrawn_now:  # a second tab, the back button
        messages.info(request, _("You have already withdrawn from this session."))
        return redirect("my_learning")
    messages.success(
        request,
        _("You have withdrawn from %(course)s. We have emailed you a confirmation.")
        % {"course": enrollment.course_title},
    )
    return redirect("my_learning")
