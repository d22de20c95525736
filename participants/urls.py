from django.urls import path

from . import views

urlpatterns = [
    path("", views.profile, name="profile"),
    path("erase/", views.request_erasure_view, name="profile_erasure"),
    path("erase/withdraw/", views.withdraw_erasure_view, name="profile_erasure_withdraw"),
]
