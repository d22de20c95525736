from allauth.account import views as account_views
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.media_admin import DocumentIndexView, ImageIndexView
from courses import admin_reports
from participants import views as participant_views

from .media import serve_media

urlpatterns = [
    # One sign-in: Wagtail's own login and password-reset pages lead to allauth's.
    path("admin/login/", participant_views.admin_sign_in, name="wagtailadmin_login"),
    re_path(r"^admin/password_reset/", participant_views.admin_password_reset),
    # Wagtail's media listings, with a usage-count filter that survives a search.
    path("admin/images/", ImageIndexView.as_view()),
    path("admin/images/results/", ImageIndexView.as_view(results_only=True)),
    path("admin/documents/", DocumentIndexView.as_view()),
    path("admin/documents/results/", DocumentIndexView.as_view(results_only=True)),
    # Wagtail's reports, scoped and with safe exports: ahead of the admin, which they replace.
    path("admin/reports/", include(admin_reports.urlpatterns())),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Django's set_language, which also remembers a signed-in person's choice.
    path("i18n/setlang/", participant_views.set_language, name="set_language"),
    # allauth's sign-in and sign-out, also under Django's usual names "login" and "logout".
    path("accounts/login/", account_views.login, name="login"),
    path("accounts/logout/", account_views.logout, name="logout"),
    path("accounts/", include("allauth.urls")),
    path("profile/", include("participants.urls")),
    re_path(r"^media/(?P<path>.+)$", serve_media, name="media"),
    # The REST API, the issuer's DID document and the credentials' status list (api/).
    path("", include("api.urls")),
    path("", include("courses.urls")),
    path("", include(wagtail_urls)),
]

# Problem details (RFC 9457) for the API's server errors, the site's page elsewhere.
handler500 = "api.views.server_error_handler"
