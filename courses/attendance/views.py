"""Attendance and completion in the Wagtail admin.

The attendance sheet, "mark all present" and the check-in screen are for a session's
coordinators and trainers (``attendance_sessions_for``); completion (evaluate,
override) is for its coordinators (``sessions_for``). Any other session or
meeting answers 404. Views parse the form, call one service, turn a refusal into a
message and redirect; nothing changes on GET.
"""

from __future__ import annotations

import zoneinfo

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import ButtonsColumnMixin, Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets import HeaderButton, ListingButton

from courses.access import ATTEND
from courses.attendance.imports import LIMITS, ImportRefused, import_attendance
from courses.attendance.selectors import (
    attendance_export,
    attendance_index,
    attendance_sheet,
    checked_in_count,
    completion_overview,
    meeting_column,
)
from courses.attendance.services import (
    AttendanceError,
    CellChange,
    NotAllowed,
    check_in_open,
    current_check_in,
    evaluate_completion,
    mark_all_present,
    override_completion,
    record_attendance,
)
from courses.enrollment.selectors import roster
from courses.models import Attendance, CourseSession, Meeting
from courses.screens import SessionScreenMixin
from courses.sessions.viewsets import DatesColumn
from courses.spreadsheets import csv_text
from participants.privacy import record_personal_data_download
from participants.selectors import person_name

S = Attendance.Status
MARKS = [("", gettext_lazy("Not marked")), *S.choices]


class AttendanceSessionMixin(SessionScreenMixin):
    """A screen for the session's coordinators and trainers. Its session is read when
    first used: a save leaves the check to the service, which makes it in the query that
    locks the session (one query less on the path that must stay fast)."""

    session_scope = ATTEND
    find_on_setup = False
    trail = "attendance"


# ---------------------------------------------------------------------- index


class SessionTitleColumn(ButtonsColumnMixin, TitleColumn):
    """The session's code, a link to its sheet, with its screens as buttons: the sheet,
    and completion for those who run the session (``runs``, from the selector)."""

    def get_buttons(self, instance, parent_context):
        buttons = [
            ListingButton(
                _("Attendance sheet"),
                url=reverse("course_attendance:sheet", args=[instance.pk]),
                icon_name="table",
                attrs={"aria-label": _("Attendance sheet of %(code)s") % {"code": instance.code}},
                priority=10,
            )
        ]
        if instance.runs:
            buttons.append(
                ListingButton(
                    _("Completion"),
                    url=reverse("course_attendance:completion", args=[instance.pk]),
                    icon_name="check",
                    attrs={"aria-label": _("Completion of %(code)s") % {"code": instance.code}},
                    priority=20,
                )
            )
        return buttons


class AttendanceIndexView(generic.IndexView):
    """The sessions the user takes attendance for, latest first: Wagtail's listing, so
    it pages, searches (code, course) and sorts (code, dates, people, sittings)."""

    model = CourseSession
    # Not the model's permissions (trainers have none on sessions): the list is the
    # user's attendance scope, as the sheet's own lookup is.
    any_permission_required = None
    page_title = gettext_lazy("Attendance")
    header_icon = "table"
    paginate_by = 50
    search_fields = ["code", "course__title"]
    default_ordering = "-starts_on"
    index_url_name = "course_attendance:index"
    index_results_url_name = "course_attendance:index_results"
    columns = [
        SessionTitleColumn(
            "code",
            label=gettext_lazy("Session"),
            sort_key="code",
            url_name="course_attendance:sheet",
        ),
        Column("course", label=gettext_lazy("Course"), accessor="course.title"),
        DatesColumn("dates", label=gettext_lazy("Dates"), sort_key="starts_on"),
        Column("status", label=gettext_lazy("Status"), accessor="get_status_display"),
        Column("roster_count", label=gettext_lazy("Participants"), sort_key="roster_count"),
        Column("meeting_count", label=gettext_lazy("Meetings"), sort_key="meeting_count"),
    ]

    def get_base_queryset(self):
        # The scope: only the sessions the user takes attendance for (access.py).
        return attendance_index(self.request.user)


# ---------------------------------------------------------------------- the sheet


def _cell_name(enrollment_id, meeting_id):
    return f"c-{enrollment_id}-{meeting_id}"


def _options(selected: str) -> str:
    return "".join(
        f'<option value="{value}"{" selected" if value == selected else ""}>'
        f"{escape(label)}</option>"
        for value, label in MARKS
    )


