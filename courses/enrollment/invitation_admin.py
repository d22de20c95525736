"""Coordinators' screens for invitations and direct placement, beside the session's own
(URL names ``course_invitations:…``).

Invitations: the list with each one's state, invite one person, or paste/upload a list
(checked row by row, then a confirmation naming the count), revoke, resend. Placement:
search a person, place them confirmed or requested. Every screen finds its session among
those the user coordinates (``SessionScreenMixin``): any other is a 404. Changes are POST.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets import HeaderButton

from courses.enrollment import invitations, placement
from courses.enrollment.services import EnrollmentError
from courses.models import Enrollment, Invitation
from courses.screens import SessionScreenMixin
from participants.selectors import person_name

MAX_UPLOAD_BYTES = 1024 * 1024


class InviteOneForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Email"))
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200, required=False)
    organization = forms.CharField(
        label=gettext_lazy("Organization"), max_length=200, required=False
    )
    outcome = forms.ChoiceField(
        label=gettext_lazy("Accepting gives"),
        choices=Invitation.Outcome.choices,
        initial=Invitation.Outcome.CONFIRMED,
    )


class InviteListForm(forms.Form):
    people = forms.CharField(
        label=gettext_lazy("List of people"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "placeholder": "email, name, organization"}),
        help_text=gettext_lazy(
            "One person a line: email, name, organization (name and organization optional). "
            "Commas, semicolons or tabs; a spreadsheet's columns pasted as they are."
        ),
    )
    upload = forms.FileField(
        label=gettext_lazy("or a CSV file"),
        required=False,
        help_text=gettext_lazy("Columns: email, name, organization; UTF-8; at most 1 MB."),
    )
    outcome = forms.ChoiceField(
        label=gettext_lazy("Accepting gives"),
        choices=Invitation.Outcome.choices,
        initial=Invitation.Outcome.CONFIRMED,
    )

    def clean(self):
        cleaned = super().clean()
        text = cleaned.get("people") or ""
        upload = cleaned.get("upload")
        if upload is not None:
            if upload.size > MAX_UPLOAD_BYTES:
                raise forms.ValidationError(_("The file is larger than 1 MB."))
            try:
                text = text + "\n" + upload.read().decode("utf-8-sig")
            except UnicodeDecodeError as error:
                raise forms.ValidationError(
                    _("The file is not a CSV file in UTF-8: save it as “CSV UTF-8” and try again.")
                ) from error
        try:
            cleaned["rows"] = invitations.parse_list(text)
        except invitations.InvitationError as error:
            raise forms.ValidationError(str(error)) from error
        if not cleaned["rows"]:
            raise forms.ValidationError(_("The list is empty: write one email address per line."))
        return cleaned


def rows_as_text(rows) -> str:
    """The checked rows carried to the confirmation step, in the list's own format."""
    return "\n".join(
        ",".join(f'"{value.replace(chr(34), "")}"' for value in (r.email, r.name, r.organization))
        for r in rows
    )


class InvitationScreenMixin(SessionScreenMixin):
    @property
    def list_url(self):
        return reverse("course_invitations:index", args=[self.session.pk])


