from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import CoursePage, CourseTrainer
from .roles import TRAINERS


class CourseTrainerForm(WagtailAdminModelForm):
    course = forms.ModelChoiceField(
        label=_("Course"), queryset=CoursePage.objects.order_by("title")
    )
    user = forms.ModelChoiceField(
        label=_("Trainer"),
        queryset=get_user_model().objects.none(),
        help_text=_("Only members of the Trainers group are listed."),
    )

    class Meta:
        model = CourseTrainer
        fields = ["course", "user"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            get_user_model()
            .objects.filter(groups__name=TRAINERS, is_active=True)
            .order_by("last_name", "first_name", "email")
        )
        self.fields["user"].label_from_instance = lambda user: (
            f"{user.get_full_name() or user.get_username()} <{user.email}>"
        )

    def clean(self):
        cleaned = super().clean()
        course, user = cleaned.get("course"), cleaned.get("user")
        if (
            course
            and user
            and CourseTrainer.objects.filter(course=course, user=user)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            raise forms.ValidationError(
                _("%(user)s already trains on this course.") % {"user": user}
            )
        return cleaned