class SheetForm:
    """The posted sheet: a mark per cell (``c-<enrollment>-<meeting>``), in meeting mode a
    note too (``n-…``, with its loaded value in ``on-…``), and ``loaded``: each marked
    cell's version and mark when the page was loaded (``e.m.version.mark``, comma-
    separated). Only cells the person changed become ``CellChange``s."""

    def __init__(self, data):
        # A plain dict of last values: a 200-by-10 sheet posts 2,000 fields.
        self.data = data.dict() if hasattr(data, "dict") else dict(data)

    def loaded(self) -> dict[str, tuple[str, str]]:
        """``"<enrollment>-<meeting>"`` → (version, mark) as loaded, both as posted."""
        cells = {}
        for item in self.data.get("loaded", "").split(","):
            parts = item.split(".")
            if len(parts) == 4:
                cells[f"{parts[0]}-{parts[1]}"] = (parts[2], parts[3])
        return cells

    def changes(self) -> list[CellChange]:
        loaded = self.loaded()
        data = self.data
        changes = []
        for name, value in data.items():
            if not name.startswith("c-"):
                continue
            cell = name[2:]
            version, was = loaded.get(cell, ("0", ""))
            note = data.get(f"n-{cell}")
            note_changed = note is not None and note.strip() != data.get(f"on-{cell}", "")
            if value == was and not note_changed:
                continue
            try:
                enrollment_id, meeting_id = (int(part) for part in cell.split("-"))
                loaded_version = int(version)
            except ValueError:
                continue  # not a cell this page made: ignored
            changes.append(
                CellChange(
                    enrollment_id=enrollment_id,
                    meeting_id=meeting_id,
                    status=value,
                    note=note.strip() if note is not None else None,
                    loaded_version=loaded_version,
                )
            )
        return changes


class AttendanceSheetView(AttendanceSessionMixin, WagtailAdminTemplateMixin, TemplateView):
    """The whole sheet (a select per cell) or, with ``?meeting=<id>``, one meeting (radio
    buttons and a note per person: the tablet view). One POST saves every change."""

    template_name = "courses/admin/attendance_sheet.html"
    page_title = gettext_lazy("Attendance")
    header_icon = "table"
    conflicts = ()

    def get_breadcrumbs_items(self):
        # The sheet heads the attendance trail: the code is its last crumb.
        return [
            *self.breadcrumbs_items,
            {"url": reverse("course_attendance:index"), "label": _("Attendance")},
            {"url": "", "label": self.session.code},
        ]

    @cached_property
    def header_buttons(self):
        buttons = []
        if self.runs_session:
            buttons.append(
                HeaderButton(
                    _("Completion"),
                    url=reverse("course_attendance:completion", args=[self.session.pk]),
                    icon_name="check",
                )
            )
        return buttons

    @cached_property
    def meetings(self) -> list[Meeting]:
        return list(
            Meeting.objects.filter(session=self.session).numbered().order_by("starts_at", "pk")
        )

    @cached_property
    def focus(self) -> Meeting | None:
        wanted = self.request.GET.get("meeting") or self.request.POST.get("meeting")
        if not wanted:
            return None
        for meeting in self.meetings:
            if str(meeting.pk) == wanted:
                return meeting
        raise Http404

    @property
    def sheet_url(self):
        url = reverse("course_attendance:sheet", args=[self.kwargs["pk"]])
        return f"{url}?meeting={self.focus.pk}" if self.focus else url

    def _grid_rows(self, sheet, conflicts):
        """The cells as HTML built here rather than in the template language: a 200-by-10
        sheet has 2,000 selects, and this keeps its render a few milliseconds."""
        options = {value: _options(value) for value, _label in MARKS}
        meeting_ids = [m.pk for m in sheet.meetings]
        rows = []
        for row in sheet.rows:
            e = row.enrollment.pk
            cells = []
            for meeting_id, cell in zip(meeting_ids, row.cells, strict=True):
                status = cell.status if cell else ""
                clash = (e, meeting_id) in conflicts
                note = (
                    f'<span class="att-note" title="{escape(cell.note)}">'
                    f'<span class="w-sr-only">{escape(_("Note:"))} {escape(cell.note)}</span>'
                    "</span>"
                    if cell and cell.note
                    else ""
                )
                cells.append(
                    f'<td class="att-cell{" att-cell--conflict" if clash else ""}">'
                    f'<select name="c-{e}-{meeting_id}" id="c-{e}-{meeting_id}" '
                    f'aria-labelledby="p-{e} m-{meeting_id}" data-status="{status}">'
                    f"{options[status]}</select>{note}</td>"
                )
            rows.append((row, mark_safe("".join(cells))))  # noqa: S308 - escaped above
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meetings = [self.focus] if self.focus else self.meetings
        sheet = attendance_sheet(self.session, meetings=meetings)
        conflicts = {(c.enrollment_id, c.meeting_id) for c in self.conflicts}
        now = timezone.now()
        context.update(
            session=self.session,
            sheet=sheet,
            focus=self.focus,
            meetings=self.meetings,
            marks=MARKS,
            conflicts=conflicts,
            sheet_url=self.sheet_url,
            full_url=reverse("course_attendance:sheet", args=[self.session.pk]),
            open_now=[m for m in self.meetings if check_in_open(m, now)],
        )
        if self.focus:
            context["focus_rows"] = [
                (row, row.cells[0], (row.enrollment.pk, self.focus.pk) in conflicts)
                for row in sheet.rows
            ]
        else:
            context["grid_rows"] = self._grid_rows(sheet, conflicts)
        return context

    def post(self, request, *args, **kwargs):
        form = SheetForm(request.POST)
        try:
            result = record_attendance(
                session=CourseSession(pk=self.kwargs["pk"]),
                by=request.user,
                changes=form.changes(),
            )
            marked = 0
            if request.POST.get("mark_all"):
                meeting = next(
                    (m for m in self.meetings if str(m.pk) == request.POST["mark_all"]), None
                )
                if meeting is None:
                    raise Http404
                marked = mark_all_present(meeting=meeting, by=request.user)
        except NotAllowed as error:
            raise Http404 from error
        except AttendanceError as error:
            messages.error(request, str(error))
            return redirect(self.sheet_url)
        saved = result.saved + marked
        if saved:
            messages.success(
                request,
                ngettext("%(n)d mark saved.", "%(n)d marks saved.", saved) % {"n": saved},
            )
        elif not result.conflicts:
            messages.info(request, _("Nothing had changed."))
        if result.conflicts:
            for conflict in result.conflicts:
                messages.error(request, conflict.message)
            self.conflicts = result.conflicts
            # Shown again with everyone's current marks, the clashing cells outlined.
            return self.render_to_response(self.get_context_data())
        return redirect(self.sheet_url)


