"""The admin screen that sends a translation to review (``cms.translations``)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.admin.widgets import ListingButton
from wagtail.models import Page

from .translations import (
    NoReviewWorkflow,
    NotATranslation,
    submit_translation_for_review,
    synced_translation,
)


def may_submit(page, user) -> bool:
    """Whoever may edit the translated page may send it to review."""
    return page.permissions_for_user(user).can_edit()


@require_http_methods(["GET", "POST"])
def submit_for_review(request, page_id):
    """GET: what will happen, and a button; POST: send the translation to review."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not may_submit(page, request.user):
        raise PermissionDenied
    translation = synced_translation(page)
    if translation is None:
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if request.method == "POST":
        try:
            submit_translation_for_review(page=page, user=request.user)
        except (NotATranslation, NoReviewWorkflow):
            messages.error(request, _("No review applies to this page: ask a coordinator."))
        else:
            messages.success(
                request,
                _("The %(language)s translation of '%(title)s' was sent for review.")
                % {
                    "language": translation.target_locale.get_display_name(),
                    "title": page.get_admin_display_title(),
                },
            )
        return redirect(edit_url)
    return TemplateResponse(
        request,
        "cms/admin/submit_translation.html",
        {
            "page": page,
            "language": translation.target_locale.get_display_name(),
            "in_review": page.current_workflow_state is not None,
            "edit_url": edit_url,
            "header_icon": "wagtail-localize-language",
        },
    )


def review_button(page, user, view_name=None, next_url=None):
    """'Send translation for review' in a translated page's header."""
    if synced_translation(page) is None or not may_submit(page, user):
        return
    yield ListingButton(
        _("Send translation for review"),
        reverse("cms_translations:submit_for_review", args=[page.pk]),
        priority=61,
        icon_name="resubmit",
    )
