from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .certificate_images import CertificateImagesFormMixin
from .hostile_input import ReadsHostileInputMixin
from .models import Organization


class OrganizationForm(CertificateImagesFormMixin, ReadsHostileInputMixin, WagtailAdminModelForm):
    """A logo id that is no id is a field error, not a 500 (the chooser looks it up).
    The logo is printed on certificates: saving moves it into the protected collection."""

    certificate_image_fields = ("logo",)


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
    edit_handler = ObjectList(
        [
            FieldPanel("reviewed"),
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