# ---------------------------------------------------------------------- check-in


def _qr_svg(url: str, title: str) -> str:
    return segno.make(url, error="m").svg_inline(
        scale=8, border=2, title=title, svgclass="checkin-qr__svg", lineclass=None, omitsize=True
    )


def _check_in_payload(request, meeting: Meeting) -> dict:
    shown = current_check_in(meeting=meeting)
    url = f"{settings.SITE_URL.rstrip('/')}{reverse('check_in')}?{urlencode({'t': shown.token})}"
    seconds = max(1, int((shown.expires_at - timezone.now()).total_seconds()) + 1)
    return {
        "code": shown.display_code,
        "url": url,
        "svg": _qr_svg(url, _("QR code to check in")),
        "expires_in": seconds,
        "open": check_in_open(meeting, timezone.now()),
    }


class MeetingMixin(SessionScreenMixin):
    """Finds ``self.meeting`` (and its ``self.session``) among the meetings of the
    sessions the user takes attendance for, or answers 404."""

    session_scope = ATTEND
    trail = "attendance"

    @cached_property
    def meeting(self) -> Meeting:
        return get_object_or_404(
            self.scoped(Meeting, "session").select_related("session__course"),
            pk=self.kwargs["pk"],
        )

    @cached_property
    def session(self) -> CourseSession:
        return self.meeting.session


class CheckInScreenView(MeetingMixin, WagtailAdminTemplateMixin, TemplateView):
    """The screen to show in the room: a QR code and a short code, new every minute (a
    small script asks for the next one; without it, the page reloads itself)."""

    template_name = "courses/admin/check_in.html"
    page_title = gettext_lazy("Check-in")
    header_icon = "mobile-alt"

    def get_page_subtitle(self):
        return str(self.meeting)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        payload = _check_in_payload(self.request, self.meeting)
        context.update(
            meeting=self.meeting,
            session=self.session,
            check_in=payload,
            qr_svg=mark_safe(payload["svg"]),  # noqa: S308 - segno's own markup
            code_url=reverse("course_attendance:check_in_code", args=[self.meeting.pk]),
            participant_url=settings.SITE_URL.rstrip("/") + reverse("check_in"),
            checked_in=checked_in_count(self.meeting),
            roster=roster(self.session).count(),
        )
        return context


