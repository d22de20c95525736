"""Sessions in the Wagtail admin: a model viewset limited to the sessions a coordinator
runs, the review queue, the roster export, and our audit actions.

A coordinator sees only the sessions they coordinate; every other session answers 404 in
every view (list, edit, delete, inspect, history, review, export). Superusers see all.
"""

import re

import django_filters
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.db import transaction
from django.db.models import ProtectedError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton, ListingButton
from wagtail.log_actions import LogFormatter

from cms.models import CoursePage, ModulePage

from . import admin_views, attendance_views, certificate_views, report_views, selectors
from .admin_views import CourseSessionForm
from .models import Attendance, CourseSession, Enrollment, Meeting, SessionSignatory
from .services import (
    CAPACITY_ACTION,
    COMPLETION_ACTION,
    DECIDE_ACTION,
    EVALUATE_ACTION,
    FAIL_ACTION,
    ISSUE_ACTION,
    OVERRIDE_ACTION,
    QUOTA_ACTION,
    RECORD_ACTION,
    REISSUE_ACTION,
    RETRY_ACTION,
    REVOKE_ACTION,
    EnrollmentError,
    apply_session_edit,
    generate_meetings,
    record_module_visit,
)
from .spreadsheets import SafeSpreadsheetExportMixin


class OwnSessionsMixin:
    """Every object view looks its session up among the user's own sessions only."""

    def get_base_object_queryset(self):
        return selectors.sessions_for(self.request.user)

    def get_queryset(self):
        return selectors.sessions_for(self.request.user)


class OwnObjectLookupMixin:
    """For Wagtail's History and Usage screens: the object is looked up among the user's
    own (404 otherwise); what the screen lists (log entries, references) stays Wagtail's.
    ``own_objects(user)`` says which objects are the user's."""

    def own_objects(self, user):
        raise NotImplementedError

    def get_base_object_queryset(self):
        return self.own_objects(self.request.user)


def own_sessions(user):
    return selectors.sessions_for(user)


def own_meetings(user):
    return Meeting.objects.filter(session__in=selectors.sessions_for(user))


def own_signatories(user):
    return SessionSignatory.objects.filter(session__in=selectors.sessions_for(user))


def _review_url(session):
    return reverse("course_session_review", args=[session.pk])


def _certificates_url(session):
    return reverse("course_session_certificates", args=[session.pk])


class SeatsColumn(Column):
    """``confirmed / capacity``, from the list's annotation."""

    def get_value(self, instance):
        return f"{instance.confirmed_count} / {instance.capacity}"


class DatesColumn(Column):
    def get_value(self, instance):
        if instance.starts_on == instance.ends_on:
            return f"{instance.starts_on:%Y-%m-%d}"
        return f"{instance.starts_on:%Y-%m-%d} \N{EN DASH} {instance.ends_on:%Y-%m-%d}"


