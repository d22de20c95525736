"""The Certificates screen of a session in the Wagtail admin, for its coordinators.

Issue certificates to everyone who completed the session or to one person; follow a
batch as it goes (counts by state, refreshed by a small script polling a JSON endpoint,
and correct on a plain reload without it); see failures with their reasons; retry,
revoke or re-issue with a reason; download any PDF. Every view finds its session among
those the user coordinates, so any other session is a 404. Views only call services.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets import HeaderButton

from courses.certificates.selectors import (
    anyone_completed,
    certificate_progress,
    completers_without_certificate,
    session_certificates,
)
from courses.certificates.services import (
    CertificateError,
    certificate_problems,
    issue_certificates,
    issuing_organizations,
    reissue_certificate,
    retry_certificate,
    revoke_certificate,
)
from courses.models import Certificate
from courses.screens import SessionScreenMixin, email_confirmation
from participants.selectors import person_name


class CompleterChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return person_name(obj.participant)


class IssueForm(forms.Form):
    """Issue to everyone who completed the session (no person chosen) or to one person."""

    enrollment = CompleterChoiceField(
        queryset=None,
        required=False,
        label=gettext_lazy("Person"),
        empty_label=gettext_lazy("Choose a person"),
    )

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enrollment"].queryset = completers_without_certificate(session)


class CertificateActionForm(forms.Form):
    ACTIONS = [
        ("revoke", gettext_lazy("Revoke")),
        ("reissue", gettext_lazy("Re-issue")),
        ("retry", gettext_lazy("Retry")),
    ]

    action = forms.ChoiceField(choices=ACTIONS)
    reason = forms.CharField(required=False, max_length=1000)

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("action") in ("revoke", "reissue")
            and not (cleaned.get("reason") or "").strip()
        ):
            raise forms.ValidationError(_("Give the reason: it is kept in the record."))
        return cleaned


class CertificatesView(SessionScreenMixin, WagtailAdminTemplateMixin, TemplateView):
    """The session's certificates, their progress and the actions on them."""

    template_name = "courses/admin/certificates.html"
    page_title = gettext_lazy("Certificates")
    header_icon = "doc-full"

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(
                _("Edit session"),
                url=reverse("course_sessions:edit", args=[self.session.pk]),
                icon_name="edit",
            ),
            HeaderButton(
                _("Signatories"),
                url=reverse("session_signatories:index") + f"?session={self.session.pk}",
                icon_name="user",
            ),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        progress = certificate_progress(self.session)
        issue_form = kwargs.get("issue_form") or IssueForm(session=self.session)
        completers = list(issue_form.fields["enrollment"].queryset)
        context.update(
            session=self.session,
            progress=progress,
            certificates=session_certificates(self.session),
            issue_form=issue_form,
            completers=completers,
            anyone_completed=bool(completers) or anyone_completed(self.session),
            completion_url=reverse("course_attendance:completion", args=[self.session.pk]),
            issuers=issuing_organizations(self.session),
            problems=certificate_problems(self.session),
            signatories=list(self.session.signatories.all()),
            issue_url=reverse("course_certificates:issue", args=[self.session.pk]),
            progress_url=reverse("course_certificates:progress", args=[self.session.pk]),
            actions_url_name="course_certificates:action",
        )
        return context


class ProgressView(SessionScreenMixin, View):
    """GET: the counts by state as JSON, for the screen's script to poll while a batch runs."""

    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        response = JsonResponse(certificate_progress(self.session).as_dict())
        response["Cache-Control"] = "no-store"
        return response