class CheckInProjectorView(CheckInScreenView):
    """The check-in screen for a projector: the whole screen for the code, the QR code,
    the sitting and the live count, without the admin around it. Same access rules."""

    template_name = "courses/admin/check_in_projector.html"


class CheckInCodeView(MeetingMixin, View):
    """The current code as JSON, for the check-in screen's script."""

    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        payload = _check_in_payload(request, self.meeting)
        payload["checked_in"] = checked_in_count(self.meeting)
        response = JsonResponse(payload)
        response["Cache-Control"] = "no-store"
        return response


# ---------------------------------------------------------------------- completion


class OverrideForm(forms.Form):
    DECISIONS = [
        ("completed", gettext_lazy("Completed")),
        ("not_completed", gettext_lazy("Not completed")),
        ("clear", gettext_lazy("Back to the rule's decision")),
    ]
    decision = forms.ChoiceField(choices=DECISIONS, label=gettext_lazy("Decision"))
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") != "clear" and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Say why you override the rule's decision."))
        return cleaned


class CompletionSessionMixin(SessionScreenMixin):
    trail = "attendance"  # completion is decided from the sheet

    @property
    def completion_url(self):
        return reverse("course_attendance:completion", args=[self.session.pk])


class CompletionView(CompletionSessionMixin, WagtailAdminTemplateMixin, TemplateView):
    """The rule, each person's figures now and the decision taken, with the evaluate
    button and an override form per person."""

    template_name = "courses/admin/completion.html"
    page_title = gettext_lazy("Completion")
    header_icon = "check"

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(
                _("Attendance sheet"),
                url=reverse("course_attendance:sheet", args=[self.session.pk]),
                icon_name="table",
            ),
            HeaderButton(
                _("Edit the rule"),
                url=reverse("course_sessions:edit", args=[self.session.pk]),
                icon_name="edit",
            ),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        overview = completion_overview(self.session)
        rows = [
            (e, overview.figures[e.pk], OverrideForm(prefix=f"o{e.pk}"))
            for e in overview.enrollments
        ]
        errors = kwargs.get("override_errors")
        if errors:
            rows = [(e, f, errors[1] if e.pk == errors[0] else form) for e, f, form in rows]
        context.update(
            session=self.session,
            rows=rows,
            evaluated=overview.evaluated,
            last_evaluated=overview.last_evaluated,
            completed=overview.completed,
            not_completed=overview.not_completed,
            stale=overview.stale,
            ahead=overview.ahead,
            evaluate_url=reverse("course_attendance:evaluate", args=[self.session.pk]),
        )
        return context


class EvaluateView(CompletionSessionMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            result = evaluate_completion(session=self.session, by=request.user)
        except AttendanceError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _(
                    "Completion evaluated: %(completed)d completed, %(not_completed)d not "
                    "completed, %(changed)d decision(s) changed."
                )
                % {
                    "completed": result.completed,
                    "not_completed": result.not_completed,
                    "changed": result.changed,
                },
            )
        return redirect(self.completion_url)


