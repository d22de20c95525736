from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem as RowMenuItem
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from .admin_views import OrganizationMergeView
from .certificate_images import CertificateImagesFormMixin
from .erasure_admin import ConfirmErasureView, ErasureRequestIndexView, may_confirm
from .hostile_input import ReadsHostileInputMixin
from .models import Organization
from .privacy import (
    DATA_DOWNLOADED_ACTION,
    DATA_REQUESTED_ACTION,
    ERASED_ACTION,
    REQUESTED_ACTION,
    erase_person,
)


class OrganizationForm(CertificateImagesFormMixin, ReadsHostileInputMixin, WagtailAdminModelForm):
    """A logo id that is no id is a field error, not a 500 (the chooser looks it up).
    The logo is printed on certificates: saving moves it into the protected collection."""

    certificate_image_fields = ("logo",)


class OrganizationIndexView(IndexView):
    """A proposal awaiting review has its way forward in its menu: merge it into a listed
    organization (or edit it to accept it)."""

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not instance.reviewed and self.request.user.has_perm("participants.change_organization"):
            buttons.append(
                RowMenuItem(
                    gettext("Merge into…"),
                    url=reverse(
                        "wagtailsnippets_participants_organization:merge", args=[instance.pk]
                    ),
                    icon_name="resubmit",
                    priority=5,
                )
            )
        return buttons


class OrganizationViewSet(SnippetViewSet):
    """Coordinators keep the list of organizations; the ones people named on their
    profile come first until reviewed (tick "reviewed", correct name and acronym)."""

    model = Organization
    index_view_class = OrganizationIndexView
    icon = "group"
    menu_label = _("Organizations")
    list_display = [
        "acronym",
        "name",
        "kind",
        BooleanColumn("reviewed", label=_("Reviewed")),
        "website",
    ]
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

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("merge/<int:pk>/", OrganizationMergeView.as_view(), name="merge"),
        ]


register_snippet(OrganizationViewSet)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    @actions.register_action("participants.organization.merge")
    class MergeFormatter(LogFormatter):
        label = _("Merge an organization into this one")

        def format_message(self, log_entry):
            merged = log_entry.data.get("merged", {})
            moved = log_entry.data.get("moved", {})
            return gettext("Merged “%(name)s” (%(acronym)s) into this organization: %(moved)s") % {
                "name": merged.get("name", ""),
                "acronym": merged.get("acronym", ""),
                "moved": ", ".join(
                    gettext("%(label)s: %(count)s") % {"label": label, "count": count}
                    for label, count in moved.items()
                )
                or gettext("nothing pointed at it"),
            }


@hooks.register("register_admin_urls")
def register_erasure_urls():
    urls = [
        path("", ErasureRequestIndexView.as_view(), name="index"),
        path("<int:pk>/", ConfirmErasureView.as_view(), name="confirm"),
    ]
    return [path("erasure-requests/", include((urls, "erasure_requests")))]


class ErasureMenuItem(MenuItem):
    def is_shown(self, request):
        return may_confirm(request.user)


@hooks.register("register_settings_menu_item")
def register_erasure_menu_item():
    return ErasureMenuItem(
        _("Erasure requests"), reverse("erasure_requests:index"), icon_name="user", order=700
    )


@hooks.register("before_delete_user")
def delete_users_by_erasing_them(request, user):
    """Deleting a person in the admin erases them: deleted when nothing refers to them,
    anonymised when enrollments or certificates do (they are kept for reports)."""
    if request.method != "POST":
        return None
    request_ = erase_person(user=user, by=request.user)
    messages.success(
        request,
        _("%(reference)s is erased: their enrollments and certificates stay, without a name.")
        % {"reference": request_.reference},
    )
    return redirect("wagtailusers_users:index")


@hooks.register("before_bulk_action")
def bulk_delete_users_by_erasing_them(request, action_type, objects, action_class_instance):
    """The users list's bulk "Delete" erases each person as the single delete does;
    Wagtail's own delete would fail (ProtectedError) on anyone with an enrollment."""
    if action_type != "delete" or action_class_instance.model is not get_user_model():
        return None
    for user in objects:
        erase_person(user=user, by=request.user)
    messages.success(
        request,
        ngettext(
            "%(count)d person is erased: their enrollments and certificates stay, without a name.",
            "%(count)d people are erased: their enrollments and certificates stay, without a name.",
            len(objects),
        )
        % {"count": len(objects)},
    )
    return redirect(action_class_instance.next_url)


@hooks.register("register_log_actions")
def register_privacy_log_actions(actions):
    actions.register_action(
        REQUESTED_ACTION, _("Erasure requested"), _("The person asked to be forgotten")
    )
    actions.register_action(ERASED_ACTION, _("Person erased"), _("Person erased"))
    actions.register_action(
        DATA_REQUESTED_ACTION, _("Personal data requested"), _("Personal data requested")
    )
    actions.register_action(
        DATA_DOWNLOADED_ACTION, _("Personal data downloaded"), _("Personal data downloaded")
    )
