from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.db.models import Exists, OuterRef, Q


class AdminFlagMixin:
    """Load with the signed-in user whether they may use the Wagtail admin
    (``user.can_access_admin``), so that every public page can decide whether to show
    the admin link and the userbar without two permission queries.

    Django loads the user of a session through the backend that signed them in, so
    every backend in AUTHENTICATION_BACKENDS carries this: whichever one signed a person
    in, the flag is there.
    """

    def get_user(self, user_id):
        access_admin = Permission.objects.filter(
            codename="access_admin", content_type__app_label="wagtailadmin"
        ).filter(Q(group__user=OuterRef("pk")) | Q(user=OuterRef("pk")))
        user = (
            get_user_model()
            ._default_manager.annotate(admin_permission=Exists(access_admin))
            .filter(pk=user_id)
            .first()
        )
        if user is None or not self.user_can_authenticate(user):
            return None
        user.can_access_admin = user.is_active and (user.is_superuser or user.admin_permission)
        return user


class ModelBackendWithAdminFlag(AdminFlagMixin, ModelBackend):
    """Django's model backend (username and password: Wagtail's admin sign-in)."""


class EmailBackendWithAdminFlag(AdminFlagMixin, AuthenticationBackend):
    """allauth's backend (email and password: the site's sign-in, with its rate limits)."""
