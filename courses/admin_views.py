"""Coordinator screens in the Wagtail admin that are not plain model lists.

The review queue of a session (with its balance panel and seat quotas), the decisions
taken on it, and the roster export. Every view finds its session among those the user
coordinates (``selectors.sessions_for``): any other session is a 404, not a 403, so a
coordinator cannot even learn that it exists.
"""

from __future__ import annotations

import zoneinfo

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView, View
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminPageChooser, HeaderButton
from wagtail.images.widgets import AdminImageChooser

from cms.models import CoursePage, CourseTrainer
from cms.roles import COORDINATORS, TRAINERS
from participants.models import Organization
from participants.selectors import person_name

from . import selectors
from .models import CourseSession, Enrollment
from .services import (  # the action names are re-exported for the tests' audit checks
    CAPACITY_ACTION,  # noqa: F401
    DECIDE_ACTION,  # noqa: F401
    QUOTA_ACTION,  # noqa: F401
    EnrollmentError,
    decide,
    set_quota,
)
from .spreadsheets import SafeSpreadsheetExportMixin

S = Enrollment.Status


def _users_in(group_name):
    return (
        get_user_model()
        .objects.filter(groups__name=group_name, is_active=True)
        .order_by("last_name", "first_name", "username")
        .distinct()
    )


class UserChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        name = person_name(obj)
        return f"{name} <{obj.email}>" if obj.email else name


LARGEST_ID = 2**31 - 1


class TolerantChooserMixin:
    """A chooser that shows a posted id which is no id at all (a NUL byte, 5,000 digits,
    a number past the database's integers: a tampered request) as "nothing chosen" when
    the invalid form is shown again, instead of failing on the lookup with a 500. The
    form's field still refuses the value with its own message."""

    def get_instance(self, value):
        if value is not None and not isinstance(value, models.Model):
            try:
                number = int(str(value).strip())
            except ValueError:
                return None
            if not 0 < number <= LARGEST_ID:
                return None
        return super().get_instance(value)


class PageChooser(TolerantChooserMixin, AdminPageChooser):
    pass


class ImageChooser(TolerantChooserMixin, AdminImageChooser):
    pass


class CourseSessionForm(WagtailAdminModelForm):
    """The session's own fields; coordinators and trainers are chosen within their groups."""

    coordinators = UserChoiceField(
        queryset=_users_in(COORDINATORS),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Coordinators"),
        help_text=gettext_lazy("People of the Coordinators group who run this session."),
    )
    trainers = UserChoiceField(
        queryset=_users_in(TRAINERS),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Trainers"),
        help_text=gettext_lazy("People of the Trainers group who teach this session."),
    )

    class Meta:
        model = CourseSession
        fields = [
            "course",
            "code",
            "starts_on",
            "ends_on",
            "timezone",
            "is_online",
            "city",
            "country",
            "language",
            "capacity",
            "enrollment_opens_at",
            "enrollment_closes_at",
            "policy",
            "status",
            "coordinators",
            "trainers",
            "issuing_organizations",
            "min_attendance_percent",
            "excused_absences",
            "min_modules_opened",
            "late_after_minutes",
        ]
        widgets = {
            "issuing_organizations": forms.CheckboxSelectMultiple,
            "course": PageChooser(target_models=[CoursePage]),
            "timezone": forms.Select(
                choices=[(name, name) for name in sorted(zoneinfo.available_timezones())]
            ),
        }

    def clean(self):
        cleaned = super().clean()
        course, trainers = cleaned.get("course"), cleaned.get("trainers")
        if course is not None and trainers:
            # A session's trainers teach what they are assigned to (and may edit): a
            # trainer of another course would get this session's roster and emails.
            assigned = set(CourseTrainer.objects.filter(course=course).values_list("user_id"))
            strangers = [t for t in trainers if (t.pk,) not in assigned]
            if strangers:
                self.add_error(
                    "trainers",
                    ngettext(
                        "%(names)s is not assigned to the course “%(course)s”. Assign them "
                        "to the course under Course trainers first, or leave them out.",
                        "%(names)s are not assigned to the course “%(course)s”. Assign them "
                        "to the course under Course trainers first, or leave them out.",
                        len(strangers),
                    )
                    % {
                        "names": ", ".join(person_name(t) or t.get_username() for t in strangers),
                        "course": course.title,
                    },
                )
        return cleaned