class SessionFilterSet(WagtailFilterSet):
    """The list's filters; the course filter offers only the courses of the user's own
    sessions (Wagtail's default would list every course with a session)."""

    course = django_filters.ChoiceFilter(label=gettext_lazy("Course"), field_name="course")

    class Meta:
        model = CourseSession
        fields = ["status", "policy", "language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sessions = selectors.sessions_for(self.request.user)
        self.filters["course"].extra["choices"] = [
            (str(pk), title)
            for pk, title in CoursePage.objects.filter(pk__in=sessions.values("course_id"))
            .order_by("title")
            .values_list("pk", "title")
        ]


class SessionIndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    def get_base_queryset(self):
        return selectors.with_seat_counts(
            selectors.sessions_for(self.request.user).select_related("course")
        )

    def get_list_buttons(self, instance):
        # The review queue is what coordinators open most: a visible button, not a menu item.
        review = ListingButton(
            _("Review"),
            url=_review_url(instance),
            icon_name="tasks",
            attrs={"aria-label": _("Review enrollments of %(code)s") % {"code": instance.code}},
        )
        certificates = ListingButton(
            _("Certificates"),
            url=_certificates_url(instance),
            icon_name="doc-full",
            attrs={"aria-label": _("Certificates of %(code)s") % {"code": instance.code}},
        )
        attendance = ListingButton(
            _("Attendance"),
            url=reverse("course_attendance_sheet", args=[instance.pk]),
            icon_name="table",
            attrs={"aria-label": _("Attendance of %(code)s") % {"code": instance.code}},
        )
        report = ListingButton(
            _("Report"),
            url=reverse("course_session_report", args=[instance.pk]),
            icon_name="table",
            attrs={"aria-label": _("Report of %(code)s") % {"code": instance.code}},
        )
        return [review, attendance, report, certificates, *super().get_list_buttons(instance)]


class SessionCreateView(generic.CreateView):
    def save_instance(self):
        session = super().save_instance()
        if not self.request.user.is_superuser:
            # Whoever creates a session runs it: without this they would lose sight of it.
            session.coordinators.add(self.request.user)
        generate_meetings(session=session)
        return session


class SessionEditView(OwnSessionsMixin, generic.EditView):
    """Saves the form; a new capacity goes through ``services.change_capacity`` first, so
    a rise promotes the waitlist and a fall below the confirmed count is refused."""

    promoted = ()

    def save_instance(self):
        before = {name: self.form.initial.get(name) for name in self.form.changed_data}
        session = super().save_instance()
        self.promoted = apply_session_edit(session=session, before=before, by=self.request.user)
        return session

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except EnrollmentError as error:
            # The transaction around save_instance rolled back: nothing was saved.
            form.add_error("capacity", str(error))
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)

    def save_action(self):
        if self.promoted:
            messages.success(
                self.request,
                ngettext(
                    "%(n)d person was confirmed from the waitlist.",
                    "%(n)d people were confirmed from the waitlist.",
                    len(self.promoted),
                )
                % {"n": len(self.promoted)},
            )
        return super().save_action()

    @property
    def header_buttons(self):
        return [
            HeaderButton(_("Review enrollments"), url=_review_url(self.object), icon_name="tasks"),
            HeaderButton(
                _("Attendance"),
                url=reverse("course_attendance_sheet", args=[self.object.pk]),
                icon_name="table",
            ),
            HeaderButton(
                _("Completion"),
                url=reverse("course_session_completion", args=[self.object.pk]),
                icon_name="check",
            ),
            HeaderButton(
                _("Report"),
                url=reverse("course_session_report", args=[self.object.pk]),
                icon_name="table",
            ),
            HeaderButton(
                _("Certificates"), url=_certificates_url(self.object), icon_name="doc-full"
            ),
        ]


class SessionDeleteView(OwnSessionsMixin, generic.DeleteView):
    """A session people enrolled in (and so one with certificates) is never deleted: the
    database refuses it, and the person is told why instead of meeting an error page."""

    def delete_action(self):
        with transaction.atomic():
            super().delete_action()

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request,
                _(
                    "This session has enrollments, and perhaps certificates, that must stay: "
                    "it cannot be deleted. Cancel it instead."
                ),
            )
            return redirect(reverse("course_sessions:edit", args=[self.object.pk]))


class SessionInspectView(generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(selectors.sessions_for(self.request.user), pk=self.pk)


class SessionHistoryView(OwnObjectLookupMixin, history.HistoryView):
    own_objects = staticmethod(own_sessions)


class SessionUsageView(OwnObjectLookupMixin, usage.UsageView):
    own_objects = staticmethod(own_sessions)


class CourseSessionViewSet(ModelViewSet):
    model = CourseSession
    icon = "date"
    menu_label = gettext_lazy("Sessions")
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "courses/sessions"
    inspect_view_enabled = True
    copy_view_enabled = False

    index_view_class = SessionIndexView
    add_view_class = SessionCreateView
    edit_view_class = SessionEditView
    delete_view_class = SessionDeleteView
    inspect_view_class = SessionInspectView
    history_view_class = SessionHistoryView
    usage_view_class = SessionUsageView

    list_display = [
        "code",
        Column("course", label=gettext_lazy("Course"), accessor="course.title"),
        DatesColumn("dates", label=gettext_lazy("Dates"), sort_key="starts_on"),
        Column("place", label=gettext_lazy("Place")),
        "language",
        "status",
        "policy",
        SeatsColumn("seats", label=gettext_lazy("Confirmed / seats")),
        Column(
            "waitlisted_count",
            label=gettext_lazy("Waitlist"),
            sort_key="waitlisted_count",
        ),
    ]
    filterset_class = SessionFilterSet
    search_fields = ["code", "course__title"]
    ordering = ["starts_on", "code"]
    inspect_view_fields = CourseSessionForm.Meta.fields

    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("course"),
                    FieldPanel("code"),
                    FieldRowPanel([FieldPanel("language"), FieldPanel("status")]),
                ],
                heading=gettext_lazy("Course"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
                    FieldPanel("timezone"),
                ],
                heading=gettext_lazy("Dates"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("is_online"),
                    FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                ],
                heading=gettext_lazy("Place"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("capacity"), FieldPanel("policy")]),
                    FieldRowPanel(
                        [FieldPanel("enrollment_opens_at"), FieldPanel("enrollment_closes_at")]
                    ),
                ],
                heading=gettext_lazy("Enrollment"),
            ),
            MultiFieldPanel(
                [FieldPanel("coordinators"), FieldPanel("trainers")],
                heading=gettext_lazy("People"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [FieldPanel("min_attendance_percent"), FieldPanel("min_modules_opened")]
                    ),
                    FieldPanel("excused_absences"),
                    FieldPanel("late_after_minutes"),
                ],
                heading=gettext_lazy("Completion and check-in"),
            ),
            MultiFieldPanel(
                [FieldPanel("issuing_organizations")],
                heading=gettext_lazy("Certificates"),
            ),
        ],
        base_form_class=CourseSessionForm,
    )


class MeetingForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and "session" in self.fields:
            self.fields["session"].queryset = selectors.sessions_for(for_user)

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("A sitting must end after it starts."))
        return cleaned


class OwnMeetingsMixin:
    """A sitting of someone else's session is not found."""

    def get_object(self, queryset=None):
        if getattr(self, "object", None):
            return self.object
        own = Meeting.objects.filter(session__in=selectors.sessions_for(self.request.user))
        return get_object_or_404(own, pk=unquote(str(self.kwargs[self.pk_url_kwarg])))


class MeetingIndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    def get_base_queryset(self):
        return (
            Meeting.objects.filter(session__in=selectors.sessions_for(self.request.user))
            .select_related("session")
            .order_by("session__code", "starts_at")
        )


class MeetingEditView(OwnMeetingsMixin, generic.EditView):
    pass


class MeetingDeleteView(OwnMeetingsMixin, generic.DeleteView):
    pass


class MeetingHistoryView(OwnObjectLookupMixin, history.HistoryView):
    own_objects = staticmethod(own_meetings)


class MeetingUsageView(OwnObjectLookupMixin, usage.UsageView):
    own_objects = staticmethod(own_meetings)


class MeetingViewSet(ModelViewSet):
    """The sittings attendance is taken on: generated from a session's dates, editable."""

    model = Meeting
    icon = "time"
    menu_label = gettext_lazy("Sittings")
    menu_order = 251
    add_to_admin_menu = True
    url_prefix = "courses/meetings"
    index_view_class = MeetingIndexView
    edit_view_class = MeetingEditView
    delete_view_class = MeetingDeleteView
    history_view_class = MeetingHistoryView
    usage_view_class = MeetingUsageView
    list_display = ["session", "title", "starts_at", "ends_at"]
    form_fields = ["session", "title", "starts_at", "ends_at"]
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_form_class(self, for_update=False):
        from django.forms import modelform_factory

        return modelform_factory(Meeting, form=MeetingForm, fields=self.form_fields)


class SignatoryForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and "session" in self.fields:
            self.fields["session"].queryset = selectors.sessions_for(for_user)


class OwnSignatoriesMixin:
    """A signatory of someone else's session is not found."""

    def get_object(self, queryset=None):
        if getattr(self, "object", None):
            return self.object
        own = SessionSignatory.objects.filter(session__in=selectors.sessions_for(self.request.user))
        return get_object_or_404(own, pk=unquote(str(self.kwargs[self.pk_url_kwarg])))


class SignatoryIndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    def get_base_queryset(self):
        signatories = SessionSignatory.objects.filter(
            session__in=selectors.sessions_for(self.request.user)
        ).select_related("session")
        session = self.request.GET.get("session", "")
        if re.fullmatch(r"[0-9]{1,9}", session):
            signatories = signatories.filter(session_id=int(session))
        return signatories.order_by("session__code", "order", "pk")


class SignatoryEditView(OwnSignatoriesMixin, generic.EditView):
    pass


class SignatoryDeleteView(OwnSignatoriesMixin, generic.DeleteView):
    pass


class SignatoryHistoryView(OwnObjectLookupMixin, history.HistoryView):
    own_objects = staticmethod(own_signatories)


class SignatoryUsageView(OwnObjectLookupMixin, usage.UsageView):
    own_objects = staticmethod(own_signatories)


class SessionSignatoryViewSet(ModelViewSet):
    """Who signs a session's certificates, with their title and signature image.
    Issued certificates keep the signatories they were issued with."""

    model = SessionSignatory
    icon = "user"
    menu_label = gettext_lazy("Signatories")
    menu_order = 252
    add_to_admin_menu = True
    url_prefix = "courses/signatories"
    index_view_class = SignatoryIndexView
    edit_view_class = SignatoryEditView
    delete_view_class = SignatoryDeleteView
    history_view_class = SignatoryHistoryView
    usage_view_class = SignatoryUsageView
    list_display = ["session", "name", "title", "order"]
    copy_view_enabled = False
    inspect_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldPanel("session"),
            FieldRowPanel([FieldPanel("name"), FieldPanel("title")]),
            FieldPanel("signature", widget=admin_views.ImageChooser),
            FieldPanel("order"),
        ],
        base_form_class=SignatoryForm,
    )


