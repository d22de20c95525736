"""Per-session admin screens of the sessions slice: telling the confirmed people of a
change of venue, joining details or agenda, and copying a session into a new edition.

Views are thin: a form or a confirmation, one service call, a message, a redirect.
Sessions outside the user's own answer 404 (``SessionScreenMixin``).
"""

from __future__ import annotations

import datetime

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateInput

from courses.enrollment.services import EnrollmentError
from courses.models import CourseSession
from courses.screens import SessionScreenMixin
from courses.sessions.services import announce_session_change, confirmed_count, copy_session


class AnnounceChangeView(SessionScreenMixin, WagtailAdminTemplateMixin, TemplateView):
    """ "Tell the confirmed people": a confirmation naming how many, then one email each
    with the session's updated calendar. Offered after an edit of the venue, the joining
    details or a sitting; nothing is sent on GET."""

    template_name = "courses/admin/session_announce.html"
    page_title = gettext_lazy("Tell the confirmed participants")
    header_icon = "mail"

    @cached_property
    def count(self) -> int:
        return confirmed_count(self.session)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            session=self.session,
            count=self.count,
            edit_url=reverse("course_sessions:edit", args=[self.session.pk]),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not self.count:
            messages.error(request, _("Nobody is confirmed in this session yet: nobody to tell."))
            return redirect("course_sessions:edit", self.session.pk)
        try:
            sent = announce_session_change(
                session=self.session, by=request.user, confirmed_only=True
            )
        except EnrollmentError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                ngettext(
                    "%(n)d confirmed participant will get an email with the updated calendar.",
                    "%(n)d confirmed participants will get an email with the updated calendar.",
                    sent,
                )
                % {"n": sent},
            )
        return redirect("course_sessions:edit", self.session.pk)


class CopyForm(forms.Form):
    code = forms.SlugField(
        label=gettext_lazy("Code of the new session"),
        max_length=40,
        help_text=gettext_lazy("For example: mpd-2028-nairobi."),
    )
    starts_on = forms.DateField(
        label=gettext_lazy("New first day"),
        required=False,
        widget=AdminDateInput,
        help_text=gettext_lazy("Every date moves by as many days, sittings included."),
    )
    days = forms.IntegerField(
        label=gettext_lazy("Or move every date by (days)"),
        required=False,
        min_value=1,
        max_value=3650,
    )
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session

    def clean_code(self):
        code = self.cleaned_data["code"]
        if CourseSession.objects.filter(code=code).exists():
            raise forms.ValidationError(_("This code is taken: choose another."))
        return code

    def clean(self):
        cleaned = super().clean()
        starts_on, days = cleaned.get("starts_on"), cleaned.get("days")
        if starts_on and days:
            raise forms.ValidationError(_("Give the new first day or a number of days, not both."))
        if starts_on:
            days = (starts_on - self.session.starts_on).days
            if days <= 0:
                self.add_error("starts_on", _("The new edition must start after this one."))
        if not starts_on and not days:
            raise forms.ValidationError(_("Give the new first day or a number of days."))
        cleaned["offset"] = days
        return cleaned


class CopySessionView(SessionScreenMixin, WagtailAdminTemplateMixin, TemplateView):
    """A new edition from this one: the form, then a confirmation with the new dates."""

    template_name = "courses/admin/session_copy.html"
    page_title = gettext_lazy("Copy the session")
    header_icon = "copy"

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(session=self.session, form=form or CopyForm(session=self.session))
        return context

    def post(self, request, *args, **kwargs):
        form = CopyForm(request.POST, session=self.session)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        offset = form.cleaned_data["offset"]
        if not form.cleaned_data.get("confirmed"):
            shift = datetime.timedelta(days=offset)
            confirm = CopyForm(
                initial={"code": form.cleaned_data["code"], "days": offset, "confirmed": True},
                session=self.session,
            )
            context = self.get_context_data(form=confirm)
            context.update(
                confirming=True,
                new_code=form.cleaned_data["code"],
                new_starts_on=self.session.starts_on + shift,
                new_ends_on=self.session.ends_on + shift,
                new_opens_at=self.session.enrollment_opens_at + shift,
                new_closes_at=self.session.enrollment_closes_at + shift,
                sittings=self.session.meetings.held().count(),
            )
            return self.render_to_response(context)
        try:
            copy = copy_session(
                session=self.session, by=request.user, code=form.cleaned_data["code"], days=offset
            )
        except EnrollmentError as error:
            form.add_error(None, str(error))
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(
            request,
            _("%(code)s is ready as a draft: check it, then open it for enrollment.")
            % {"code": copy.code},
        )
        return redirect("course_sessions:edit", copy.pk)