class IssueView(SessionScreenMixin, WagtailAdminTemplateMixin, TemplateView):
    """POST only: issue to one chosen person, or to everyone who completed the session
    and has no certificate, after a confirmation step: the first POST shows who will be
    emailed; only the second (``confirm=1``, carrying exactly those people) issues."""

    http_method_names = ["post"]
    template_name = "courses/admin/confirm_emails.html"
    page_title = gettext_lazy("Issue certificates")
    header_icon = "doc-full"

    def post(self, request, *args, **kwargs):
        url = reverse("course_certificates:index", args=[self.session.pk])
        form = IssueForm(request.POST, session=self.session)
        if not form.is_valid():
            messages.error(request, _("That person cannot receive a certificate here."))
            return redirect(url)
        chosen = form.cleaned_data["enrollment"]
        if chosen:
            wanted = [chosen]
        else:
            completers = completers_without_certificate(self.session)
            if request.POST.get("confirm") != "1":
                return self.confirm(list(completers), url)
            # Exactly the people the confirmation named, those still without one.
            wanted = list(completers.filter(pk__in=_ids(request.POST.getlist("people"))))
            if not wanted:
                messages.info(request, _("Everyone who completed the session has a certificate."))
                return redirect(url)
        try:
            issued = issue_certificates(session=self.session, by=request.user, enrollments=wanted)
        except CertificateError as error:
            messages.error(request, str(error))
            return redirect(url)
        if issued:
            messages.success(
                request,
                ngettext(
                    "%(n)d certificate issued: it is being made and emailed.",
                    "%(n)d certificates issued: they are being made and emailed.",
                    len(issued),
                )
                % {"n": len(issued)},
            )
        else:
            messages.info(request, _("Everyone who completed the session has a certificate."))
        return redirect(url)

    def confirm(self, completers, url):
        if not completers:
            messages.info(self.request, _("Everyone who completed the session has a certificate."))
            return redirect(url)
        context = self.get_context_data(
            **email_confirmation(
                [person_name(enrollment.participant) for enrollment in completers],
                intro=_(
                    "Each of them receives an email with their certificate as soon as it is "
                    "made. Check the list, then issue."
                ),
                hidden=[("people", enrollment.pk) for enrollment in completers],
                action_url=reverse("course_certificates:issue", args=[self.session.pk]),
                confirm_label=ngettext(
                    "Issue %(n)d certificate and email it",
                    "Issue %(n)d certificates and email them",
                    len(completers),
                )
                % {"n": len(completers)},
                cancel_url=url,
            )
        )
        return self.render_to_response(context)


def _ids(values) -> list[int]:
    return [int(value) for value in values if value.isdigit()]


class ActionView(SessionScreenMixin, View):
    """POST only: revoke, re-issue (both with a reason) or retry one certificate."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        url = reverse("course_certificates:index", args=[self.session.pk])
        certificate = get_object_or_404(
            Certificate.objects.select_related("enrollment__session"),
            pk=kwargs["certificate"],
            enrollment__session=self.session,
        )
        form = CertificateActionForm(request.POST)
        if not form.is_valid():
            for error in form.non_field_errors() or [_("Unknown action.")]:
                messages.error(request, f"{certificate.short_code}: {error}")
            return redirect(url)
        action, reason = form.cleaned_data["action"], form.cleaned_data["reason"]
        try:
            if action == "revoke":
                revoke_certificate(certificate=certificate, reason=reason, by=request.user)
                done = _("Certificate %(code)s revoked.")
            elif action == "reissue":
                new = reissue_certificate(certificate=certificate, reason=reason, by=request.user)
                done = _("Certificate %(code)s revoked; %(new)s issued in its place.")
            else:
                retry_certificate(certificate=certificate, by=request.user)
                done = _("Certificate %(code)s is being tried again.")
        except CertificateError as error:
            messages.error(request, f"{certificate.short_code}: {error}")
        else:
            values = {"code": certificate.short_code}
            if action == "reissue":
                values["new"] = new.short_code
            messages.success(request, done % values)
        return redirect(url)


class CertificatesViewSet(ViewSet):
    """A session's certificates screen and its actions (URL names ``course_certificates:…``)."""

    name = "course_certificates"
    url_prefix = "courses/sessions"

    def get_urlpatterns(self):
        return [
            path("<int:pk>/certificates/", CertificatesView.as_view(), name="index"),
            path("<int:pk>/certificates/progress/", ProgressView.as_view(), name="progress"),
            path("<int:pk>/certificates/issue/", IssueView.as_view(), name="issue"),
            path("<int:pk>/certificates/<int:certificate>/", ActionView.as_view(), name="action"),
        ]