@hooks.register("register_admin_viewset")
def register_signatory_viewset():
    return SessionSignatoryViewSet("session_signatories")


@hooks.register("register_admin_viewset")
def register_course_session_viewset():
    return CourseSessionViewSet("course_sessions")


@hooks.register("register_admin_viewset")
def register_meeting_viewset():
    return MeetingViewSet("course_meetings")


@hooks.register("register_admin_urls")
def register_session_admin_urls():
    return [
        path(
            "courses/sessions/<int:pk>/review/",
            admin_views.ReviewView.as_view(),
            name="course_session_review",
        ),
        path(
            "courses/sessions/<int:pk>/review/decide/",
            admin_views.DecideView.as_view(),
            name="course_session_decide",
        ),
        path(
            "courses/sessions/<int:pk>/review/quota/",
            admin_views.QuotaView.as_view(),
            name="course_session_quota",
        ),
        path(
            "courses/sessions/<int:pk>/roster.<str:format>",
            admin_views.RosterExportView.as_view(),
            name="course_session_roster",
        ),
        path(
            "courses/sessions/<int:pk>/certificates/",
            certificate_views.CertificatesView.as_view(),
            name="course_session_certificates",
        ),
        path(
            "courses/sessions/<int:pk>/certificates/progress/",
            certificate_views.ProgressView.as_view(),
            name="course_session_certificates_progress",
        ),
        path(
            "courses/sessions/<int:pk>/certificates/issue/",
            certificate_views.IssueView.as_view(),
            name="course_session_certificates_issue",
        ),
        path(
            "courses/sessions/<int:pk>/certificates/<int:certificate>/",
            certificate_views.ActionView.as_view(),
            name="course_session_certificate_action",
        ),
        path(
            "courses/attendance/",
            attendance_views.AttendanceIndexView.as_view(),
            name="course_attendance_index",
        ),
        path(
            "courses/sessions/<int:pk>/attendance/",
            attendance_views.AttendanceSheetView.as_view(),
            name="course_attendance_sheet",
        ),
        path(
            "courses/meetings/<int:pk>/check-in/",
            attendance_views.CheckInScreenView.as_view(),
            name="course_meeting_check_in",
        ),
        path(
            "courses/meetings/<int:pk>/check-in/code.json",
            attendance_views.CheckInCodeView.as_view(),
            name="course_meeting_check_in_code",
        ),
        path(
            "courses/sessions/<int:pk>/completion/",
            attendance_views.CompletionView.as_view(),
            name="course_session_completion",
        ),
        path(
            "courses/sessions/<int:pk>/completion/evaluate/",
            attendance_views.EvaluateView.as_view(),
            name="course_session_evaluate",
        ),
        path(
            "courses/sessions/<int:pk>/completion/<int:enrollment_pk>/override/",
            attendance_views.OverrideView.as_view(),
            name="course_session_override",
        ),
        *report_urls(),
    ]


def report_urls():
    """The reports and the attendance file's way in and out (``report_views``)."""
    return [
        path(
            "courses/sessions/<int:pk>/report/",
            report_views.SessionReportView.as_view(),
            name="course_session_report",
        ),
        path(
            "courses/sessions/<int:pk>/attendance.csv",
            report_views.AttendanceExportView.as_view(),
            name="course_attendance_export",
        ),
        path(
            "courses/sessions/<int:pk>/attendance/import/",
            report_views.AttendanceImportView.as_view(),
            name="course_attendance_import",
        ),
        path(
            "reports/attendance-and-completion/",
            report_views.AttendanceReportView.as_view(),
            name="course_attendance_report",
        ),
        path(
            "reports/attendance-and-completion/results/",
            report_views.AttendanceReportView.as_view(results_only=True),
            name="course_attendance_report_results",
        ),
    ]


class AttendanceMenuItem(MenuItem):
    """For coordinators and trainers: the sessions they take attendance for."""

    def is_shown(self, request):
        return request.user.has_perm("courses.change_attendance")


@hooks.register("register_admin_menu_item")
def register_attendance_menu_item():
    return AttendanceMenuItem(
        gettext_lazy("Attendance"),
        reverse("course_attendance_index"),
        icon_name="table",
        order=252,
    )


