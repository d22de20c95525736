"""Coordinator screens in the Wagtail admin that are not plain model lists.

The review queue of a session (with its balance panel and seat quotas), the decisions
taken on it, and the roster export. Every view finds its session among those the user
coordinates (``sessions_for``): any other session is a 404, not a 403, so a
coordinator cannot even learn that it exists.
"""

from __future__ import annotations

import re

from django import forms
from django.contrib import messages
from django.http import Http404, QueryDict
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import escape, format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView, View
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets import HeaderButton

from courses.enrollment import applications, clearance
from courses.enrollment.selectors import review_queue, roster, session_balance
from courses.enrollment.services import EnrollmentError, decide, set_quota
from courses.models import (
    REVIEWABLE,
    ApplicationForm,
    ApplicationQuestion,
    Enrollment,
    SupervisorClearance,
)
from courses.screens import SessionScreenMixin, email_confirmation
from courses.spreadsheets import SafeSpreadsheetExportMixin
from participants.models import Organization
from participants.selectors import person_name

QUEUE_PAGE_SIZE = 50
QUEUE_PARAMETER = re.compile(r"q\d+|clearance|p")


class DecisionForm(forms.Form):
    """One decision for one or more enrollments of the session's review queue."""

    DECISIONS = [
        (Enrollment.Status.CONFIRMED, gettext_lazy("Confirm")),
        (Enrollment.Status.WAITLISTED, gettext_lazy("Waitlist")),
        (Enrollment.Status.REJECTED, gettext_lazy("Reject")),
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
            session=session, status__in=REVIEWABLE
        ).select_related("participant", "session", "organization")

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("decision") == Enrollment.Status.REJECTED
            and not (cleaned.get("reason") or "").strip()
        ):
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


class ReviewScreenMixin(SessionScreenMixin):
    """A screen of the review queue: back to it after each action."""

    @property
    def review_url(self):
        return reverse("course_review:review", args=[self.session.pk])

    @property
    def back_url(self):
        """The queue as the coordinator left it: the page and filters posted in
        ``back`` (only those parameters; anything else is dropped)."""
        posted = QueryDict(self.request.POST.get("back", "")[:2000])
        kept = [
            (key, value)
            for key, value in posted.items()
            if QUEUE_PARAMETER.fullmatch(key) and len(value) <= 200
        ]
        return f"{self.review_url}?{urlencode(kept)}" if kept else self.review_url


class ReviewView(ReviewScreenMixin, WagtailAdminTemplateMixin, TemplateView):
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
                url=reverse("course_review:roster", args=[self.session.pk, "csv"]),
                icon_name="download",
            ),
            HeaderButton(
                _("Roster (XLSX)"),
                url=reverse("course_review:roster", args=[self.session.pk, "xlsx"]),
                icon_name="download",
            ),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("decision_form", DecisionForm(session=self.session))
        context.setdefault("quota_form", QuotaForm())
        context.update(self._queue_context())
        return context

    def _queue_context(self) -> dict:
        columns = applications.queue_columns(self.session)
        filters = applications.queue_filters(columns, self.request.GET)
        clearance_state = self.request.GET.get("clearance", "")
        if clearance_state not in {*SupervisorClearance.State.values, "none"}:
            clearance_state = ""
        queue = review_queue(self.session)
        matching = applications.filter_queue(queue, filters, clearance_state)
        paginator = WagtailPaginator(matching, QUEUE_PAGE_SIZE)
        page = paginator.get_page(self.request.GET.get("p"))
        asks_clearance = ApplicationForm.objects.filter(
            session=self.session, requires_clearance=True
        ).exists()
        waive_url = reverse("course_review:waive", args=[self.session.pk])
        rows = applications.with_answers(page.object_list, columns)
        if columns or asks_clearance:
            labels = _cell_labels()
            for enrollment in rows:
                enrollment.application_cell = _application_cell(
                    enrollment,
                    columns=columns,
                    asks_clearance=asks_clearance,
                    waive_url=waive_url,
                    labels=labels,
                )
        return {
            "session": self.session,
            "queue": rows,
            "page_obj": page,
            "paginator": paginator,
            "elided_page_range": paginator.get_elided_page_range(page.number),
            "matching": paginator.count,
            "waiting": paginator.count if queue is matching else queue.count(),
            "columns": columns,
            "filters": filters,
            "clearance_state": clearance_state,
            "clearance_states": [*SupervisorClearance.State.choices, ("none", _("Not asked"))],
            "filtered": bool(clearance_state or any(f["value"] for f in filters)),
            "asks_clearance": asks_clearance,
            "waive_url": waive_url,
            "balance": session_balance(self.session),
            "decide_url": reverse("course_review:decide", args=[self.session.pk]),
            "quota_url": reverse("course_review:quota", args=[self.session.pk]),
        }


