"""Focal points, appointed and removed by coordinators in the admin (``FocalPoint`` of
``participants``; URL names ``focal_points:…``).

A Wagtail ``ModelViewSet``: its create and delete views write Wagtail's own audit
entries (``wagtail.create``, ``wagtail.delete``) with who did it and when, shown in the
site history; no editing in place (a change of person or organization is a removal and
an appointment, each in the log). Coordinators hold the rights (``access.ROLE_PERMISSIONS``).
"""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet

from participants.models import FocalPoint


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        name = user.get_full_name() or user.get_username()
        return f"{name} <{user.email}>"


class FocalPointForm(WagtailAdminModelForm):
    user = PersonChoiceField(
        queryset=get_user_model()
        .objects.filter(is_active=True, participant__isnull=False)
        .order_by("last_name", "first_name", "email"),
        label=gettext_lazy("Person"),
        help_text=gettext_lazy("People with an account and a completed profile."),
    )

    class Meta:
        model = FocalPoint
        fields = ["organization", "user"]


class FocalPointViewSet(ModelViewSet):
    model = FocalPoint
    form_class = FocalPointForm
    form_fields = ["organization", "user"]
    icon = "group"
    menu_label = gettext_lazy("Focal points")
    menu_order = 500
    url_prefix = "courses/focal-points"
    name = "focal_points"
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        Column("person", label=gettext_lazy("Person"), accessor="user"),
        Column("email", label=gettext_lazy("Email"), accessor="user.email"),
        Column("organization", label=gettext_lazy("Organization"), accessor="organization.acronym"),
        DateColumn("created_at", label=gettext_lazy("Appointed")),
    ]
    list_filter = ["organization"]
    search_fields = ["user__first_name", "user__last_name", "user__email", "organization__acronym"]
    ordering = ["organization__acronym", "user__last_name"]

    def get_queryset(self, request):
        return FocalPoint.objects.select_related("user", "organization")
