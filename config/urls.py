from allauth.account import views as account_views
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from courses import admin_reports

from .media import serve_media

urlpatterns = [
    # Wagtail's reports, scoped and with safe exports: ahead of the admin, which they replace.
    path("admin/reports/", include(admin_reports.urlpatterns())),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    # allauth's sign-in and sign-out, also under Django's usual names "login" and "logout".
    path("accounts/login/", account_views.login, name="login"),
    path("accounts/logout/", account_views.logout, name="logout"),
    path("accounts/", include("allauth.urls")),
    path("profile/", include("participants.urls")),
    re_path(r"^media/(?P<path>.+)$", serve_media, name="media"),
    path("", include("courses.urls")),
    path("", include(wagtail_urls)),
]