def _cell_labels() -> dict[str, str]:
    """What every row's cell repeats, translated once a page (escaped)."""
    return {
        key: escape(label)
        for key, label in {
            "file": _("File"),
            "new_tab": _("(opens in a new tab)"),
            "clearance": _("Supervisor's clearance"),
            "reason": _("Reason:"),
            "waive_more": _("Decide without it…"),
            "waive_reason": _("Reason (kept in the history)"),
            "waive": _("Decide without clearance"),
        }.items()
    }


def _application_cell(enrollment, *, columns, asks_clearance, waive_url, labels) -> str:
    """A row's application cell (the answers the coordinator chose, each under its
    question, then the supervisor's clearance), as HTML built here rather than in the
    template language: 50 rows of a dozen answers and controls each were most of the
    queue's render (``review_queue_500_applicants`` in ``make bench``)."""
    name = escape(enrollment.participant.get_full_name() or enrollment.participant.username)
    parts = ['<td class="concord-queue__application">']
    if columns:
        parts.append('<dl class="concord-answers">')
        for question, answer in enrollment.cells:
            if answer is None:
                shown = "—"
            elif answer.file:
                shown = format_html(
                    '<a href="{}" target="_blank" rel="noopener">{}'
                    '<span class="w-sr-only"> {}</span></a>',
                    reverse("application_file", args=[answer.pk]),
                    answer.file_name or labels["file"],
                    labels["new_tab"],
                )
            else:
                shown = escape(applications.answer_text(answer))
            parts.append(f"<dt>{escape(question.text)}</dt><dd>{shown}</dd>")
        parts.append("</dl>")
    if asks_clearance:
        parts.append(
            '<div class="concord-clearance"><span class="concord-clearance__label">'
            f"{labels['clearance']}</span>"
        )
        found = enrollment.clearance if applications.has_clearance(enrollment) else None
        if found is None:
            parts.append("—")
        else:
            parts.append(
                format_html(
                    '<span class="w-status concord-state concord-state--{}" data-state="{}">'
                    "{}</span><small>{}</small>",
                    applications.CLEARANCE_TONES.get(found.state, "neutral"),
                    found.state,
                    found.get_state_display(),
                    found.supervisor_name or found.supervisor_email,
                )
            )
            if found.comment:
                parts.append(format_html("<small>“{}”</small>", found.comment))
            if found.waive_reason:
                parts.append(
                    format_html("<small>{} {}</small>", labels["reason"], found.waive_reason)
                )
            if found.state in ("pending", "declined"):
                pk = enrollment.pk
                parts.append(
                    format_html(
                        '<details class="concord-disclosure"><summary class="button '
                        'button-small button-secondary">{}<span class="w-sr-only"> {}</span>'
                        '</summary><label for="waive-reason-{}">{}</label><textarea '
                        'name="waive-reason-{}" id="waive-reason-{}" rows="2" '
                        'maxlength="1000"></textarea><button type="submit" name="waive" '
                        'value="{}" formaction="{}" class="button button-small">{}'
                        '<span class="w-sr-only"> {}</span></button></details>',
                        labels["waive_more"],
                        name,
                        pk,
                        labels["waive_reason"],
                        pk,
                        pk,
                        pk,
                        waive_url,
                        labels["waive"],
                        name,
                    )
                )
        parts.append("</div>")
    parts.append("</td>")
    return mark_safe("".join(parts))  # noqa: S308 - every value escaped above


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
        if "row" not in request.POST and request.POST.get("confirm") != "1":
            return self.confirm(form.cleaned_data["enrollments"], decision, reason)
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
        return redirect(self.back_url)

    def confirm(self, enrollments, decision, reason):
        """The bulk form's decision emails everyone selected: first say who, and ask.
        (A row's own button decides one named person: no extra step.)"""
        people = sorted(enrollments, key=lambda e: person_name(e.participant).casefold())
        n = len(people)
        intros = {
            Enrollment.Status.CONFIRMED: _(
                "Each of them gets a seat in this session and an email saying so."
            ),
            Enrollment.Status.WAITLISTED: _(
                "Each of them goes on the waitlist and gets an email saying so."
            ),
            Enrollment.Status.REJECTED: _(
                "Each of them is told by email that their request was not accepted, "
                "with your reason: “%(reason)s”."
            )
            % {"reason": reason},
        }
        labels = {
            Enrollment.Status.CONFIRMED: ngettext(
                "Confirm %(n)d person and email them",
                "Confirm %(n)d people and email them",
                n,
            ),
            Enrollment.Status.WAITLISTED: ngettext(
                "Waitlist %(n)d person and email them",
                "Waitlist %(n)d people and email them",
                n,
            ),
            Enrollment.Status.REJECTED: ngettext(
                "Reject %(n)d person and email them",
                "Reject %(n)d people and email them",
                n,
            ),
        }
        self.template_name = "courses/admin/confirm_emails.html"
        context = self.get_context_data(
            **email_confirmation(
                [person_name(e.participant) for e in people],
                intro=intros[decision],
                hidden=[
                    *(("enrollments", e.pk) for e in people),
                    ("decision", decision),
                    ("reason", reason),
                    ("back", self.request.POST.get("back", "")),
                ],
                action_url=reverse("course_review:decide", args=[self.session.pk]),
                confirm_label=labels[decision] % {"n": n},
                button_class="no" if decision == Enrollment.Status.REJECTED else "",
                cancel_url=self.back_url,
            )
        )
        return self.render_to_response(context)


