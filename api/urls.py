from django.urls import path, re_path

from api import views
from api.main import api

urlpatterns = [
    path("api/v1/", api.urls),
    re_path(r"^api/(?P<rest>.*)$", views.unknown_api_path),
    path(".well-known/did.json", views.did_document, name="did_document"),
    path("credentials/status/revocation", views.status_list, name="credential_status_list"),
    path(
        "certificates/<slug:code>/credential.json",
        views.credential_download,
        name="credential_download",
    ),
    path("certificates/<slug:code>/badge.svg", views.badge_download, name="badge_download"),
]
