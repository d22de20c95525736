"""The coordinators' dashboard panels: requests waiting for a decision, sessions starting
this week, failed certificates and waitlists, for the sessions the person coordinates.

Added to Wagtail's dashboard by ``construct_homepage_panels`` in
``courses.wagtail_hooks``; the panel component is ``cms.dashboard.TablePanel`` (cms
never imports courses: the panels of running courses live here). All four panels come
from one query over the person's sessions.
"""

from __future__ import annotations

import datetime

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn

from cms.dashboard import TablePanel
from courses.dates import session_dates
from courses.models import Certificate, CourseSession, Enrollment

S = Enrollment.Status
WEEK = datetime.timedelta(days=7)


def review_url(session) -> str:
    return reverse("course_review:review", args=[session.pk])


def certificates_url(session) -> str:
    return reverse("course_certificates:index", args=[session.pk])


def sheet_url(session) -> str:
    return reverse("course_attendance:sheet", args=[session.pk])


class SessionsPanel(TablePanel):
    """Sessions of the coordinator, each linking to the screen where they act on it."""

    template_name = "courses/admin/panels/table.html"
    heading = ""
    empty = ""

    def session_column(self, url):
        return TitleColumn(
            "code",
            label=_("Session"),
            get_url=url,
            accessor=lambda s: f"{s.code} · {s.course.title}",
        )

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(
            panel_id=self.name.replace("_", "-"),
            heading=self.heading,
            empty=self.empty,
            rows=self.rows,
        )
        return context


class RequestsWaitingPanel(SessionsPanel):
    name = "concord_requests_waiting"
    order = 40
    heading = _("Requests waiting for your decision")
    caption = _("Sessions with enrollment requests to decide")
    empty = _("No request is waiting for a decision.")

    def columns(self):
        return [
            self.session_column(review_url),
            Column("requested_count", label=_("Waiting")),
        ]


class StartingThisWeekPanel(SessionsPanel):
    name = "concord_sessions_this_week"
    order = 45
    heading = _("Sessions starting this week")
    caption = _("Your sessions starting in the next seven days")
    empty = _("None of your sessions starts in the next seven days.")

    def columns(self):
        return [
            self.session_column(sheet_url),
            Column("dates", label=_("Dates"), accessor=session_dates),
            Column(
                "seats",
                label=_("Confirmed / seats"),
                accessor=lambda s: f"{s.confirmed_count} / {s.capacity}",
            ),
        ]


class FailedCertificatesPanel(SessionsPanel):
    name = "concord_failed_certificates"
    order = 55
    heading = _("Failed certificates")
    caption = _("Sessions with certificates that could not be made or sent")
    empty = _("No certificate has failed.")

    def columns(self):
        return [
            self.session_column(certificates_url),
            Column("failed_count", label=_("Failed")),
        ]


class WaitlistsPanel(SessionsPanel):
    name = "concord_waitlists"
    order = 65
    heading = _("Waitlists")
    caption = _("Sessions with people on the waitlist")
    empty = _("Nobody is on a waitlist.")

    def columns(self):
        return [
            self.session_column(review_url),
            Column("waitlisted_count", label=_("On the waitlist")),
        ]


def coordinator_sessions(user, today=None) -> list[CourseSession]:
    """The sessions ``user`` coordinates that have something for the dashboard (requests,
    a waitlist, failed certificates, or a start within seven days), with those counts:
    one query."""
    today = today or timezone.localdate()
    failed = Q(enrollments__certificates__state=Certificate.State.FAILED)
    starting = Q(starts_on__gte=today, starts_on__lt=today + WEEK)
    return list(
        CourseSession.objects.filter(coordinators=user)
        .exclude(status__in=(CourseSession.Status.CANCELLED, CourseSession.Status.DRAFT))
        .select_related("course")
        .annotate(
            requested_count=Count(
                "enrollments", filter=Q(enrollments__status=S.REQUESTED), distinct=True
            ),
            waitlisted_count=Count(
                "enrollments", filter=Q(enrollments__status=S.WAITLISTED), distinct=True
            ),
            confirmed_count=Count(
                "enrollments", filter=Q(enrollments__status=S.CONFIRMED), distinct=True
            ),
            failed_count=Count("enrollments__certificates", filter=failed, distinct=True),
        )
        .filter(
            Q(requested_count__gt=0) | Q(waitlisted_count__gt=0) | Q(failed_count__gt=0) | starting
        )
        .order_by("starts_on", "code")
    )


def coordinator_panels(request, today=None) -> list[Component]:
    """The four panels for a coordinator of at least one session; none for others."""
    user = request.user
    if not CourseSession.coordinators.through.objects.filter(user=user).exists():
        return []
    today = today or timezone.localdate()
    sessions = coordinator_sessions(user, today)
    return [
        RequestsWaitingPanel([s for s in sessions if s.requested_count]),
        StartingThisWeekPanel([s for s in sessions if today <= s.starts_on < today + WEEK]),
        FailedCertificatesPanel([s for s in sessions if s.failed_count]),
        WaitlistsPanel([s for s in sessions if s.waitlisted_count]),
    ]
