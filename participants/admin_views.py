"""Coordinators' screens for the organizations people proposed: merge one into an
organization already listed (accepting one is ticking "reviewed" on its edit form).

Only who may change organizations (coordinators, administrators) opens them; anyone
else is refused as by Wagtail's own organization screens. An organization that is not
a proposal awaiting review is not found. Nothing changes on GET: choosing the
organization to merge into shows what will move, and only the POST of that confirmation
merges.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import Organization
from .selectors import person_name
from .services import MergeError, merge_organization, references_to

SNIPPETS = "wagtailsnippets_participants_organization"


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(
        queryset=Organization.objects.none(),
        label=gettext_lazy("Merge into"),
        empty_label=gettext_lazy("Choose an organization"),
        help_text=gettext_lazy(
            "The listed organization the proposed one is a duplicate or a misspelling of."
        ),
        error_messages={"required": gettext_lazy("Choose the organization to merge into.")},
    )

    def __init__(self, *args, source, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = Organization.objects.exclude(pk=source.pk).order_by(
            "-reviewed", "name"
        )


class OrganizationMergeView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "participants/admin/merge_organization.html"
    header_icon = "group"
    http_method_names = ["get", "post"]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("participants.change_organization"):
            raise PermissionDenied
        self.source = get_object_or_404(
            Organization.objects.select_related("proposed_by"), pk=kwargs["pk"], reviewed=False
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Merge “%(name)s”") % {"name": self.source.name}

    @cached_property
    def index_url(self):
        return reverse(f"{SNIPPETS}:list")

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": self.index_url, "label": _("Organizations")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get(self, request, *args, **kwargs):
        form = MergeForm(request.GET if "into" in request.GET else None, source=self.source)
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        form = MergeForm(request.POST, source=self.source)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        into = form.cleaned_data["into"]
        try:
            moved = merge_organization(source=self.source, into=into, by=request.user)
        except MergeError as error:
            messages.error(request, str(error))
            return redirect(self.index_url)
        messages.success(
            request,
            _("“%(source)s” was merged into “%(into)s”: %(moved)s.")
            % {
                "source": self.source.name,
                "into": into.name,
                "moved": ", ".join(
                    _("%(label)s: %(count)s") % {"label": label, "count": count}
                    for label, count in moved.items()
                )
                or _("nothing pointed at it"),
            },
        )
        return redirect(reverse(f"{SNIPPETS}:edit", args=[into.pk]))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        proposer = self.source.proposed_by
        context.update(
            source=self.source,
            proposed_by=person_name(proposer) if proposer else "",
            references=references_to(self.source),
            into=form.cleaned_data["into"] if form.is_bound and form.is_valid() else None,
            confirming=self.request.method == "GET" and form.is_bound and form.is_valid(),
            index_url=self.index_url,
            edit_url=reverse(f"{SNIPPETS}:edit", args=[self.source.pk]),
        )
        return context
