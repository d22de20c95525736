"""Admin areas of applications: each session's application form (its questions, the
supervisor's clearance, the acknowledgements it requires) and the library of
acknowledgement texts.

A coordinator sees and edits only the forms of the sessions they run (any other is a
404); the library is managed by administrators and read by coordinators, who pick from
it. Changing a text's wording makes a new version (``ConsentDocumentForm``), which
people are asked to accept again at their next step.
"""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from courses.access import SessionScopedMixin, sessions_for
from courses.models import ApplicationForm, ConsentDocument
from courses.spreadsheets import SafeSpreadsheetExportMixin
from courses.translated import check_translations


class ApplicationFormForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and "session" in self.fields:
            self.fields["session"].queryset = sessions_for(for_user).select_related("course")

    def clean(self):
        cleaned = super().clean()
        check_translations(self, cleaned)
        return cleaned


class ApplicationFormIndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    def get_base_queryset(self):
        return (
            ApplicationForm.objects.filter(session__in=sessions_for(self.request.user))
            .select_related("session__course")
            .order_by("session__code")
        )


class ScopedMixin(SessionScopedMixin):
    session_path = "session"


class ApplicationFormEditView(ScopedMixin, generic.EditView):
    pass


class ApplicationFormDeleteView(ScopedMixin, generic.DeleteView):
    pass


QUESTION_PANELS = [
    FieldRowPanel([FieldPanel("text"), FieldPanel("kind")]),
    FieldPanel("help_text"),
    FieldPanel("choices"),
    FieldRowPanel([FieldPanel("required"), FieldPanel("in_queue")]),
    FieldPanel("translations"),
]


class ApplicationFormViewSet(ModelViewSet):
    model = ApplicationForm
    icon = "form"
    menu_label = gettext_lazy("Application forms")
    menu_order = 100
    url_prefix = "courses/application-forms"
    index_view_class = ApplicationFormIndexView
    edit_view_class = ApplicationFormEditView
    delete_view_class = ApplicationFormDeleteView
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        "session",
        BooleanColumn("requires_clearance", label=gettext_lazy("Clearance")),
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("session"),
                    FieldPanel("intro"),
                    FieldPanel("requires_clearance"),
                    FieldPanel("consents", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("translations"),
                ],
                heading=gettext_lazy("Application form"),
            ),
            InlinePanel("questions", panels=QUESTION_PANELS, heading=gettext_lazy("Questions")),
        ],
        base_form_class=ApplicationFormForm,
    )


class ConsentDocumentForm(WagtailAdminModelForm):
    """A change of wording is a new version: everyone is asked to accept it again."""

    def clean(self):
        cleaned = super().clean()
        check_translations(self, cleaned)
        return cleaned

    def save(self, commit=True):
        # Compared with the stored row, not ``changed_data``: a form posts the JSON of
        # the translations and the text's line breaks in its own way.
        document = self.instance
        if document.pk:
            stored = (
                ConsentDocument.objects.filter(pk=document.pk)
                .values("text", "translations")
                .first()
                or {}
            )
            before = (stored.get("text", "").replace("\r\n", "\n"), stored.get("translations"))
            if before != (document.text.replace("\r\n", "\n"), document.translations):
                document.version += 1
                document.version_date = timezone.now()
        return super().save(commit)


class ConsentDocumentViewSet(ModelViewSet):
    model = ConsentDocument
    form_fields = ["kind", "title", "text", "is_condition", "translations"]
    icon = "doc-full"
    menu_label = gettext_lazy("Acknowledgement texts")
    menu_order = 200
    url_prefix = "courses/acknowledgements"
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        "title",
        "kind",
        Column("version", label=gettext_lazy("Version")),
        "version_date",
        BooleanColumn("is_condition", label=gettext_lazy("Condition")),
    ]
    list_filter = ["kind"]
    search_fields = ["title"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("title"), FieldPanel("kind")]),
            FieldPanel("text"),
            FieldPanel("is_condition"),
            FieldPanel("translations"),
        ],
        base_form_class=ConsentDocumentForm,
    )


class ApplicationsMenu(ViewSetGroup):
    menu_label = gettext_lazy("Applications")
    menu_icon = "form"
    # Between Evaluation (255) and Course trainers (260).
    menu_order = 257
    items = (
        ApplicationFormViewSet("application_forms"),
        ConsentDocumentViewSet("consent_documents"),
    )