class OverrideView(CompletionView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        enrollment = get_object_or_404(roster(self.session), pk=kwargs["enrollment_pk"])
        form = OverrideForm(request.POST, prefix=f"o{enrollment.pk}")
        if not form.is_valid():
            messages.error(
                request,
                _("%(person)s: the override was not saved; see below.")
                % {"person": person_name(enrollment.participant)},
            )
            return self.render_to_response(
                self.get_context_data(override_errors=(enrollment.pk, form))
            )
        decision = form.cleaned_data["decision"]
        try:
            override_completion(
                enrollment=enrollment,
                completed=None if decision == "clear" else decision == "completed",
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except AttendanceError as error:
            messages.error(request, f"{person_name(enrollment.participant)}: {error}")
        else:
            messages.success(
                request,
                _("Decision saved for %(person)s.")
                % {"person": person_name(enrollment.participant)},
            )
        return redirect(self.completion_url)


# ---------------------------------------------------------------------- export and import


class AttendanceExportView(AttendanceSessionMixin, View):
    """The session's attendance sheet as a CSV file (UTF-8 with a byte-order mark)."""

    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        text = csv_text(attendance_export(self.session))
        record_personal_data_download(request, what="attendance CSV", about=self.session)
        response = HttpResponse(text.encode("utf-8"), content_type="text/csv; charset=utf-8")
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = (
            f'attachment; filename="attendance-{self.session.code}-{stamp}.csv"'
        )
        return response


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "The file exported from this page or the sheet, filled in: UTF-8, at most 1 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > LIMITS.max_bytes:
            raise forms.ValidationError(
                _("The file is too large: %(size)d KB, at most %(max)d KB.")
                % {"size": upload.size // 1000, "max": LIMITS.max_bytes // 1000}
            )
        return upload


class AttendanceImportView(AttendanceSessionMixin, WagtailAdminTemplateMixin, FormView):
    """Upload a filled-in sheet: every row is checked, and either every mark is saved or
    none, with the problems listed by row and column."""

    template_name = "courses/admin/attendance_import.html"
    form_class = ImportForm
    page_title = gettext_lazy("Import attendance")
    header_icon = "upload"
    errors = ()
    trail = "attendance"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tz = zoneinfo.ZoneInfo(self.session.timezone)
        first = self.session.meetings.numbered().order_by("starts_at", "pk").first()
        context.update(
            session=self.session,
            import_errors=self.errors,
            export_url=reverse("course_attendance:export", args=[self.session.pk]),
            sheet_url=reverse("course_attendance:sheet", args=[self.session.pk]),
            example_meeting=meeting_column(first, tz) if first else "2027-03-01 09:00",
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data["file"].read(LIMITS.max_bytes + 1)
        try:
            result = import_attendance(session=self.session, by=self.request.user, data=data)
        except ImportRefused as refusal:
            messages.error(self.request, str(refusal))
            self.errors = refusal.errors
            return self.render_to_response(self.get_context_data(form=form))
        except AttendanceError as error:
            messages.error(self.request, str(error))
            return self.render_to_response(self.get_context_data(form=form))
        if result.saved:
            messages.success(
                self.request,
                ngettext("%(n)d mark imported.", "%(n)d marks imported.", result.saved)
                % {"n": result.saved},
            )
        else:
            messages.info(self.request, _("The file changes nothing: its marks are all there."))
        return redirect("course_attendance:sheet", self.session.pk)


class AttendanceMenuItem(MenuItem):
    """For coordinators and trainers: the sessions they take attendance for."""

    def is_shown(self, request):
        return request.user.has_perm("courses.change_attendance")


class AttendanceViewSet(ViewSet):
    """Attendance, check-in and completion screens, and the sheet's CSV file in and out
    (URL names ``course_attendance:…``); its index is the menu's Attendance item."""

    name = "course_attendance"
    url_prefix = "courses"
    icon = "table"
    menu_label = gettext_lazy("Attendance")
    menu_order = 400
    menu_item_class = AttendanceMenuItem

    def get_urlpatterns(self):
        return [
            path("attendance/", AttendanceIndexView.as_view(), name="index"),
            path(
                "attendance/results/",
                AttendanceIndexView.as_view(results_only=True),
                name="index_results",
            ),
            path("sessions/<int:pk>/attendance/", AttendanceSheetView.as_view(), name="sheet"),
            path("meetings/<int:pk>/check-in/", CheckInScreenView.as_view(), name="check_in"),
            path(
                "meetings/<int:pk>/check-in/projector/",
                CheckInProjectorView.as_view(),
                name="check_in_projector",
            ),
            path(
                "meetings/<int:pk>/check-in/code.json",
                CheckInCodeView.as_view(),
                name="check_in_code",
            ),
            path("sessions/<int:pk>/completion/", CompletionView.as_view(), name="completion"),
            path("sessions/<int:pk>/completion/evaluate/", EvaluateView.as_view(), name="evaluate"),
            path(
                "sessions/<int:pk>/completion/<int:enrollment_pk>/override/",
                OverrideView.as_view(),
                name="override",
            ),
            path("sessions/<int:pk>/attendance.csv", AttendanceExportView.as_view(), name="export"),
            path(
                "sessions/<int:pk>/attendance/import/",
                AttendanceImportView.as_view(),
                name="import",
            ),
        ]