class DecisionForm(forms.Form):
    """One decision for one or more enrollments of the session's review queue."""

    DECISIONS = [
        (S.CONFIRMED, gettext_lazy("Confirm")),
        (S.WAITLISTED, gettext_lazy("Waitlist")),
        (S.REJECTED, gettext_lazy("Reject")),
    ]

    enrollments = forms.ModelMultipleChoiceField(
        queryset=Enrollment.objects.none(),
        label=gettext_lazy("People"),
        error_messages={"required": gettext_lazy("Select at least one person.")},
    )
    decision = forms.ChoiceField(choices=DECISIONS, label=gettext_lazy("Decision"))
    reason = forms.CharField(
        label=gettext_lazy("Reason for a rejection"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Required to reject; the participant reads it."),
    )

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enrollments"].queryset = Enrollment.objects.filter(
            session=session, status__in=selectors.REVIEWABLE
        ).select_related("participant", "organization")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == S.REJECTED and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Give the participant a reason for the rejection."))
        return cleaned


class QuotaForm(forms.Form):
    """Set, change or (with no number) remove the quota of an organization or a kind."""

    organization = forms.ModelChoiceField(
        queryset=Organization.objects.all(), required=False, label=gettext_lazy("Organization")
    )
    organization_kind = forms.ChoiceField(
        choices=[("", "---------"), *Organization.Kind.choices],
        required=False,
        label=gettext_lazy("or kind of organization"),
    )
    seats = forms.IntegerField(
        min_value=0,
        required=False,
        label=gettext_lazy("Seats"),
        help_text=gettext_lazy("Leave empty to remove the quota."),
    )

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("organization")) == bool(cleaned.get("organization_kind")):
            raise forms.ValidationError(
                _("Choose one organization or one kind of organization, not both.")
            )
        return cleaned


class SessionScreenMixin:
    """The header of an admin screen about one session (``self.session``): its code as
    the subtitle, and breadcrumbs back to it that end with the page's title, under
    Sessions (``trail = "sessions"``, for coordinators' screens) or under Attendance
    (``"attendance"``, for the screens trainers use too: they cannot edit sessions)."""

    trail = "sessions"

    def get_page_subtitle(self):
        return self.session.code

    def get_breadcrumbs_items(self):
        pk = self.session.pk
        if self.trail == "attendance":
            parents = [
                (reverse("course_attendance_index"), _("Attendance")),
                (reverse("course_attendance_sheet", args=[pk]), self.session.code),
            ]
        else:
            parents = [
                (reverse("course_sessions:index"), _("Sessions")),
                (reverse("course_sessions:edit", args=[pk]), self.session.code),
            ]
        return [
            *self.breadcrumbs_items,
            *({"url": url, "label": label} for url, label in parents),
            {"url": "", "label": self.page_title},
        ]


class CoordinatedSessionMixin(SessionScreenMixin):
    """Finds ``self.session`` among the sessions the user coordinates, or answers 404."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.session = get_object_or_404(
            selectors.sessions_for(request.user).select_related("course"), pk=kwargs["pk"]
        )

    @property
    def review_url(self):
        return reverse("course_session_review", args=[self.session.pk])


class ReviewView(CoordinatedSessionMixin, WagtailAdminTemplateMixin, TemplateView):
    """The session's requested and waitlisted people, the decisions, and the balance."""

    template_name = "courses/admin/review.html"
    page_title = gettext_lazy("Review enrollments")
    header_icon = "tasks"

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(
                _("Edit session"),
                url=reverse("course_sessions:edit", args=[self.session.pk]),
                icon_name="edit",
            ),
            HeaderButton(
                _("Roster (CSV)"),
                url=reverse("course_session_roster", args=[self.session.pk, "csv"]),
                icon_name="download",
            ),
            HeaderButton(
                _("Roster (XLSX)"),
                url=reverse("course_session_roster", args=[self.session.pk, "xlsx"]),
                icon_name="download",
            ),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("decision_form", DecisionForm(session=self.session))
        context.setdefault("quota_form", QuotaForm())
        context.update(
            session=self.session,
            queue=selectors.review_queue(self.session),
            balance=selectors.session_balance(self.session),
            decide_url=reverse("course_session_decide", args=[self.session.pk]),
            quota_url=reverse("course_session_quota", args=[self.session.pk]),
        )
        return context


