from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .hostile_input import ReadsHostileInputMixin
from .models import Organization


class OrganizationForm(ReadsHostileInputMixin, WagtailAdminModelForm):
    """A logo id that is no id is a field error, not a 500 (the chooser looks it up)."""


class OrganizationViewSet(SnippetViewSet):
    model = Organization
    icon = "group"
    menu_label = _("Organizations")
    list_display = ["acronym", "name", "kind", "website"]
    list_filter = ["kind"]
    search_fields = ["name", "acronym"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("acronym"),
            FieldPanel("kind"),
            FieldPanel("website"),
            FieldPanel("logo"),
            FieldPanel("colour"),
        ],
        base_form_class=OrganizationForm,
    )


register_snippet(OrganizationViewSet)
