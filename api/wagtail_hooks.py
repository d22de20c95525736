"""Wagtail registrations of the API app: the administrators' API tokens screen."""

from wagtail import hooks

from api.admin import ApiTokenViewSet


@hooks.register("register_admin_viewset")
def register_viewsets():
    return ApiTokenViewSet()
