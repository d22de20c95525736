import functools
from dataclasses import dataclass

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import connections, router

ACCESS_ADMIN = "wagtailadmin.access_admin"


class AdminFlagMixin:
    """Load with the signed-in user whether they may use the Wagtail admin
    (``user.can_access_admin``) and whether they are a focal point of an organization
    (``user.is_focal_point``), so that every public page can decide whether to show the
    admin link, the userbar and the focal-point link without further queries.

    Django loads the user of a session through the backend that signed them in; the
    site and the admin share one sign-in (allauth's), so one backend carries it.
    """

    def has_perm(self, user_obj, perm, obj=None):
        # Every admin request asks this first (Wagtail's require_admin_access): answered
        # from the flag the user was loaded with, the same rule as ModelBackend's (active,
        # and a superuser or the permission through a group or directly), without its
        # two queries that load every permission the user has.
        if perm == ACCESS_ADMIN and obj is None and hasattr(user_obj, "admin_permission"):
            return user_obj.is_active and (user_obj.is_superuser or bool(user_obj.admin_permission))
        return super().has_perm(user_obj, perm, obj)

    def get_user(self, user_id):
        user = _user_with_admin_flag(user_id)
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
    """The user of ``user_id`` with the three figures above, or None.

    Read with a cursor and built with ``Model.from_db``, as a raw queryset would, but
    with the columns matched to the fields once per process (``_layout``) rather than
    on every request: a ``RawQuerySet`` works that out again each time, and this runs
    on every signed-in request (issue 20: 0.2 ms of each enrollment)."""
    user_model = get_user_model()
    try:
        user_id = user_model._meta.pk.to_python(user_id)
    except ValidationError:
        return None
    if not isinstance(user_id, int) or not -(2**63) <= user_id < 2**63:
        return None  # no such user (a bigint parameter)
    alias = router.db_for_read(user_model)
    connection = connections[alias]
    with connection.cursor() as cursor:
        cursor.execute(SIGNED_IN_USER_SQL, [user_id])
        row = cursor.fetchone()
        if row is None:
            return None
        layout = _layout(user_model, alias, tuple(column.name for column in cursor.description))
    values = [_converted(row[index], converters, connection) for index, converters in layout.fields]
    user = user_model.from_db(alias, layout.attnames, values)
    for name, index in layout.extras:
        setattr(user, name, row[index])
    return user


@dataclass(frozen=True)
class _Layout:
    attnames: list  # the model's concrete fields, in order
    fields: list  # (index of the column, [(converter, expression)]), in the same order
    extras: list  # (attribute, index of the column) for the columns of no field


@functools.cache
def _layout(model, alias, columns: tuple) -> _Layout:
    connection = connections[alias]
    index_of = {name: index for index, name in enumerate(columns)}
    fields = model._meta.concrete_fields
    missing = [field.column for field in fields if field.column not in index_of]
    if missing:
        raise ImproperlyConfigured(f"concord_signed_in_user() does not return {missing}")
    return _Layout(
        attnames=[field.attname for field in fields],
        fields=[
            (
                index_of[field.column],
                [
                    (converter, field.cached_col)
                    for converter in connection.ops.get_db_converters(field.cached_col)
                    + field.get_db_converters(connection)
                ],
            )
            for field in fields
        ],
        extras=[
            (name, index)
            for index, name in enumerate(columns)
            if name not in {field.column for field in fields}
        ],
    )


def _converted(value, converters, connection):
    for converter, expression in converters:
        value = converter(value, expression, connection)
    return value


class EmailBackendWithAdminFlag(AdminFlagMixin, AuthenticationBackend):
    """allauth's backend (email and password: the site's sign-in, with its rate limits)."""
