"""The admin screen where coordinators and administrators confirm erasure requests.

Confirming runs ``privacy.erase_person``; the list shows who asked (until they are
erased) and when. GET only shows; the erasure needs a POST from the confirmation page.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import ErasureRequest
from .privacy import erase_person

PERMISSION = "participants.change_erasurerequest"


def may_confirm(user) -> bool:
    return user.has_perm(PERMISSION)


class ErasureRequestsMixin(WagtailAdminTemplateMixin):
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not may_confirm(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("erasure_requests:index"), "label": _("Erasure requests")},
        ]


class ErasureRequestIndexView(ErasureRequestsMixin, TemplateView):
    page_title = gettext_lazy("Erasure requests")
    template_name = "participants/admin/erasure_requests.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        requests = ErasureRequest.objects.select_related("user", "decided_by")
        context["pending"] = [r for r in requests if r.status == ErasureRequest.Status.PENDING]
        context["decided"] = [r for r in requests if r.status != ErasureRequest.Status.PENDING][:50]
        return context


class ConfirmErasureView(ErasureRequestsMixin, TemplateView):
    page_title = gettext_lazy("Confirm erasure")
    template_name = "participants/admin/confirm_erasure.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.erasure_request = get_object_or_404(
            ErasureRequest.objects.select_related("user"),
            pk=kwargs["pk"],
            status=ErasureRequest.Status.PENDING,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["erasure_request"] = self.erasure_request
        context["person"] = self.erasure_request.user
        return context

    def post(self, request, *args, **kwargs):
        person = self.erasure_request.user
        erase_person(user=person, by=request.user)
        messages.success(
            request,
            _("%(reference)s is erased: their enrollments and certificates stay, without a name.")
            % {"reference": self.erasure_request.reference},
        )
        return redirect("erasure_requests:index")
