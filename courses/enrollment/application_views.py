"""Participant and supervisor pages of applications: apply with the session's form,
download an application file, clear (or decline) as a supervisor through a signed link,
and see, accept or withdraw one's consents.

Views are thin: a form, one service call, a refusal turned into a message. State changes
only on POST; a file anyone else asks for answers 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from courses.access import sessions_for
from courses.enrollment import applications, clearance, consent
from courses.enrollment.applications import Application, ApplicationFormView
from courses.enrollment.services import EnrollmentError
from courses.enrollment.views import enrollment_message
from courses.models import (
    ApplicationAnswer,
    ConsentDocument,
    CourseSession,
    Enrollment,
    SupervisorClearance,
)
from courses.translated import translated
from participants.selectors import profile_of


@login_required
@require_http_methods(["GET", "POST"])
def apply_view(request, code):
    """GET: the session's application form. POST: apply with it (one transaction)."""
    session = get_object_or_404(
        CourseSession.objects.exclude(status=CourseSession.Status.DRAFT).select_related("course"),
        code=code,
    )
    form_definition = applications.form_of(session)
    if form_definition is None:
        return redirect(session.course.url + "#sessions")
    if profile_of(request.user) is None:
        messages.info(request, _("Complete your profile first: it takes a minute."))
        return redirect(f"{reverse('profile')}?{urlencode({'next': request.path})}")
    existing = (
        applications.with_form_unanswered(Enrollment.objects.filter(session=session))
        .filter(participant=request.user)
        .first()
    )
    if (
        existing is not None
        and existing.status != Enrollment.Status.WITHDRAWN
        and not existing.form_unanswered
    ):
        messages.info(
            request,
            _("You have already applied to this session (%(status)s).")
            % {"status": existing.get_status_display()},
        )
        return redirect("my_learning")
    pending_consents = consent.pending(request.user, form_definition.consents.all())
    form = ApplicationFormView(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        application_form=form_definition,
        pending_consents=pending_consents,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        application = Application(
            answers=form.answers(),
            supervisor_email=data.get("supervisor_email", ""),
            supervisor_name=data.get("supervisor_name", ""),
            accepted={d.pk for d in pending_consents if data.get(f"consent{d.pk}")},
        )
        try:
            enrollment = applications.submit_application(
                participant=request.user, session=session, application=application
            )
        except EnrollmentError as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, enrollment_message(enrollment, title=session.course.title))
            if form_definition.requires_clearance:
                messages.info(
                    request,
                    _("We have emailed your supervisor a link to clear your application."),
                )
            return redirect("my_learning")
    return render(
        request,
        "courses/applications/apply.html",
        {
            "session": session,
            "form": form,
            "intro": translated(form_definition, "intro"),
            "consents": [(document, form[f"consent{document.pk}"]) for document in form.consents],
            "questions": [form[applications.field_name(q)] for q in form.questions],
            "requires_clearance": form_definition.requires_clearance,
        },
        status=400 if form.errors else 200,
    )


@never_cache
@require_http_methods(["GET"])
def answer_file(request, pk):
    """An application file, for its applicant, the session's coordinators and
    superusers; anyone else (the anonymous included: no sign-in page that would confirm
    the file exists) gets a 404. PDFs open in the browser; documents download."""
    if not request.user.is_authenticated:
        raise Http404
    answer = get_object_or_404(
        ApplicationAnswer.objects.exclude(file="").select_related("enrollment"), pk=pk
    )
    enrollment = answer.enrollment
    if (
        enrollment.participant_id != request.user.pk
        and not sessions_for(request.user).filter(pk=enrollment.session_id).exists()
    ):
        raise Http404
    try:
        handle = answer.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    return FileResponse(
        handle,
        as_attachment=answer.content_type != applications.PDF,
        filename=answer.file_name or answer.file.name.rsplit("/", 1)[-1],
        content_type=answer.content_type or "application/octet-stream",
    )


@never_cache
@require_http_methods(["GET", "POST"])
def supervisor_clearance(request, token):
    """A supervisor clears or declines an application from the emailed link (no
    account). A tampered or replaced link is a 404, an expired one says so; once
    answered, the link shows the answer."""
    found, state = clearance.find(token)
    if found is None and state == "invalid":
        return render(
            request, "courses/applications/clearance.html", {"state": "invalid"}, status=404
        )
    if state == "expired":
        return render(
            request, "courses/applications/clearance.html", {"state": "expired"}, status=410
        )
    error = ""
    if request.method == "POST" and found.state == SupervisorClearance.State.PENDING:
        decision = request.POST.get("decision")
        if decision not in ("clear", "decline"):
            error = _("Choose to clear or to decline.")
        else:
            try:
                found = clearance.answer(
                    clearance=found,
                    cleared=decision == "clear",
                    comment=request.POST.get("comment", ""),
                )
            except clearance.ClearanceError as refusal:
                error = str(refusal)
            else:
                return redirect("supervisor_clearance", token=token)
    enrollment = found.enrollment
    return render(
        request,
        "courses/applications/clearance.html",
        {
            "state": "decided" if found.state != SupervisorClearance.State.PENDING else "pending",
            "clearance": found,
            "enrollment": enrollment,
            "session": enrollment.session,
            "person": enrollment.participant.get_full_name() or enrollment.participant.username,
            "error": error,
        },
        status=400 if error else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def consents_view(request):
    """What the person accepted, what they must accept now (a new version, a text added
    by a session), and withdrawing what is not a condition of taking part."""
    if request.method == "POST":
        if "withdraw" in request.POST:
            document = get_object_or_404(ConsentDocument, pk=_int(request.POST.get("withdraw")))
            try:
                consent.withdraw(user=request.user, document=document)
            except consent.ConsentError as refusal:
                messages.error(request, str(refusal))
            else:
                messages.success(
                    request,
                    _("You have withdrawn your consent to “%(title)s”.")
                    % {"title": document.title},
                )
        else:
            pending = consent.pending_for(request.user)
            chosen = {_int(value) for value in request.POST.getlist("accept")}
            accepted = [document for document in pending if document.pk in chosen]
            if not accepted:
                messages.error(request, _("Tick the texts you accept."))
            else:
                consent.accept(user=request.user, documents=accepted)
                messages.success(request, _("Thank you: your acceptance is recorded."))
                # Sent here by a refused check-in: back to it, the code kept.
                wanted = request.GET.get("next", "")
                if url_has_allowed_host_and_scheme(
                    wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
                ):
                    return redirect(wanted)
        return redirect("my_consents")
    pending = consent.pending_for(request.user)
    records = (
        request.user.consents.filter(withdrawn_at__isnull=True)
        .select_related("document", "session")
        .order_by("document__title", "-version")
    )
    required = {document.pk for document in consent.required_of(request.user)}
    return render(
        request,
        "courses/applications/consents.html",
        {"pending": pending, "records": records, "required": required},
    )


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
