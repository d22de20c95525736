"""Wagtail's own reports as Concord serves them: Site history scoped to the sessions a
person runs or teaches, and every report's CSV/XLSX export free of formulas.

Wagtail lists log entries by content type: whoever holds any permission on a model sees
every entry of it. Coordinators hold ``view_enrollment`` for all rows (each screen of
ours narrows it to their sessions), so Wagtail's Site history showed every session's
attendance marks, completion decisions and overrides to every coordinator. Here an entry
about an object of ours is shown only when that object belongs to a session the person
coordinates or teaches (all of them for a superuser); entries about pages, snippets and
everything else stay as Wagtail decides. An object of ours without a known way to its
session is shown to superusers only.

Wagtail registers its reports before the ``register_admin_urls`` hook's URLs, so the
hook cannot replace them: ``config.urls`` puts ``urlpatterns()`` in front of the admin.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField, Q, QuerySet, Value
from django.db.models.functions import Cast
from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.filters import ContentTypeFilter
from wagtail.admin.urls import reports as wagtail_reports
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.log_actions import registry as log_action_registry

from courses.access import attendance_sessions_for

from .models import (
    Attendance,
    Certificate,
    CourseSession,
    Enrollment,
    Meeting,
    Notice,
    SeatQuota,
    SessionSignatory,
)
from .spreadsheets import SafeSpreadsheetExportMixin

# How each model of ours reaches its session.
SESSION_PATHS = {
    CourseSession: "pk",
    Meeting: "session",
    SessionSignatory: "session",
    SeatQuota: "session",
    Enrollment: "session",
    Attendance: "enrollment__session",
    Certificate: "enrollment__session",
    Notice: "enrollment__session",
}


def visible_log_entries(user, entries: QuerySet) -> QuerySet:
    """``entries`` (a log entry queryset) without those about objects of ours outside the
    sessions ``user`` coordinates or teaches. One query, with a subquery per model."""
    if user.is_superuser or not any(f.name == "object_id" for f in entries.model._meta.fields):
        return entries  # page log entries are about pages, never about our objects
    ours = list(apps.get_app_config("courses").get_models())
    types = ContentType.objects.get_for_models(*ours)
    sessions = attendance_sessions_for(user).values("pk")
    allowed = Q()
    for model, route in SESSION_PATHS.items():
        lookup = "pk__in" if route == "pk" else f"{route}__in"
        keys = (
            model.objects.filter(**{lookup: sessions})
            .annotate(log_object_key=Cast("pk", CharField()))
            .values("log_object_key")
        )
        allowed |= Q(content_type_id=types[model].pk, object_id__in=keys)
    return entries.filter(~Q(content_type_id__in=[t.pk for t in types.values()]) | allowed)


def _visible(log_model, user) -> QuerySet:
    return visible_log_entries(user, log_model.objects.viewable_by_user(user))


class ScopedSiteHistoryFilterSet(SiteHistoryReportFilterSet):
    """The filters' choices come from the entries the person may see, so no name or
    action of another session's trail appears in them either."""

    object_type = ContentTypeFilter(
        label=SiteHistoryReportFilterSet.base_filters["object_type"].label,
        method="filter_object_type",
        queryset=lambda request: ContentType.objects.filter(
            pk__in={
                pk
                for model in log_action_registry.get_log_entry_models()
                for pk in _visible(model, request.user).get_content_type_ids()
            }
        ).order_by("model"),
    )

    def get_action_choices(self):
        used = set()
        for model in log_action_registry.get_log_entry_models():
            used.update(_visible(model, self.request.user).get_actions())
        return [choice for choice in log_action_registry.get_choices() if choice[0] in used]

    def get_user_choices(self):
        ids = set()
        for model in log_action_registry.get_log_entry_models():
            ids.update(_visible(model, self.request.user).get_user_ids())
        User = get_user_model()
        return User.objects.filter(pk__in=ids).order_by(User.USERNAME_FIELD)

    def get_users_queryset(self):
        return self.get_user_choices()


class ScopedLogEntriesView(SafeSpreadsheetExportMixin, LogEntriesView):
    """Wagtail's Site history, each log model's entries narrowed by
    ``visible_log_entries`` before the union Wagtail builds."""

    filterset_class = ScopedSiteHistoryFilterSet

    def get_filtered_queryset(self):
        queryset = None
        self.log_models = list(log_action_registry.get_log_entry_models())
        for index, log_model in enumerate(self.log_models):
            sub = (
                _visible(log_model, self.request.user)
                .values("pk", "timestamp")
                .annotate(log_model_index=Value(index, output_field=IntegerField()))
            )
            sub = self.filter_queryset(sub).order_by()
            queryset = sub if queryset is None else queryset.union(sub, all=True)
        return queryset.order_by("-timestamp")


def _safe(view_class):
    """``view_class`` with its spreadsheet export made safe (``SafeSpreadsheetExportMixin``)."""
    if view_class is LogEntriesView:
        return ScopedLogEntriesView
    return type(view_class.__name__, (SafeSpreadsheetExportMixin, view_class), {})


def urlpatterns():
    """Every Wagtail report under its own address, served by the safe (and, for Site
    history, scoped) view; Wagtail's names still reverse to these addresses."""
    patterns = []
    for pattern in wagtail_reports.urlpatterns:
        view = pattern.callback
        view_class = getattr(view, "view_class", None)
        if view_class is None:
            continue
        safe_view = _safe(view_class).as_view(**view.view_initkwargs)
        patterns.append(path(str(pattern.pattern), never_cache(require_admin_access(safe_view))))
    return patterns
