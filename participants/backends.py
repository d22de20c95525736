from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError


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


# The user row, whether a group or a direct grant gives them Wagtail's ``access_admin``,
# whether they are a focal point, and their profile's organization
# (``profile_organization_id``, None without a profile: enrolling needs it, and it costs
# nothing here), as one statement. It runs on every signed-in request, so it is a
# PL/pgSQL function (migration 0009_signed_in_user_function), whose plans PostgreSQL
# keeps for the connection: as a plain statement, planning its seven tables cost ten
# times running it (issue 20).
SIGNED_IN_USER_SQL = """
    SELECT (r.o_user).*, r.o_admin_permission AS admin_permission,
           r.o_focal_point AS focal_point, r.o_organization AS profile_organization_id
      FROM concord_signed_in_user(%s) r
     WHERE (r.o_user).id IS NOT NULL
"""


def _user_with_admin_flag(user_id):
    user_model = get_user_model()
    try:
        user_id = user_model._meta.pk.to_python(user_id)
    except ValidationError:
        return []
    if not isinstance(user_id, int) or not -(2**63) <= user_id < 2**63:
        return []  # no such user (a bigint parameter)
    return user_model._default_manager.raw(SIGNED_IN_USER_SQL, [user_id])


class EmailBackendWithAdminFlag(AdminFlagMixin, AuthenticationBackend):
    """allauth's backend (email and password: the site's sign-in, with its rate limits)."""