class DecideView(ReviewView):
    """POST only: one decision for the selected people (or for one row's own button).

    Each person is decided in their own transaction, so a refusal for one (no seat left,
    say) is reported for that person while the others are decided.
    """

    http_method_names = ["post"]

    def _form_data(self):
        data = self.request.POST
        row = data.get("row", "")
        if ":" not in row:
            return data
        enrollment_id, decision = row.split(":", 1)
        return {
            "enrollments": [enrollment_id],
            "decision": decision,
            "reason": data.get(f"reason-{enrollment_id}", "") or data.get("reason", ""),
        }

    def post(self, request, *args, **kwargs):
        form = DecisionForm(self._form_data(), session=self.session)
        if not form.is_valid():
            messages.error(request, _("The decision could not be recorded; see below."))
            return self.render_to_response(self.get_context_data(decision_form=form))
        decision = form.cleaned_data["decision"]
        reason = form.cleaned_data["reason"]
        done = 0
        for enrollment in form.cleaned_data["enrollments"]:
            try:
                decide(enrollment=enrollment, decision=decision, by=request.user, reason=reason)
            except EnrollmentError as error:
                messages.error(request, f"{person_name(enrollment.participant)}: {error}")
            else:
                done += 1
        if done:
            messages.success(
                request,
                ngettext(
                    "Decision recorded for %(n)d person.",
                    "Decision recorded for %(n)d people.",
                    done,
                )
                % {"n": done},
            )
        return redirect(self.review_url)


class QuotaView(CoordinatedSessionMixin, View):
    """POST only: set or remove one seat quota through ``services.set_quota``."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = QuotaForm(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect(self.review_url)
        try:
            promoted = set_quota(
                session=self.session,
                seats=form.cleaned_data["seats"],
                by=request.user,
                organization=form.cleaned_data["organization"],
                organization_kind=form.cleaned_data["organization_kind"],
            )
        except EnrollmentError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Quota saved."))
            if promoted:
                messages.success(
                    request,
                    ngettext(
                        "%(n)d person was confirmed from the waitlist.",
                        "%(n)d people were confirmed from the waitlist.",
                        len(promoted),
                    )
                    % {"n": len(promoted)},
                )
        return redirect(self.review_url)


class RosterExportView(CoordinatedSessionMixin, SafeSpreadsheetExportMixin, View):
    """The session's confirmed participants as CSV or XLSX, with Wagtail's export code
    (its CSV cells made safe: names and job titles are what people typed)."""

    http_method_names = ["get"]
    list_export = [
        "name",
        "email",
        "organization",
        "kind",
        "job_title",
        "duty_station",
        "language",
        "gender",
        "status",
        "decided_at",
    ]
    export_headings = {
        "name": gettext_lazy("Name"),
        "email": gettext_lazy("Email"),
        "organization": gettext_lazy("Organization"),
        "kind": gettext_lazy("Kind of organization"),
        "job_title": gettext_lazy("Job title"),
        "duty_station": gettext_lazy("Duty station"),
        "language": gettext_lazy("Preferred language"),
        "gender": gettext_lazy("Gender"),
        "status": gettext_lazy("Status"),
        "decided_at": gettext_lazy("Decided at"),
    }

    def get_filename(self):
        return f"roster-{self.session.code}"

    def to_row_dict(self, item):
        profile = getattr(item.participant, "participant", None)
        return {
            "name": person_name(item.participant),
            "email": item.participant.email,
            "organization": item.organization.name,
            "kind": item.organization.get_kind_display(),
            "job_title": profile.job_title if profile else "",
            "duty_station": profile.duty_station.name if profile else "",
            "language": profile.get_preferred_language_display() if profile else "",
            "gender": (profile.get_gender_display() if profile and profile.gender else ""),
            "status": item.get_status_display(),
            "decided_at": item.decided_at,
        }

    def get(self, request, *args, **kwargs):
        if kwargs["format"] not in self.FORMATS:
            raise Http404
        return self.as_spreadsheet(selectors.roster(self.session), kwargs["format"])
