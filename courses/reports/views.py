"""Attendance and completion reports in the Wagtail admin, and the sheet as a CSV file.

- The session report (charts and their tables) is for the session's coordinators
  (``sessions_for``: every session for a superuser); any other session is a
  404.
- The cross-session report is a Wagtail ``ReportView`` (filters, CSV and XLSX export
  built in) over the sessions the user coordinates; it needs the coordinators' right to
  see sessions.
- The attendance export and import are for whoever takes the session's attendance
  (coordinators and trainers, as the sheet itself); any other session is a 404.

Nothing changes on GET; the import is a POST of a file, all or nothing.
"""

from __future__ import annotations

import datetime
import zoneinfo

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, Table
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets import HeaderButton

from cms.models import CoursePage
from courses.models import Enrollment
from courses.reports import donor
from courses.reports.charts import Bar, bar_chart, histogram, percent
from courses.reports.charts import Column as HistogramColumn
from courses.reports.evaluation import session_context as evaluation_context
from courses.reports.evaluation_views import EvaluationReportView
from courses.reports.selectors import (
    GROUPINGS,
    attendance_summary,
    chooser_courses,
    courses_titled,
    session_report,
)
from courses.screens import SessionScreenMixin
from courses.spreadsheets import SafeSpreadsheetExportMixin
from participants.models import Organization

E = Enrollment.Status


# ---------------------------------------------------------------------- one session


def _meeting_chart(report, tz) -> str:
    bars = []
    for line in report.meetings:
        day = date_format(timezone.localtime(line.meeting.starts_at, tz), "j M")
        label = f"{line.meeting.label} · {day}"
        if line.held:
            text = _("%(rate)s (%(n)d of %(total)d)") % {
                "rate": percent(line.rate),
                "n": line.attended,
                "total": line.roster,
            }
        else:
            text = _("not held yet")
        bars.append(Bar(label, float(line.rate) if line.rate is not None else None, text))
    held = [line for line in report.meetings if line.rate is not None]
    if held:
        low = min(held, key=lambda line: line.rate)
        high = max(held, key=lambda line: line.rate)
        description = _(
            "Share of the roster present or late at each of the %(n)d meetings held: from "
            "%(low)s (%(low_meeting)s) to %(high)s (%(high_meeting)s)."
        ) % {
            "n": len(held),
            "low": percent(low.rate),
            "low_meeting": low.meeting,
            "high": percent(high.rate),
            "high_meeting": high.meeting,
        }
    else:
        description = _("No meeting has been held yet.")
    return bar_chart(
        chart_id="chart-meetings",
        title=_("Attendance rate per meeting"),
        description=description,
        bars=bars,
    )


