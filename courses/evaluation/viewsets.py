"""Admin areas of the evaluation: questionnaires (built from questions in one form,
copied from the standard one) and the questionnaires put to each session.

A coordinator sees and edits the questionnaires of everyone (they are templates, not
personal data); the standard ones are only copied; a session's questionnaires are
found only among the sessions they run.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton

from courses.access import SessionScopedMixin, sessions_for
from courses.evaluation import services
from courses.models import Question, Questionnaire, SessionQuestionnaire
from courses.spreadsheets import SafeSpreadsheetExportMixin
from courses.translated import check_translations

T = Question.Type


class QuestionnaireForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind in (Questionnaire.Kind.PRE_CHECK, Questionnaire.Kind.POST_CHECK):
            if cleaned.get("anonymous"):
                self.add_error(
                    "anonymous", _("A knowledge check is scored: it cannot be anonymous.")
                )
            if cleaned.get("pass_mark") is None:
                self.add_error("pass_mark", _("Give the pass mark of the knowledge check."))
        check_translations(self, cleaned)
        return cleaned

    def save(self, commit=True):
        if self.instance.pk and self.instance.is_standard and not self.for_user.is_superuser:
            raise PermissionDenied
        return super().save(commit)


class StandardLockMixin:
    """Standard questionnaires are copied, not changed (except by an administrator)."""

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if obj.is_standard and not self.request.user.is_superuser:
            raise PermissionDenied
        return obj


class QuestionnaireEditView(StandardLockMixin, generic.EditView):
    pass


class QuestionnaireDeleteView(StandardLockMixin, generic.DeleteView):
    pass


class QuestionnaireIndexView(generic.IndexView):
    def get_list_buttons(self, instance):
        copy = ListingButton(
            _("Copy"),
            url=reverse("evaluation_questionnaires:copy", args=[instance.pk]),
            icon_name="copy",
            attrs={"aria-label": _("Copy %(title)s") % {"title": instance.title}},
        )
        buttons = super().get_list_buttons(instance) if not instance.is_standard else []
        return [copy, *buttons]


def copy_view(request, pk):
    """GET asks for confirmation; POST makes the copy and opens it for editing."""
    if not request.user.has_perm("courses.add_questionnaire"):
        raise PermissionDenied
    questionnaire = get_object_or_404(Questionnaire, pk=pk)
    if request.method == "POST":
        copy = services.copy_questionnaire(questionnaire=questionnaire)
        messages.success(request, _("Copied. Adapt the questions, then attach it to a session."))
        return redirect("evaluation_questionnaires:edit", copy.pk)
    return TemplateResponse(
        request,
        "courses/evaluation/admin/copy.html",
        {"questionnaire": questionnaire, "questions": questionnaire.questions.count()},
    )


QUESTION_PANELS = [
    FieldRowPanel([FieldPanel("text"), FieldPanel("type")]),
    FieldPanel("required"),
    FieldRowPanel([FieldPanel("choices"), FieldPanel("correct")]),
    FieldPanel("statements"),
    FieldRowPanel([FieldPanel("low_label"), FieldPanel("high_label")]),
    FieldPanel("translations"),
]


class QuestionnaireViewSet(ModelViewSet):
    model = Questionnaire
    icon = "form"
    menu_label = gettext_lazy("Questionnaires")
    menu_order = 100
    url_prefix = "courses/questionnaires"
    index_view_class = QuestionnaireIndexView
    edit_view_class = QuestionnaireEditView
    delete_view_class = QuestionnaireDeleteView
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        "title",
        "kind",
        BooleanColumn("anonymous", label=gettext_lazy("Anonymous")),
        "pass_mark",
        BooleanColumn("is_standard", label=gettext_lazy("Standard")),
    ]
    list_filter = ["kind", "is_standard"]
    search_fields = ["title"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("title"),
                    FieldPanel("intro"),
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("minutes")]),
                    FieldRowPanel([FieldPanel("anonymous"), FieldPanel("pass_mark")]),
                    FieldPanel("translations"),
                ],
                heading=gettext_lazy("Questionnaire"),
            ),
            InlinePanel(
                "questions", panels=QUESTION_PANELS, heading=gettext_lazy("Questions"), min_num=1
            ),
        ],
        base_form_class=QuestionnaireForm,
    )

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("copy/<int:pk>/", copy_view, name="copy")]


class SessionQuestionnaireForm(WagtailAdminModelForm):
    """Moments left empty take the defaults of the questionnaire's kind (the evaluation
    and the post-check at the last sitting, the pre-check until the first, the
    follow-up survey three months after the last day)."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and "session" in self.fields:
            self.fields["session"].queryset = sessions_for(for_user)
        for name in ("opens_at", "closes_at"):
            self.fields[name].required = False
        self.fields["opens_at"].help_text = _("Empty: the default moment of its kind.")

    def clean(self):
        cleaned = super().clean()
        session, questionnaire = cleaned.get("session"), cleaned.get("questionnaire")
        if not (session and questionnaire):
            return cleaned
        same_kind = SessionQuestionnaire.objects.filter(
            session=session, questionnaire__kind=questionnaire.kind
        ).exclude(pk=self.instance.pk)
        if same_kind.exists():
            self.add_error(
                "questionnaire",
                _("This session already has a questionnaire of this kind: %(kind)s.")
                % {"kind": questionnaire.get_kind_display()},
            )
        opens, closes = services.default_moments(session, questionnaire.kind)
        cleaned["opens_at"] = cleaned.get("opens_at") or opens
        cleaned["closes_at"] = cleaned.get("closes_at") or closes
        self.instance.opens_at, self.instance.closes_at = cleaned["opens_at"], cleaned["closes_at"]
        if cleaned["closes_at"] <= cleaned["opens_at"]:
            self.add_error("closes_at", _("A questionnaire must close after it opens."))
        return cleaned


class SessionQuestionnaireIndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    def get_base_queryset(self):
        return (
            SessionQuestionnaire.objects.filter(session__in=sessions_for(self.request.user))
            .select_related("session", "questionnaire")
            .order_by("session__code", "opens_at")
        )


class ScopedMixin(SessionScopedMixin):
    session_path = "session"


class SessionQuestionnaireEditView(ScopedMixin, generic.EditView):
    pass


class SessionQuestionnaireDeleteView(ScopedMixin, generic.DeleteView):
    pass


class SessionQuestionnaireViewSet(ModelViewSet):
    model = SessionQuestionnaire
    icon = "date"
    menu_label = gettext_lazy("Questionnaires by session")
    menu_order = 200
    url_prefix = "courses/session-questionnaires"
    index_view_class = SessionQuestionnaireIndexView
    edit_view_class = SessionQuestionnaireEditView
    delete_view_class = SessionQuestionnaireDeleteView
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = ["session", "questionnaire", "opens_at", "closes_at"]
    edit_handler = ObjectList(
        [
            FieldPanel("session"),
            FieldPanel("questionnaire"),
            FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        ],
        base_form_class=SessionQuestionnaireForm,
    )


class EvaluationMenu(ViewSetGroup):
    menu_label = gettext_lazy("Evaluation")
    menu_icon = "form"
    # Beside Courses (250), before Course trainers (260): no two entries share an order.
    menu_order = 255
    items = (
        QuestionnaireViewSet("evaluation_questionnaires"),
        SessionQuestionnaireViewSet("session_questionnaires"),
    )
