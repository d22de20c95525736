from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Organization


class OrganizationViewSet(SnippetViewSet):
    """Coordinators keep the list of organizations; the ones people named on their
    profile come first until reviewed (tick "reviewed", correct name and acronym)."""

    model = Organization
    icon = "group"
    menu_label = _("Organizations")
    list_display = ["acronym", "name", "kind", BooleanColumn("reviewed"), "website"]
    list_filter = ["reviewed", "kind"]
    search_fields = ["name", "acronym"]
    ordering = ["reviewed", "name"]
    panels = [
        FieldPanel("reviewed"),
        FieldPanel("name"),
        FieldPanel("acronym"),
        FieldPanel("kind"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("colour"),
    ]


register_snippet(OrganizationViewSet)
