import functools

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from .models import FocalPoint, Participant


class AdminFlagMixin:
    """Load with the signed-in user whether they may use the Wagtail admin
    (``user.can_access_admin``) and whether they are a focal point of an organization
    (``user.is_focal_point``), so that every public page can decide whether to show the
    admin link, the userbar and the focal-point link without further queries.

    Django loads the user of a session through the backend that signed them in; the
    site and the admin share one sign-in (allauth's), so one backend carries it.
    """

    def get_user(self, user_id):
        user = next(iter(_user_with_admin_flag(user_id)), None)
        if user is None or not self.user_can_authenticate(user):
            return None
        user.can_access_admin = user.is_active and (user.is_superuser or user.admin_permission)
        user.is_focal_point = bool(user.focal_point)
        return user


@functools.cache
def _admin_flag_sql() -> str:
    """The user row, whether a group or a direct grant gives them Wagtail's
    ``access_admin``, whether they are a focal point, and their profile's organization
    (``profile_organization_id``, None without a profile: enrolling needs it, and it
    costs nothing here), as one statement.

    Written out rather than built by the ORM because it runs on every signed-in request:
    compiling the equivalent ``Exists`` over five joins costs more than running it.
    """
    user_model = get_user_model()
    groups = user_model.groups.through._meta.db_table
    direct = user_model.user_permissions.through._meta.db_table
    group_permissions = Group.permissions.through._meta.db_table
    return f"""
        SELECT u.*, EXISTS (
            SELECT 1 FROM {Permission._meta.db_table} p
            JOIN {ContentType._meta.db_table} ct ON ct.id = p.content_type_id
            WHERE p.codename = 'access_admin' AND ct.app_label = 'wagtailadmin' AND (
                EXISTS (SELECT 1 FROM {groups} ug
                        JOIN {group_permissions} gp ON gp.group_id = ug.group_id
                        WHERE ug.user_id = u.id AND gp.permission_id = p.id)
                OR EXISTS (SELECT 1 FROM {direct} up
                           WHERE up.user_id = u.id AND up.permission_id = p.id)
            )
        ) AS admin_permission,
        EXISTS (SELECT 1 FROM {FocalPoint._meta.db_table} f WHERE f.user_id = u.id)
            AS focal_point,
        (SELECT p.organization_id FROM {Participant._meta.db_table} p WHERE p.user_id = u.id)
            AS profile_organization_id
        FROM {user_model._meta.db_table} u
        WHERE u.id = %s
    """  # noqa: S608 - table names come from the models, the id is a parameter


def _user_with_admin_flag(user_id):
    user_model = get_user_model()
    try:
        user_id = user_model._meta.pk.to_python(user_id)
    except ValidationError:
        return []
    return user_model._default_manager.raw(_admin_flag_sql(), [user_id])


class EmailBackendWithAdminFlag(AdminFlagMixin, AuthenticationBackend):
    """allauth's backend (email and password: the site's sign-in, with its rate limits)."""