class WaiveClearanceView(ReviewScreenMixin, View):
    """POST only: decide one application without its supervisor's clearance, with the
    reason (``clearance.waive``, in the audit log). Posted from the queue's form."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        enrollment = Enrollment.objects.filter(
            session=self.session, status__in=REVIEWABLE, pk=_int(request.POST.get("waive"))
        ).first()
        if enrollment is None:
            messages.error(request, _("This application is no longer waiting for a decision."))
            return redirect(self.back_url)
        reason = request.POST.get(f"waive-reason-{enrollment.pk}", "")
        try:
            clearance.waive(enrollment=enrollment, by=request.user, reason=reason)
        except clearance.ClearanceError as error:
            messages.error(request, f"{person_name(enrollment.participant)}: {error}")
        else:
            messages.success(
                request,
                _("%(person)s's application may now be decided without clearance.")
                % {"person": person_name(enrollment.participant)},
            )
        return redirect(self.back_url)


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


class QuotaView(ReviewScreenMixin, View):
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


class RosterExportView(ReviewScreenMixin, SafeSpreadsheetExportMixin, View):
    """The session's confirmed participants as CSV or XLSX, with Wagtail's export code
    (its CSV cells made safe: names and job titles are what people typed)."""

    http_method_names = ["get"]
    export_sheet_title = gettext_lazy("Roster")
    export_title = gettext_lazy("Roster: the session's confirmed participants")
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
            **self.application_cells(item),
        }

    def application_cells(self, item) -> dict:
        by_question = {answer.question_id: answer for answer in item.answers.all()}
        cells = {}
        for question in self.questions:
            answer = by_question.get(question.pk)
            if answer is not None:
                answer.question = question
            cells[f"q{question.pk}"] = applications.answer_text(answer) if answer else ""
        state = ""
        if applications.has_clearance(item):
            state = item.clearance.get_state_display()
        cells["clearance"] = state
        return cells

    def get(self, request, *args, **kwargs):
        if kwargs["format"] not in self.FORMATS:
            raise Http404
        # The application's answers and clearance follow the fixed columns.
        self.questions = list(
            ApplicationQuestion.objects.filter(form__session=self.session).order_by(
                "sort_order", "pk"
            )
        )
        self.list_export = [
            *type(self).list_export,
            *(f"q{question.pk}" for question in self.questions),
            "clearance",
        ]
        self.export_headings = {
            **type(self).export_headings,
            **{f"q{question.pk}": question.text for question in self.questions},
            "clearance": _("Supervisor's clearance"),
        }
        rows = roster(self.session).select_related("clearance").prefetch_related("answers")
        return self.as_spreadsheet(rows, kwargs["format"])


class ReviewViewSet(ViewSet):
    """The review queue of a session and what is done from it, beside the session's own
    screens (URL names ``course_review:…``)."""

    name = "course_review"
    url_prefix = "courses/sessions"

    def get_urlpatterns(self):
        return [
            path("<int:pk>/review/", ReviewView.as_view(), name="review"),
            path("<int:pk>/review/decide/", DecideView.as_view(), name="decide"),
            path("<int:pk>/review/quota/", QuotaView.as_view(), name="quota"),
            path("<int:pk>/review/waive/", WaiveClearanceView.as_view(), name="waive"),
            path("<int:pk>/roster.<str:format>", RosterExportView.as_view(), name="roster"),
        ]
