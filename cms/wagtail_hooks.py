from django.db import transaction
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import CreateView, DeleteView, EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .dashboard import MyDraftsInReviewPanel, trainer_panels
from .files import check_document
from .forms import CourseTrainerForm
from .models import CourseTrainer, ThematicArea
from .services import assign_trainer, unassign_trainer
from .translation_admin import review_button, submit_for_review


class ThematicAreaViewSet(SnippetViewSet):
    model = ThematicArea
    icon = "tag"
    menu_label = _("Thematic areas")
    list_display = ["name", "slug"]
    search_fields = ["name"]


class CourseTrainerCreateView(CreateView):
    def save_instance(self):
        return assign_trainer(
            course=self.form.cleaned_data["course"],
            user=self.form.cleaned_data["user"],
            assigned_by=self.request.user,
        )


class CourseTrainerEditView(EditView):
    def save_instance(self):
        with transaction.atomic():
            previous = CourseTrainer.objects.select_related("course", "user").get(pk=self.object.pk)
            unassign_trainer(assignment=previous, removed_by=self.request.user)
            return assign_trainer(
                course=self.form.cleaned_data["course"],
                user=self.form.cleaned_data["user"],
                assigned_by=self.request.user,
            )


class CourseTrainerDeleteView(DeleteView):
    def delete_action(self):
        unassign_trainer(assignment=self.object, removed_by=self.request.user)


class CourseTrainerViewSet(ModelViewSet):
    """Coordinators decide here which trainers may edit which courses."""

    model = CourseTrainer
    icon = "user"
    menu_label = _("Course trainers")
    add_to_admin_menu = True
    menu_order = 260  # after Courses (250); Images has 300
    list_display = ["user", "course", "assigned_by", "assigned_at"]
    list_filter = ["course"]
    search_fields = ["user__email", "user__last_name", "user__first_name"]
    add_view_class = CourseTrainerCreateView
    edit_view_class = CourseTrainerEditView
    delete_view_class = CourseTrainerDeleteView

    def get_form_class(self, for_update=False):
        return CourseTrainerForm


register_snippet(ThematicAreaViewSet)


@hooks.register("register_admin_viewset")
def register_course_trainer_viewset():
    return CourseTrainerViewSet("course_trainers")


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "concord.trainer_assigned", _("Assign trainer"), _("Trainer assigned to the course")
    )
    actions.register_action(
        "concord.trainer_unassigned",
        _("Unassign trainer"),
        _("Trainer removed from the course"),
    )


@hooks.register("construct_homepage_panels")
def add_trainer_panels(request, panels):
    """Trainers' dashboard: their courses and their drafts in review.

    Other apps add their panels with the same hook (the coordinators' come from
    ``courses``). Wagtail's "What's new" panel links out to wagtail.org: removed.
    """
    panels[:] = [panel for panel in panels if panel.name != "whats_new_in_wagtail_version"]
    mine = trainer_panels(request)
    if any(isinstance(panel, MyDraftsInReviewPanel) for panel in mine):
        # Ours lists the same workflows with the course's pages: one list, not two.
        panels[:] = [p for p in panels if p.name != "user_objects_in_workflow_moderation"]
    panels.extend(mine)


@hooks.register("construct_help_menu")
def remove_wagtail_guides(request, menu_items):
    """Concord's admin links to no external editor guide or release notes."""
    menu_items[:] = [
        item
        for item in menu_items
        if item.name != "editor-guide" and not item.name.startswith("whats-new-in-wagtail")
    ]


@hooks.register("before_serve_document")
def keep_restricted_handouts_restricted(document, request):
    return check_document(document, request)


@hooks.register("register_admin_urls")
def register_translation_review_urls():
    urls = [path("<int:page_id>/", submit_for_review, name="submit_for_review")]
    return [path("translations/review/", include((urls, "cms_translations")))]


hooks.register("register_page_header_buttons", review_button)