def _participant_chart(report) -> str:
    bins = [[0, 0] for _i in range(10)]
    uncounted = 0
    for line in report.participants:
        value = line.figures.percent
        if value is None:
            uncounted += 1
            continue
        index = min(9, int(value // 10))
        bins[index][0 if line.figures.attendance_met else 1] += 1
    columns = [
        HistogramColumn(
            f"{10 * i}\N{EN DASH}{10 * i + 9}" if i < 9 else "90\N{EN DASH}100",
            met=met,
            not_met=not_met,
        )
        for i, (met, not_met) in enumerate(bins)
    ]
    minimum = report.session.min_attendance_percent
    met = sum(c.met for c in columns)
    not_met = sum(c.not_met for c in columns)
    description = _(
        "%(met)d participant(s) reached the minimum attendance of %(min)d %%, %(not_met)d did not."
    ) % {"met": met, "min": minimum, "not_met": not_met}
    if uncounted:
        description += " " + _("%(n)d had no meeting counted.") % {"n": uncounted}
    return histogram(
        chart_id="chart-participants",
        title=_("Participants by attendance"),
        description=description,
        columns=columns,
        met_label=_("reached the minimum (%(min)d %%)") % {"min": minimum},
        not_met_label=_("below the minimum"),
        axis_label=_("Attendance by the completion rule (%)"),
    )


def _completion_chart(chart_id, title, groups) -> str:
    bars = [
        Bar(
            group.label,
            float(group.completion_rate) if group.completion_rate is not None else None,
            _("%(n)d of %(total)d · %(rate)s")
            % {"n": group.completed, "total": group.decided, "rate": percent(group.completion_rate)}
            if group.decided
            else _("not evaluated"),
        )
        for group in groups
    ]
    parts = [
        _("%(group)s: %(rate)s") % {"group": g.label, "rate": percent(g.completion_rate)}
        for g in groups
        if g.decided
    ]
    description = (
        _("Completion rate of each group: %(list)s.") % {"list": "; ".join(parts)}
        if parts
        else _("Completion has not been evaluated yet.")
    )
    return bar_chart(chart_id=chart_id, title=title, description=description, bars=bars)


class SessionReportView(SessionScreenMixin, WagtailAdminTemplateMixin, TemplateView):
    """Attendance per meeting and per participant, completion, and the balance of the
    completers, each as a chart with its table."""

    template_name = "courses/admin/session_report.html"
    page_title = gettext_lazy("Report")
    header_icon = "table"

    @cached_property
    def header_buttons(self):
        pk = self.session.pk
        return [
            HeaderButton(
                _("Attendance sheet"),
                url=reverse("course_attendance:sheet", args=[pk]),
                icon_name="table",
            ),
            HeaderButton(
                _("Completion"),
                url=reverse("course_attendance:completion", args=[pk]),
                icon_name="check",
            ),
            HeaderButton(
                _("Export attendance (CSV)"),
                url=reverse("course_attendance:export", args=[pk]),
                icon_name="download",
            ),
            HeaderButton(
                _("Import attendance"),
                url=reverse("course_attendance:import", args=[pk]),
                icon_name="upload",
            ),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = session_report(self.session)
        tz = zoneinfo.ZoneInfo(self.session.timezone)
        context.update(
            session=self.session,
            report=report,
            meeting_chart=_meeting_chart(report, tz),
            participant_chart=_participant_chart(report),
            balance=[
                (
                    "organization",
                    _("Completers by organization"),
                    report.by_organization,
                    _completion_chart(
                        "chart-organization",
                        _("Completion rate by organization"),
                        report.by_organization,
                    ),
                ),
                (
                    "kind",
                    _("Completers by kind of organization"),
                    report.by_kind,
                    _completion_chart(
                        "chart-kind", _("Completion rate by kind of organization"), report.by_kind
                    ),
                ),
                (
                    "gender",
                    _("Completers by gender"),
                    report.by_gender,
                    _completion_chart(
                        "chart-gender", _("Completion rate by gender"), report.by_gender
                    ),
                ),
            ],
            **evaluation_context(self.session),
            donor_summary=donor.summary_of(self.session),
        )
        return context


class DonorSummaryRequestView(SessionScreenMixin, View):
    """POST: prepare the session's one-page donor summary (again); the worker renders it."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            donor.request_donor_summary(session=self.session, by=request.user)
        except donor.DonorSummaryRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                _("The donor summary is being prepared: reload this page in a moment."),
            )
        return redirect(reverse("course_session_report:index", args=[self.session.pk]) + "#donor")


def donor_summary_download(request, pk):
    """The PDF, to the session's coordinators and superusers only (anyone else: 404)."""
    summary = donor.summary_for(request.user, pk)
    if summary is None:
        raise Http404
    try:
        handle = summary.pdf.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    return FileResponse(
        handle,
        as_attachment=True,
        filename=f"donor-summary-{summary.session.code}.pdf",
        content_type="application/pdf",
    )


# ---------------------------------------------------------------------- across sessions


class CourseChooser(forms.Widget):
    """Search-as-you-type for one course: a text box that lists the matching courses
    (``course_chooser.js`` over the ``course_reports:courses`` JSON endpoint) and a
    hidden input with the chosen course's id. A select of every course weighed 390 kB
    on a 5,000-course catalogue. Only the chosen course's title is read here, among the
    courses ``queryset`` allows."""

    def __init__(self, *args, queryset=None, source_url="", **kwargs):
        super().__init__(*args, **kwargs)
        self.queryset = queryset
        self.source_url = source_url

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        widget_id = attrs.get("id", f"id_{name}")
        title = ""
        # A page id is a bigint: longer digit strings (hostile or mistyped) choose nothing.
        if value not in (None, "") and _page_id(value) and self.queryset is not None:
            title = self.queryset.filter(pk=value).values_list("title", flat=True).first() or ""
            if not title:
                value = ""
        return format_html(
            '<div class="course-chooser" data-course-chooser data-source="{url}"'
            ' data-none="{none}" data-more="{more}">'
            '<input type="hidden" name="{name}" value="{value}" data-chooser-value>'
            '<input type="text" id="{id}" value="{title}" autocomplete="off" role="combobox"'
            ' aria-autocomplete="list" aria-expanded="false" aria-controls="{id}-options"'
            ' placeholder="{placeholder}" data-chooser-text>'
            '<ul id="{id}-options" role="listbox" class="course-chooser__options" hidden></ul>'
            '<p class="course-chooser__status" aria-live="polite" data-chooser-status></p>'
            "</div>",
            url=self.source_url,
            name=name,
            value=value or "",
            id=widget_id,
            title=title,
            placeholder=_("Type part of a course title"),
            none=_("No course matches."),
            more=_("More courses match: type more of the title."),
        )

    def value_from_datadict(self, data, files, name):
        return data.get(name)


def _page_id(value) -> int | None:
    text = str(value)
    if text.isascii() and text.isdigit() and len(text) <= 18:
        return int(text)
    return None


MAX_CHOICES = 20


def course_choices(request):
    """JSON: up to MAX_CHOICES courses of the user's sessions whose title has ``q`` in it
    (accents and case aside), for the course chooser. The report's right is needed."""
    if not request.user.has_perm("courses.view_coursesession"):
        raise PermissionDenied
    text = request.GET.get("q", "").strip()[:100]
    found = courses_titled(request.user, text, limit=MAX_CHOICES + 1)
    return JsonResponse(
        {
            "results": [{"id": pk, "title": title} for pk, title in found[:MAX_CHOICES]],
            "more": len(found) > MAX_CHOICES,
        }
    )


class ReportFilterSet(WagtailFilterSet):
    starts_on = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("First day of the session"), widget=DateRangePickerWidget
    )
    # A chooser, not a select: the choices are looked up as one types (``course_choices``).
    course = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Course"),
        field_name="session__course",
        queryset=CoursePage.objects.none(),
        widget=CourseChooser,
    )
    organization = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Organization"),
        queryset=Organization.objects.order_by("acronym"),
    )

    class Meta:
        model = Enrollment
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        courses = chooser_courses(self.request.user).only("pk", "title")
        self.filters["course"].queryset = courses
        widget = self.form.fields["course"].widget
        widget.queryset = courses
        widget.source_url = reverse("course_reports:courses")


