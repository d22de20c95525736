"""The cross-session evaluation report: satisfaction and learning gain by course, year,
organization, kind of organization or gender (``?by=``), with CSV and XLSX export.

Over the sessions the user coordinates (every session for a superuser); groups below
five respondents or people show no figure."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from courses.access import sessions_for
from courses.reports.evaluation import GROUPS, SESSION_GROUPS, cross_session
from courses.spreadsheets import SafeSpreadsheetExportMixin


class EvaluationReportView(SafeSpreadsheetExportMixin, ReportView):
    template_name = "courses/evaluation/admin/cross_report.html"
    results_template_name = "courses/evaluation/admin/cross_report_results.html"
    page_title = gettext_lazy("Satisfaction and learning gain")
    header_icon = "form"
    index_url_name = "course_reports:evaluation"
    index_results_url_name = "course_reports:evaluation_results"
    paginate_by = 100
    list_export = ["group", "respondents", "satisfaction", "agreeing", "people", "gain"]
    export_headings = {
        "group": gettext_lazy("Group"),
        "respondents": gettext_lazy("Evaluations submitted"),
        "satisfaction": gettext_lazy("Mean rating (1-5)"),
        "agreeing": gettext_lazy("Ratings of 4 or 5 (%)"),
        "people": gettext_lazy("People with both knowledge checks"),
        "gain": gettext_lazy("Mean learning gain (points)"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("courses.view_coursesession"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def grouping(self) -> str:
        by = self.request.GET.get("by")
        return by if by in GROUPS else "course"

    @cached_property
    def columns(self):
        return [
            Column("group", label=str(GROUPS[self.grouping])),
            Column("respondents", label=_("Evaluations submitted")),
            Column("satisfaction", label=_("Mean rating (1-5)")),
            Column("agreeing", label=_("Ratings of 4 or 5 (%)")),
            Column("people", label=_("People with both knowledge checks")),
            Column("gain", label=_("Mean learning gain (points)")),
        ]

    def get_filtered_queryset(self):
        return cross_session(sessions_for(self.request.user), self.grouping)

    def get_filename(self):
        return f"evaluation-report-{self.grouping}-{datetime.date.today():%Y-%m-%d}"

    def get(self, request, *args, **kwargs):
        if self.is_export:
            return self.as_spreadsheet(self.get_filtered_queryset(), request.GET.get("export"))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context.update(
            groupings=[(key, label, f"?by={key}") for key, label in GROUPS.items()],
            current=self.grouping,
            anonymous_grouping=self.grouping not in SESSION_GROUPS,
        )
        return context
