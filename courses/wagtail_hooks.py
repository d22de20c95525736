"""Wagtail registrations of ``courses``, and nothing else: the admin areas of each slice
(one ``ViewSet`` per area, namespaced URL names), their menu, our audit actions and the
module-visit listener. The areas themselves live in their slices."""

from django.urls import reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup

from cms.models import ModulePage
from courses import audit
from courses.attendance.views import AttendanceViewSet
from courses.certificates.views import CertificatesViewSet
from courses.dashboard import coordinator_panels
from courses.enrollment.admin_views import ReviewViewSet
from courses.enrollment.application_admin import ApplicationsMenu
from courses.enrollment.focal_admin import FocalPointViewSet
from courses.enrollment.invitation_admin import InvitationsViewSet
from courses.evaluation.viewsets import EvaluationMenu
from courses.learning.services import record_module_visit
from courses.messaging.views import MessagingViewSet
from courses.reports.views import ReportsViewSet, SessionReportViewSet
from courses.sessions.viewsets import CourseSessionViewSet, MeetingViewSet, SessionSignatoryViewSet


class CoursesMenu(ViewSetGroup):
    """One menu entry for running courses: Sessions, Sittings, Signatories, Attendance
    (each item's own ``menu_order``, all different)."""

    menu_label = gettext_lazy("Courses")
    menu_icon = "date"
    menu_order = 250
    items = (
        CourseSessionViewSet("course_sessions"),
        MeetingViewSet("course_meetings"),
        SessionSignatoryViewSet("session_signatories"),
        AttendanceViewSet(),
        FocalPointViewSet(),
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [
        CoursesMenu(),
        EvaluationMenu(),
        ApplicationsMenu(),
        ReviewViewSet(),
        CertificatesViewSet(),
        SessionReportViewSet(),
        ReportsViewSet(),
        MessagingViewSet(),
        InvitationsViewSet(),
    ]


class AttendanceReportMenuItem(MenuItem):
    """For coordinators: the figures of the sessions they run."""

    def is_shown(self, request):
        return request.user.has_perm("courses.view_coursesession")


@hooks.register("register_reports_menu_item")
def register_attendance_report_menu_item():
    return AttendanceReportMenuItem(
        gettext_lazy("Attendance and completion"),
        reverse("course_reports:attendance"),
        name="attendance-and-completion",
        icon_name="table",
        order=1300,
    )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    audit.register_actions(actions)


@hooks.register("before_serve_page")
def note_module_visit(page, request, serve_args, serve_kwargs):
    """A participant opened a training module: completion may count it. Content pages do
    not know about sessions (cms never imports courses), so courses listens here."""
    if isinstance(page, ModulePage) and request.user.is_authenticated:
        record_module_visit(user=request.user, module=page)


@hooks.register("construct_homepage_panels")
def add_coordinator_panels(request, panels):
    """Coordinators' dashboard: requests waiting, sessions starting this week, failed
    certificates and waitlists of their own sessions (``courses.dashboard``)."""
    panels.extend(coordinator_panels(request))


@hooks.register("register_reports_menu_item")
def register_evaluation_report_menu_item():
    return AttendanceReportMenuItem(
        gettext_lazy("Satisfaction and learning gain"),
        reverse("course_reports:evaluation"),
        name="satisfaction-and-learning-gain",
        icon_name="form",
        order=1310,
    )
