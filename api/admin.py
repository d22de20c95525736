"""Administrators' screen for API tokens (Wagtail admin → Settings → API tokens):
list with organization, scopes, last use and state; create (the secret is shown once,
on the page that follows); revoke with a confirmation (POST). Superusers only, through
the model's permissions, which no group is given."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from api.tokens import new_secret_for, revoke_token
from courses.models import ApiToken
from participants.models import Organization


class ApiTokenForm(WagtailAdminModelForm):
    scopes = forms.MultipleChoiceField(
        label=gettext_lazy("Scopes"),
        choices=ApiToken.Scope.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=gettext_lazy(
            "What the token may read, for its organization's staff only. Without a scope "
            "it reads nothing but the public endpoints."
        ),
    )

    class Meta:
        model = ApiToken
        fields = ["name", "organization", "scopes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.filter(reviewed=True).order_by(
            "acronym"
        )
        if self.instance.pk:
            # The organization is what the token was given for: make a new token instead.
            self.fields["organization"].disabled = True


class CreateTokenView(generic.CreateView):
    def save_instance(self):
        instance = self.form.save(commit=False)
        self.secret = new_secret_for(instance)
        instance.created_by = self.request.user
        instance.save()
        return instance

    def form_valid(self, form):
        super().form_valid(form)
        response = TemplateResponse(
            self.request,
            "api/admin/token_created.html",
            {
                "token": self.object,
                "secret": self.secret,
                "index_url": reverse("api_tokens:index"),
                "page_title": _("API token created"),
                "header_title": _("API token created"),
                "header_icon": "key",
                "breadcrumbs_items": [],
            },
        )
        response["Cache-Control"] = "no-store"
        return response


def scope_labels(token: ApiToken) -> str:
    labels = dict(ApiToken.Scope.choices)
    return ", ".join(str(labels.get(scope, scope)) for scope in token.scopes) or "—"


class TokenStateColumn(StatusTagColumn):
    def get_value(self, instance):
        return _("Active") if instance.is_active else _("Revoked")


class TokenIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if instance.is_active:
            buttons.append(
                Button(
                    _("Revoke"),
                    url=reverse("api_tokens:revoke", args=[instance.pk]),
                    icon_name="cross",
                    priority=40,
                )
            )
        return buttons


class RevokeTokenView(View):
    """GET: the confirmation; POST: revoke. Needs the change permission."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("courses.change_apitoken"):
            from wagtail.admin.auth import permission_denied  # noqa: PLC0415 -- on refusal

            return permission_denied(request)
        self.token = get_object_or_404(ApiToken, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, pk):
        return TemplateResponse(
            request,
            "api/admin/token_revoke.html",
            {
                "token": self.token,
                "page_title": _("Revoke API token"),
                "header_title": _("Revoke %(name)s") % {"name": self.token.name},
                "header_icon": "key",
                "breadcrumbs_items": [],
                "index_url": reverse("api_tokens:index"),
            },
        )

    def post(self, request, pk):
        revoke_token(token=self.token)
        messages.success(
            request,
            _("Token %(prefix)s… revoked: its next call is refused.")
            % {"prefix": self.token.prefix},
        )
        return redirect("api_tokens:index")


class ApiTokenViewSet(ModelViewSet):
    model = ApiToken
    icon = "key"
    menu_label = gettext_lazy("API tokens")
    add_to_settings_menu = True
    name = "api_tokens"
    form_class = ApiTokenForm
    add_view_class = CreateTokenView
    index_view_class = TokenIndexView
    copy_view_enabled = False
    inspect_view_enabled = False
    list_filter = ["organization"]
    search_fields = ["name", "prefix"]
    list_display = [
        "name",
        Column("prefix", label=gettext_lazy("Starts with")),
        "organization",
        Column("scopes", label=gettext_lazy("Scopes"), accessor=scope_labels),
        DateColumn("last_used_at", label=gettext_lazy("Last used")),
        DateColumn("created_at", label=gettext_lazy("Created")),
        TokenStateColumn("revoked_at", label=gettext_lazy("State")),
    ]

    def get_form_class(self, for_update=False):
        return ApiTokenForm

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("revoke/<int:pk>/", RevokeTokenView.as_view(), name="revoke"),
        ]
