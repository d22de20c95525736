from django.urls import path

from . import views

urlpatterns = [
    path("", views.profile, name="profile"),
    path("my-data/", views.request_data_export_view, name="profile_data_export"),
    path(
        "my-data/<int:pk>/",
        views.download_data_export_view,
        name="profile_data_download",
    ),
    path("erase/", views.request_erasure_view, name="profile_erasure"),
    path("erase/withdraw/", views.withdraw_erasure_view, name="profile_erasure_withdraw"),
]