class SummaryTable(Table):
    """Wagtail's table (sortable headers) with its rows written by one template; each
    rate has a small bar beside its text (hidden from screen readers: the text says it
    all)."""

    template_name = "courses/admin/summary_table.html"


class AttendanceReportView(SafeSpreadsheetExportMixin, ReportView):
    """Enrollments, attendance and completion across the user's sessions, grouped by
    course, organization, kind, gender or year (``?by=``), filtered by dates, course and
    organization; CSV and XLSX export of the rows and the total."""

    template_name = "courses/admin/attendance_report.html"
    results_template_name = "courses/admin/attendance_report_results.html"
    page_title = gettext_lazy("Attendance and completion")
    header_icon = "table"
    filterset_class = ReportFilterSet
    index_url_name = "course_reports:attendance"
    index_results_url_name = "course_reports:attendance_results"
    paginate_by = 50
    default_ordering = "position"
    table_class = SummaryTable
    export_sheet_title = gettext_lazy("Attendance")
    export_title = gettext_lazy("Attendance and completion across sessions")

    list_export = [
        "label",
        "sessions",
        "enrollments",
        "roster",
        "expected",
        "attended",
        "excused",
        "attendance_rate",
        "completed",
        "not_completed",
        "completion_rate",
    ]
    export_headings = {
        "sessions": gettext_lazy("Sessions"),
        "enrollments": gettext_lazy("Enrollments"),
        "roster": gettext_lazy("Seats held"),
        "expected": gettext_lazy("Attendances expected"),
        "attended": gettext_lazy("Present or late"),
        "excused": gettext_lazy("Excused"),
        "attendance_rate": gettext_lazy("Attendance rate (%)"),
        "completed": gettext_lazy("Completed"),
        "not_completed": gettext_lazy("Not completed"),
        "completion_rate": gettext_lazy("Completion rate (%)"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("courses.view_coursesession"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def grouping(self):
        return GROUPINGS.get(self.request.GET.get("by"), GROUPINGS["course"])

    @cached_property
    def columns(self):
        return [
            Column("label", label=self.grouping.verbose_name, sort_key="label"),
            Column("sessions", label=_("Sessions"), sort_key="sessions"),
            Column("enrollments", label=_("Enrollments"), sort_key="enrollments"),
            Column("roster", label=_("Seats held"), sort_key="roster"),
            Column("attendance_rate", label=_("Attendance rate"), sort_key="attendance_rate"),
            Column("completed", label=_("Completed"), sort_key="completed"),
            Column("completion_rate", label=_("Completion rate"), sort_key="completion_rate"),
        ]

    def get_table_kwargs(self):
        kwargs = super().get_table_kwargs()
        kwargs["caption"] = _("Figures by %(grouping)s") % {
            "grouping": str(self.grouping.verbose_name).lower()
        }
        return kwargs

    def get_valid_orderings(self):
        return ["position", *super().get_valid_orderings()]

    @cached_property
    def summary(self):
        data = {}
        if self.filters and self.filters.is_valid():
            data = self.filters.form.cleaned_data
        dates = data.get("starts_on")
        return attendance_summary(
            user=self.request.user,
            by=self.grouping.name,
            starts_from=dates.start if dates else None,
            starts_until=dates.stop if dates else None,
            course=data.get("course") or None,
            organization=data.get("organization"),
            ordering=self.ordering or "position",
        )

    def get_filtered_queryset(self):
        # Sorted and cut to the page shown by the database (``SummaryRows``): the page
        # asked for is read with the number of rows and the totals in one statement.
        rows = self.summary.rows
        try:
            number = max(1, int(self.request.GET.get(self.page_kwarg, 1)))
        except ValueError:
            number = 1
        if not self.is_export:
            rows.expect((number - 1) * self.paginate_by, self.paginate_by)
        return rows

    def export_about_extra(self):
        return [(_("Grouped by"), str(self.grouping.verbose_name))]

    def get_filename(self):
        return f"attendance-report-{self.grouping.name}-{datetime.date.today():%Y-%m-%d}"

    def get_heading(self, queryset, field):
        if field == "label":
            return str(self.grouping.verbose_name)
        return super().get_heading(queryset, field)

    def get(self, request, *args, **kwargs):
        if self.is_export:
            # Every row and the total, without building the page around them.
            rows = [*self.get_filtered_queryset(), self.summary.total]
            return self.as_spreadsheet(rows, request.GET.get("export"))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        query = self.request.GET.copy()
        for name in ("p", "ordering", "export", "_w_filter_fragment"):
            query.pop(name, None)
        links = []
        for grouping in GROUPINGS.values():
            query["by"] = grouping.name
            links.append((grouping, f"{self.index_url}?{query.urlencode()}"))
        context.update(
            summary=self.summary,
            total=self.summary.total,
            groupings=links,
            current_grouping=self.grouping,
        )
        return context


class SessionReportViewSet(ViewSet):
    """One session's report, beside its other screens (``course_session_report:index``)."""

    name = "course_session_report"
    url_prefix = "courses/sessions"

    def get_urlpatterns(self):
        return [
            path("<int:pk>/report/", SessionReportView.as_view(), name="index"),
            path(
                "<int:pk>/report/donor-summary/",
                DonorSummaryRequestView.as_view(),
                name="donor_summary",
            ),
            path(
                "<int:pk>/report/donor-summary.pdf",
                donor_summary_download,
                name="donor_summary_pdf",
            ),
        ]


class ReportsViewSet(ViewSet):
    """The figures across sessions, in Wagtail's Reports menu (``course_reports:…``)."""

    name = "course_reports"
    url_prefix = "reports"

    def get_urlpatterns(self):
        return [
            path("attendance-and-completion/", AttendanceReportView.as_view(), name="attendance"),
            path(
                "attendance-and-completion/results/",
                AttendanceReportView.as_view(results_only=True),
                name="attendance_results",
            ),
            path("attendance-and-completion/courses/", course_choices, name="courses"),
            path("evaluation/", EvaluationReportView.as_view(), name="evaluation"),
            path(
                "evaluation/results/",
                EvaluationReportView.as_view(results_only=True),
                name="evaluation_results",
            ),
        ]
