"""Panels of the admin dashboard for trainers: their courses and their drafts in review.

Added by the ``construct_homepage_panels`` hook in ``cms.wagtail_hooks``. Other apps
add their own panels with the same hook (``courses`` adds the coordinators' panels:
requests waiting, sessions this week, failed certificates), so each area keeps its
reads where its models are.
"""

from __future__ import annotations

from django.db.models import F, IntegerField, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, LiveStatusTagColumn, Table, TitleColumn
from wagtail.models import Page, WorkflowState, get_default_page_content_type

from .models import CoursePage


def sender_name(state) -> str:
    user = state.requested_by
    return (user.get_full_name() or user.get_username()) if user else ""


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


class TablePanel(Component):
    """A dashboard panel of rows in one of Wagtail's tables: subclasses name their
    columns and caption."""

    caption = ""

    def __init__(self, rows):
        self.rows = rows

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["request"] = parent_context["request"]  # the table's templates need it
        context["table"] = Table(self.columns(), self.rows, caption=self.caption)
        return context


class MyCoursesPanel(TablePanel):
    """The courses a trainer is assigned to, each with its edit link and status."""

    name = "concord_my_courses"
    template_name = "cms/admin/panels/my_courses.html"
    order = 50
    caption = _("Courses you are assigned to")

    def columns(self):
        return [
            TitleColumn("title", label=_("Course"), get_url=edit_url),
            Column("module_count", label=_("Modules")),
            LiveStatusTagColumn(sort_key=None),
            DateColumn("last_published_at", label=_("Last published")),
        ]


class MyDraftsInReviewPanel(TablePanel):
    """Pages of the trainer's courses, or sent by them, waiting in the review workflow."""

    name = "concord_my_drafts_in_review"
    template_name = "cms/admin/panels/my_drafts_in_review.html"
    order = 60
    caption = _("Your drafts in review")

    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Page"),
                accessor="draft_page.get_admin_display_title",
                get_url=lambda state: edit_url(state.draft_page),
            ),
            Column("task", label=_("Waiting for"), accessor="current_task_state.task.name"),
            Column("requested_by", label=_("Sent by"), accessor=sender_name),
            DateColumn("created_at", label=_("Sent for review")),
        ]


def courses_of_trainer(user) -> list[CoursePage]:
    """The courses ``user`` is assigned to, in one query; a course's modules are its
    children, so the tree's own child count (``numchild``) is the module count."""
    return list(
        CoursePage.objects.filter(trainers__user=user)
        .annotate(module_count=F("numchild"))
        .order_by("title")
        .only("id", "title", "live", "has_unpublished_changes", "last_published_at", "numchild")
    )


def drafts_in_review(user, courses) -> list[WorkflowState]:
    """Active review workflows on pages of ``courses`` (and their modules) or that
    ``user`` sent, newest first, each with its page."""
    in_my_courses = Q()
    for course in courses:
        in_my_courses |= Q(path__startswith=course.path)
    pages = Page.objects.filter(in_my_courses) if courses else Page.objects.none()
    page_ids = pages.values("pk")
    states = list(
        WorkflowState.objects.active()
        .filter(base_content_type_id=get_default_page_content_type().id)
        .annotate(page_id=Cast("object_id", IntegerField()))
        .filter(Q(page_id__in=page_ids) | Q(requested_by=user))
        .select_related("current_task_state__task", "requested_by")
        .order_by("-created_at")[:20]
    )
    by_id = Page.objects.in_bulk([state.page_id for state in states])
    for state in states:
        state.draft_page = by_id.get(state.page_id)
    return [state for state in states if state.draft_page is not None]


def trainer_panels(request) -> list[Component]:
    """The trainer's panels, or none for people who are not assigned to a course."""
    courses = courses_of_trainer(request.user)
    if not courses:
        return []
    states = drafts_in_review(request.user, courses)
    return [MyCoursesPanel(courses), MyDraftsInReviewPanel(states)]