class AttendanceReportMenuItem(MenuItem):
    """For coordinators: the figures of the sessions they run."""

    def is_shown(self, request):
        return request.user.has_perm("courses.view_coursesession")


@hooks.register("register_reports_menu_item")
def register_attendance_report_menu_item():
    return AttendanceReportMenuItem(
        gettext_lazy("Attendance and completion"),
        reverse("course_attendance_report"),
        name="attendance-and-completion",
        icon_name="table",
        order=1300,
    )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        DECIDE_ACTION,
        gettext_lazy("Decide enrollment"),
        gettext_lazy("Enrollment decided by a coordinator"),
    )
    actions.register_action(
        CAPACITY_ACTION, gettext_lazy("Change capacity"), gettext_lazy("Session capacity changed")
    )
    actions.register_action(
        QUOTA_ACTION, gettext_lazy("Set seat quota"), gettext_lazy("Seat quota changed")
    )
    actions.register_action(
        ISSUE_ACTION, gettext_lazy("Issue certificate"), gettext_lazy("Certificate issued")
    )
    actions.register_action(
        REISSUE_ACTION,
        gettext_lazy("Re-issue certificate"),
        gettext_lazy("Certificate issued in place of a revoked one"),
    )
    actions.register_action(
        REVOKE_ACTION, gettext_lazy("Revoke certificate"), gettext_lazy("Certificate revoked")
    )
    actions.register_action(
        RETRY_ACTION,
        gettext_lazy("Retry certificate"),
        gettext_lazy("Failed certificate sent through again"),
    )
    actions.register_action(
        FAIL_ACTION, gettext_lazy("Certificate failed"), gettext_lazy("Certificate failed")
    )


def _mark_label(value):
    return Attendance.Status(value).label if value else _("not marked")


def _outcome_label(value):
    return Enrollment.Status(value).label if value else "-"


@hooks.register("register_log_actions")
def register_attendance_log_actions(actions):
    @actions.register_action(RECORD_ACTION)
    class AttendanceRecorded(LogFormatter):
        label = gettext_lazy("Record attendance")

        def format_message(self, log_entry):
            data = log_entry.data
            changes = "; ".join(
                _("%(meeting)s: %(from)s → %(to)s")
                % {
                    "meeting": change.get("meeting_label", ""),
                    "from": _mark_label(change.get("from")),
                    "to": _mark_label(change.get("to")),
                }
                for change in data.get("changes", [])
            )
            return _("Attendance of %(person)s: %(changes)s") % {
                "person": data.get("participant", ""),
                "changes": changes,
            }

    @actions.register_action(EVALUATE_ACTION)
    class CompletionEvaluated(LogFormatter):
        label = gettext_lazy("Evaluate completion")

        def format_message(self, log_entry):
            data = log_entry.data
            return _(
                "Completion evaluated: %(completed)s completed, %(not_completed)s not "
                "completed (%(changed)s changed)"
            ) % {
                "completed": data.get("completed", 0),
                "not_completed": data.get("not_completed", 0),
                "changed": data.get("changed", 0),
            }

    @actions.register_action(COMPLETION_ACTION)
    class CompletionDecided(LogFormatter):
        label = gettext_lazy("Decide completion")

        def format_message(self, log_entry):
            data = log_entry.data
            message = _("Completion of %(person)s: %(from)s → %(to)s (%(attended)s of %(counted)s)")
            return message % {
                "person": data.get("participant", ""),
                "from": _outcome_label(data.get("from")),
                "to": _outcome_label(data.get("to")),
                "attended": data.get("attended"),
                "counted": data.get("counted"),
            }

    @actions.register_action(OVERRIDE_ACTION)
    class CompletionOverridden(LogFormatter):
        label = gettext_lazy("Override completion")

        def format_message(self, log_entry):
            data = log_entry.data
            if data.get("cleared"):
                return _("Override cleared for %(person)s: back to %(to)s") % {
                    "person": data.get("participant", ""),
                    "to": _outcome_label(data.get("to")),
                }
            return _("Completion of %(person)s overridden: %(from)s → %(to)s") % {
                "person": data.get("participant", ""),
                "from": _outcome_label(data.get("from")),
                "to": _outcome_label(data.get("to")),
            }

        def format_comment(self, log_entry):
            return log_entry.data.get("reason", "")


@hooks.register("before_serve_page")
def note_module_visit(page, request, serve_args, serve_kwargs):
    """A participant opened a training module: completion may count it. Content pages do
    not know about sessions (cms never imports courses), so courses listens here."""
    if isinstance(page, ModulePage) and request.user.is_authenticated:
        record_module_visit(user=request.user, module=page)