class InvitationsView(InvitationScreenMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "courses/invitations/admin_list.html"
    page_title = gettext_lazy("Invitations")
    header_icon = "mail"

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(
                _("Place a person"),
                url=reverse("course_invitations:place", args=[self.session.pk]),
                icon_name="user",
            ),
            HeaderButton(
                _("Review enrollments"),
                url=reverse("course_review:review", args=[self.session.pk]),
                icon_name="tasks",
            ),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("one_form", InviteOneForm(prefix="one"))
        context.setdefault("list_form", InviteListForm(prefix="list"))
        context.update(
            session=self.session,
            invitations=invitations.invitations_of(self.session),
            counts=invitations.state_counts(self.session),
            invite_url=reverse("course_invitations:invite", args=[self.session.pk]),
            check_url=reverse("course_invitations:check", args=[self.session.pk]),
            is_invitation_only=self.session.policy == "invitation",
        )
        return context


class InviteOneView(InvitationsView):
    """POST: invite one person, at once."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = InviteOneForm(request.POST, prefix="one")
        if form.is_valid():
            data = form.cleaned_data
            row = invitations.Invitee(
                line=1,
                email=data["email"].lower(),
                name=data["name"],
                organization=data["organization"],
            )
            try:
                invitations.invite(
                    session=self.session, by=request.user, rows=[row], outcome=data["outcome"]
                )
            except invitations.InvitationError as error:
                checked = invitations.check_list(self.session, [row])
                problem = checked.problems[0].problem if checked.problems else str(error)
                form.add_error("email", problem)
            else:
                messages.success(request, _("Invitation sent to %(email)s.") % {"email": row.email})
                return redirect(self.list_url)
        return self.render_to_response(self.get_context_data(one_form=form))


class CheckListView(InvitationsView):
    """POST: a pasted or uploaded list, checked row by row, then a confirmation naming
    how many will be invited (and, with bad rows, the choice to add only the valid ones).
    ``action=send`` (from that confirmation) sends."""

    http_method_names = ["post"]
    template_name = "courses/invitations/admin_confirm.html"

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "send":
            return self.send()
        form = InviteListForm(request.POST, request.FILES, prefix="list")
        if not form.is_valid():
            self.template_name = InvitationsView.template_name
            return self.render_to_response(self.get_context_data(list_form=form))
        checked = invitations.check_list(self.session, form.cleaned_data["rows"])
        return self.render_to_response(
            self.get_context_data(
                checked=checked,
                outcome=form.cleaned_data["outcome"],
                outcome_label=Invitation.Outcome(form.cleaned_data["outcome"]).label,
                valid_text=rows_as_text(checked.valid),
                cancel_url=self.list_url,
            )
        )

    def send(self):
        request = self.request
        try:
            rows = invitations.parse_list(request.POST.get("rows", ""))
            expected = int(request.POST.get("expected_count", ""))
        except (invitations.InvitationError, ValueError):
            messages.error(request, _("The list could not be read: check it again."))
            return redirect(self.list_url)
        try:
            sent = invitations.invite(
                session=self.session,
                by=request.user,
                rows=rows,
                outcome=request.POST.get("outcome", ""),
                add_valid_rows=request.POST.get("add_valid_rows") == "1",
                expected_count=expected,
            )
        except invitations.InvitationError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                ngettext(
                    "%(n)d invitation is on its way.",
                    "%(n)d invitations are on their way.",
                    len(sent),
                )
                % {"n": len(sent)},
            )
        return redirect(self.list_url)


class InvitationActionView(InvitationScreenMixin, View):
    """POST: revoke or resend one invitation of the session."""

    http_method_names = ["post"]
    action = ""

    def post(self, request, *args, **kwargs):
        invitation = get_object_or_404(
            Invitation.objects.filter(session=self.session), pk=kwargs["invitation"]
        )
        try:
            if self.action == "revoke":
                invitations.revoke(invitation=invitation, by=request.user)
                messages.success(
                    request,
                    _("The invitation of %(email)s is revoked: its link no longer works.")
                    % {"email": invitation.email},
                )
            else:
                invitations.resend(invitation=invitation, by=request.user)
                messages.success(
                    request,
                    _("A new link is on its way to %(email)s; the old one no longer works.")
                    % {"email": invitation.email},
                )
        except invitations.InvitationError as error:
            messages.error(request, str(error))
        return redirect(self.list_url)


class PlaceForm(forms.Form):
    person = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(
        choices=[
            (Enrollment.Status.CONFIRMED, gettext_lazy("Confirmed")),
            (Enrollment.Status.REQUESTED, gettext_lazy("Requested")),
        ]
    )


class PlaceView(InvitationScreenMixin, WagtailAdminTemplateMixin, TemplateView):
    """Search a person by name or email (GET ``q``), place them (POST)."""

    template_name = "courses/invitations/admin_place.html"
    page_title = gettext_lazy("Place a person")
    header_icon = "user"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()[:100]
        context.update(
            session=self.session,
            query=query,
            people=placement.find_people(query, session=self.session),
            statuses=PlaceForm.base_fields["status"].choices,
            invitations_url=self.list_url,
        )
        return context

    def post(self, request, *args, **kwargs):
        form = PlaceForm(request.POST)
        here = reverse("course_invitations:place", args=[self.session.pk])
        if not form.is_valid():
            messages.error(request, _("Choose a person and a status."))
            return redirect(here)
        person = get_object_or_404(get_user_model(), pk=form.cleaned_data["person"])
        try:
            enrollment = placement.place(
                session=self.session,
                participant=person,
                status=form.cleaned_data["status"],
                by=request.user,
            )
        except EnrollmentError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("%(name)s is placed in the session: %(status)s.")
                % {"name": person_name(person), "status": enrollment.get_status_display()},
            )
        return redirect(here + "?" + urlencode({"q": request.POST.get("q", "")[:100]}))


class InvitationsViewSet(ViewSet):
    name = "course_invitations"
    url_prefix = "courses/sessions"

    def get_urlpatterns(self):
        return [
            path("<int:pk>/invitations/", InvitationsView.as_view(), name="index"),
            path("<int:pk>/invitations/invite/", InviteOneView.as_view(), name="invite"),
            path("<int:pk>/invitations/list/", CheckListView.as_view(), name="check"),
            path(
                "<int:pk>/invitations/<int:invitation>/revoke/",
                InvitationActionView.as_view(action="revoke"),
                name="revoke",
            ),
            path(
                "<int:pk>/invitations/<int:invitation>/resend/",
                InvitationActionView.as_view(action="resend"),
                name="resend",
            ),
            path("<int:pk>/place/", PlaceView.as_view(), name="place"),
        ]
