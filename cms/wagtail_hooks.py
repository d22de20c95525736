from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import CreateView, DeleteView, EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .forms import CourseTrainerForm
from .models import CourseTrainer, ThematicArea
from .services import assign_trainer, unassign_trainer


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
