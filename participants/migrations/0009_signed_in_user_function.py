"""``concord_signed_in_user``: the signed-in user as ``participants.backends`` loads it
on every request (the user row, whether they may use the Wagtail admin, whether they are
a focal point, their profile's organization), in a PL/pgSQL function.

As a plain statement, PostgreSQL planned its seven tables again for every request
(0.4 ms of a backend's CPU, ten times what running it takes); a PL/pgSQL function keeps
the plans of its statements for the connection's life (issue 20: measured 0.44 ms ->
0.17 ms per call).
"""

from django.db import migrations

FUNCTION = r"""
CREATE OR REPLACE FUNCTION concord_signed_in_user(
    p_user bigint,
    OUT o_user auth_user, OUT o_admin_permission boolean, OUT o_focal_point boolean,
    OUT o_organization bigint
) LANGUAGE plpgsql STABLE AS $$
BEGIN
    SELECT * INTO o_user FROM auth_user WHERE id = p_user;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    o_admin_permission := EXISTS (
        SELECT 1 FROM auth_permission p
        JOIN django_content_type ct ON ct.id = p.content_type_id
        WHERE p.codename = 'access_admin' AND ct.app_label = 'wagtailadmin' AND (
            EXISTS (SELECT 1 FROM auth_user_groups ug
                    JOIN auth_group_permissions gp ON gp.group_id = ug.group_id
                    WHERE ug.user_id = p_user AND gp.permission_id = p.id)
            OR EXISTS (SELECT 1 FROM auth_user_user_permissions up
                       WHERE up.user_id = p_user AND up.permission_id = p.id)
        )
    );
    o_focal_point := EXISTS (SELECT 1 FROM participants_focalpoint f WHERE f.user_id = p_user);
    SELECT organization_id INTO o_organization
      FROM participants_participant WHERE user_id = p_user;
END;
$$;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("participants", "0008_printed_name_and_seven_languages"),
    ]

    operations = [
        migrations.RunSQL(
            FUNCTION, reverse_sql="DROP FUNCTION IF EXISTS concord_signed_in_user(bigint);"
        ),
    ]
