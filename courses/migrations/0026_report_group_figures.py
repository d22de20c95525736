"""The report's figures summed per group and kept by the refresh (issue 20: at 10,000
sessions the report by course summed 10,000 session rows and named 5,000 courses on
every request), and the refresh taken out of the report's GET (a read never writes).

- ``courses_sessionfigures`` rows now carry the keys they were counted under: the
  course's translation key, the year of the session's first day, the organization's
  kind. ``courses_groupfigures`` holds their sums per (grouping, key), ``all`` for every
  session, and the course's title for the groups by course (indexed by title: a page of
  50 courses is an index range).
- ``concord_live_session_figures(sessions, at)`` counts sessions' figures from the
  enrollments, marks and meetings, without writing: the refresh stores what it returns,
  and the report counts with it the sessions still flagged stale when it reads.
- ``concord_refresh_session_figures()`` (same contract as in 0023: flags removed only if
  not bumped meanwhile) takes the recounted sessions' old rows out of the group sums,
  replaces the rows, adds the new ones in, and names the courses touched, in one
  transaction: ``GroupFigures`` is always the sum of ``SessionFigures``. It runs from the
  Celery beat (``courses.tasks.refresh_report_figures``), no longer from the report.
- New statement triggers flag the sessions whose keys or label change without a write
  to what 0023 watches: a session moved to another course or year, a course page's
  title or translation key changed (or pages of the course added or removed: the title
  is the page sessions point at), an organization's kind changed.
- ``SessionFigures`` loses its foreign-key constraints: a deleted session's rows stay
  until the refresh takes them out of the sums (a cascade would have left them counted).
"""

import importlib

import django.db.models.deletion
import django.db.models.functions.text
from django.db import migrations, models

STALE = "courses_stalesessionfigures"
FLAG = f"""
INSERT INTO {STALE} AS stale (session_id) {{select}}
ON CONFLICT (session_id) DO UPDATE SET bumps = stale.bumps + 1
"""

# The sessions of the courses whose translation keys a subquery gives.
OF_KEYS = (
    "SELECT s.id FROM courses_coursesession s JOIN wagtailcore_page p ON p.id = s.course_id "
    "WHERE p.translation_key IN ({keys})"
)

# table, function suffix, event, rows referenced, the sessions to flag
TRIGGERS = [
    # A new or deleted session changes which page names its course (the page sessions
    # point at): its course's sessions are recounted and the course renamed.
    (
        "courses_coursesession",
        "session_ins",
        "INSERT",
        "NEW TABLE AS new_rows",
        OF_KEYS.format(
            keys="SELECT p2.translation_key FROM new_rows n "
            "JOIN wagtailcore_page p2 ON p2.id = n.course_id"
        ),
    ),
    (
        "courses_coursesession",
        "session_upd",
        "UPDATE",
        "NEW TABLE AS new_rows OLD TABLE AS old_rows",
        "SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id "  # noqa: S608 -- names ours
        "WHERE n.starts_on IS DISTINCT FROM o.starts_on "
        "OR n.course_id IS DISTINCT FROM o.course_id "
        "UNION "
        + OF_KEYS.format(
            keys="SELECT p2.translation_key FROM new_rows n JOIN old_rows o ON o.id = n.id "
            "JOIN wagtailcore_page p2 ON p2.id IN (n.course_id, o.course_id) "
            "WHERE n.course_id IS DISTINCT FROM o.course_id"
        ),
    ),
    (
        "courses_coursesession",
        "session_del",
        "DELETE",
        "OLD TABLE AS old_rows",
        "SELECT id FROM old_rows UNION "  # noqa: S608 -- names ours
        + OF_KEYS.format(
            keys="SELECT p2.translation_key FROM old_rows o "
            "JOIN wagtailcore_page p2 ON p2.id = o.course_id"
        ),
    ),
    # A course's title: its pages' titles, translation keys, aliases; pages added or
    # removed. Page saves that change none of these (most) flag nothing.
    (
        "wagtailcore_page",
        "page_ins",
        "INSERT",
        "NEW TABLE AS new_rows",
        "SELECT DISTINCT q.id FROM ("  # noqa: S608 -- names ours
        + OF_KEYS.format(keys="SELECT translation_key FROM new_rows")
        + ") q",
    ),
    (
        "wagtailcore_page",
        "page_upd",
        "UPDATE",
        "NEW TABLE AS new_rows OLD TABLE AS old_rows",
        "SELECT DISTINCT q.id FROM ("  # noqa: S608 -- names ours
        + OF_KEYS.format(
            keys="SELECT n.translation_key FROM new_rows n JOIN old_rows o ON o.id = n.id "
            "WHERE n.title IS DISTINCT FROM o.title "
            "OR n.translation_key IS DISTINCT FROM o.translation_key "
            "OR n.alias_of_id IS DISTINCT FROM o.alias_of_id "
            "UNION SELECT o.translation_key FROM new_rows n JOIN old_rows o ON o.id = n.id "
            "WHERE n.translation_key IS DISTINCT FROM o.translation_key"
        )
        + ") q",
    ),
    (
        "wagtailcore_page",
        "page_del",
        "DELETE",
        "OLD TABLE AS old_rows",
        "SELECT DISTINCT q.id FROM ("  # noqa: S608 -- names ours
        + OF_KEYS.format(keys="SELECT translation_key FROM old_rows")
        + ") q",
    ),
    (
        "participants_organization",
        "organization_upd",
        "UPDATE",
        "NEW TABLE AS new_rows OLD TABLE AS old_rows",
        "SELECT DISTINCT e.session_id FROM courses_enrollment e WHERE e.organization_id IN "
        "(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id "
        "WHERE n.kind IS DISTINCT FROM o.kind)",
    ),
]


def _trigger_sql():
    create, drop = [], []
    for table, name, event, referencing, select in TRIGGERS:
        function = f"concord_flag_figures_{name}"
        create.append(
            f"""
CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {FLAG.format(select=select).strip()};
    RETURN NULL;
END $$;
CREATE TRIGGER {function} AFTER {event} ON {table}
    REFERENCING {referencing} FOR EACH STATEMENT EXECUTE FUNCTION {function}();
"""
        )
        drop.append(f"DROP TRIGGER {function} ON {table}; DROP FUNCTION {function}();")
    return "\n".join(create), "\n".join(drop)


# The figures of sessions counted from their enrollments, marks and meetings as of
# ``p_at``, a row per session, organization and gender with the keys they fall under
# (the words of courses.reports.selectors: the roster is confirmed, completed and not
# completed; attended is present or late; a blank gender is "not given"). Writes
# nothing: the refresh stores it, the report counts the sessions still stale with it.
LIVE = r"""
CREATE FUNCTION concord_live_session_figures(p_sessions bigint[], p_at timestamptz)
RETURNS TABLE (
    session_id bigint, organization_id bigint, gender varchar, course_key uuid,
    year integer, kind varchar, enrollments bigint, roster bigint, completed bigint,
    not_completed bigint, expected bigint, attended bigint, excused bigint,
    valid_until timestamptz
) LANGUAGE sql STABLE AS $$
    WITH held AS (
        SELECT m.session_id, count(*) FILTER (WHERE m.starts_at <= p_at) AS held,
               min(m.starts_at) FILTER (WHERE m.starts_at > p_at) AS next
          FROM courses_meeting m WHERE m.session_id = ANY (p_sessions)
         GROUP BY m.session_id
    ), marks AS (
        SELECT a.enrollment_id,
               count(*) FILTER (WHERE a.status IN ('present', 'late')) AS attended,
               count(*) FILTER (WHERE a.status = 'excused') AS excused
          FROM courses_attendance a
          JOIN courses_enrollment e ON e.id = a.enrollment_id
          JOIN courses_meeting m ON m.id = a.meeting_id
         WHERE e.session_id = ANY (p_sessions)
           AND e.status IN ('confirmed', 'completed', 'not_completed')
           AND a.status IN ('present', 'late', 'excused')
           AND m.starts_at <= p_at
         GROUP BY a.enrollment_id
    )
    SELECT e.session_id, e.organization_id, g.gender, p.translation_key,
           extract(year FROM s.starts_on)::integer, o.kind,
           count(*),
           count(*) FILTER (WHERE e.status IN ('confirmed', 'completed', 'not_completed')),
           count(*) FILTER (WHERE e.status = 'completed'),
           count(*) FILTER (WHERE e.status = 'not_completed'),
           coalesce(sum(h.held) FILTER (
               WHERE e.status IN ('confirmed', 'completed', 'not_completed')), 0)::bigint,
           coalesce(sum(mk.attended), 0)::bigint, coalesce(sum(mk.excused), 0)::bigint,
           min(h.next)
      FROM courses_enrollment e
      JOIN courses_coursesession s ON s.id = e.session_id
      JOIN wagtailcore_page p ON p.id = s.course_id
      JOIN participants_organization o ON o.id = e.organization_id
      LEFT JOIN participants_participant pp ON pp.user_id = e.participant_id
      CROSS JOIN LATERAL (
          SELECT coalesce(nullif(pp.gender, ''), 'not_given')::varchar AS gender) g
      LEFT JOIN held h ON h.session_id = e.session_id
      LEFT JOIN marks mk ON mk.enrollment_id = e.id
     WHERE e.session_id = ANY (p_sessions)
     GROUP BY e.session_id, e.organization_id, g.gender, p.translation_key, s.starts_on,
              o.kind
$$;
"""

# A course's title: its page sessions point at (any page of it when none does), not an
# alias, the first made.
TITLES = r"""
CREATE FUNCTION concord_course_titles(p_keys uuid[])
RETURNS TABLE (translation_key uuid, title varchar) LANGUAGE sql STABLE AS $$
    SELECT DISTINCT ON (p.translation_key) p.translation_key, p.title
      FROM wagtailcore_page p
     WHERE p.translation_key = ANY (p_keys)
     ORDER BY p.translation_key,
              EXISTS (SELECT 1 FROM courses_coursesession s WHERE s.course_id = p.id) DESC,
              p.alias_of_id IS NOT NULL, p.id
$$;
"""

# The sums of the sessions' rows per grouping and key, added to ``courses_groupfigures``
# (``p_sign`` -1: taken out). A group's sessions are those with a row in it.
ADD_GROUPS = r"""
CREATE FUNCTION concord_add_group_figures(p_sessions bigint[], p_sign integer)
RETURNS void LANGUAGE sql AS $$
    WITH f AS MATERIALIZED (
        SELECT * FROM courses_sessionfigures WHERE session_id = ANY (p_sessions)
    ), sums AS (
        SELECT 'all' AS grouping, '' AS key, count(*) AS sessions, sum(enrollments) AS
               enrollments, sum(roster) AS roster, sum(completed) AS completed,
               sum(not_completed) AS not_completed, sum(expected) AS expected,
               sum(attended) AS attended, sum(excused) AS excused
          FROM f WHERE organization_id IS NULL
        UNION ALL
        SELECT 'course', course_key::text, count(*), sum(enrollments), sum(roster),
               sum(completed), sum(not_completed), sum(expected), sum(attended), sum(excused)
          FROM f WHERE organization_id IS NULL GROUP BY course_key
        UNION ALL
        SELECT 'year', year::text, count(*), sum(enrollments), sum(roster),
               sum(completed), sum(not_completed), sum(expected), sum(attended), sum(excused)
          FROM f WHERE organization_id IS NULL GROUP BY year
        UNION ALL
        SELECT 'organization', organization_id::text, count(DISTINCT session_id),
               sum(enrollments), sum(roster), sum(completed), sum(not_completed),
               sum(expected), sum(attended), sum(excused)
          FROM f WHERE organization_id IS NOT NULL GROUP BY organization_id
        UNION ALL
        SELECT 'kind', kind, count(DISTINCT session_id),
               sum(enrollments), sum(roster), sum(completed), sum(not_completed),
               sum(expected), sum(attended), sum(excused)
          FROM f WHERE organization_id IS NOT NULL GROUP BY kind
        UNION ALL
        SELECT 'gender', gender, count(DISTINCT session_id),
               sum(enrollments), sum(roster), sum(completed), sum(not_completed),
               sum(expected), sum(attended), sum(excused)
          FROM f WHERE organization_id IS NOT NULL GROUP BY gender
    )
    INSERT INTO courses_groupfigures AS g (
        grouping, key, sessions, enrollments, roster, completed, not_completed, expected,
        attended, excused
    )
    SELECT grouping, key, p_sign * sessions, p_sign * coalesce(enrollments, 0),
           p_sign * coalesce(roster, 0), p_sign * coalesce(completed, 0),
           p_sign * coalesce(not_completed, 0), p_sign * coalesce(expected, 0),
           p_sign * coalesce(attended, 0), p_sign * coalesce(excused, 0)
      FROM sums
    ON CONFLICT (grouping, key) DO UPDATE SET
        sessions = g.sessions + excluded.sessions,
        enrollments = g.enrollments + excluded.enrollments,
        roster = g.roster + excluded.roster,
        completed = g.completed + excluded.completed,
        not_completed = g.not_completed + excluded.not_completed,
        expected = g.expected + excluded.expected,
        attended = g.attended + excluded.attended,
        excused = g.excused + excluded.excused
$$;
"""

# As in 0023 (the flags, the lock, the race), and the group sums kept in step.
REFRESH = r"""
CREATE OR REPLACE FUNCTION concord_refresh_session_figures() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    v_now timestamptz := clock_timestamp();
    v_sessions bigint[];
    v_courses uuid[];
BEGIN
    IF NOT EXISTS (SELECT 1 FROM courses_stalesessionfigures)
       AND NOT EXISTS (SELECT 1 FROM courses_sessionfigures WHERE valid_until <= v_now) THEN
        RETURN 0;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('concord_refresh_session_figures'));
    WITH gone AS (
        DELETE FROM courses_stalesessionfigures s USING courses_stalesessionfigures seen
         WHERE s.session_id = seen.session_id AND s.bumps = seen.bumps
        RETURNING s.session_id
    )
    SELECT array_agg(session_id) INTO v_sessions FROM (
        SELECT session_id FROM gone
        UNION
        SELECT session_id FROM courses_sessionfigures WHERE valid_until <= v_now
    ) due;
    IF v_sessions IS NULL THEN
        RETURN 0;
    END IF;
    v_courses := ARRAY(
        SELECT DISTINCT course_key FROM courses_sessionfigures
         WHERE session_id = ANY (v_sessions) AND organization_id IS NULL);
    PERFORM concord_add_group_figures(v_sessions, -1);
    DELETE FROM courses_sessionfigures WHERE session_id = ANY (v_sessions);
    INSERT INTO courses_sessionfigures (
        session_id, organization_id, gender, course_key, year, kind, enrollments, roster,
        completed, not_completed, expected, attended, excused, computed_at, valid_until
    )
    WITH live AS MATERIALIZED (
        SELECT * FROM concord_live_session_figures(v_sessions, v_now)
    )
    SELECT session_id, organization_id, gender, course_key, year, kind, enrollments,
           roster, completed, not_completed, expected, attended, excused, v_now, valid_until
      FROM live
    UNION ALL
    -- The session's total (organization and gender null): what the groupings by course
    -- and year read.
    SELECT session_id, NULL, NULL, course_key, year, NULL, sum(enrollments), sum(roster),
           sum(completed), sum(not_completed), sum(expected), sum(attended), sum(excused),
           v_now, min(valid_until)
      FROM live GROUP BY session_id, course_key, year;
    PERFORM concord_add_group_figures(v_sessions, 1);
    DELETE FROM courses_groupfigures WHERE sessions = 0 AND grouping <> 'all';
    v_courses := v_courses || ARRAY(
        SELECT DISTINCT course_key FROM courses_sessionfigures
         WHERE session_id = ANY (v_sessions) AND organization_id IS NULL);
    UPDATE courses_groupfigures g SET label = t.title
      FROM concord_course_titles(v_courses) t
     WHERE g.grouping = 'course' AND g.key = t.translation_key::text
       AND g.label IS DISTINCT FROM t.title;
    RETURN cardinality(v_sessions);
END $$;
"""

# Every session with enrollments is counted again, its keys and the sums with it.
FILL = """
DELETE FROM courses_sessionfigures;
DELETE FROM courses_groupfigures;
INSERT INTO courses_stalesessionfigures (session_id)
SELECT DISTINCT session_id FROM courses_enrollment ON CONFLICT DO NOTHING;
SELECT concord_refresh_session_figures();
"""


def _previous_refresh():
    previous = importlib.import_module("courses.migrations.0023_session_figures")
    return previous.REFRESH.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1) + (  # noqa: S608 -- names ours
        "DELETE FROM courses_sessionfigures;"
        "INSERT INTO courses_stalesessionfigures (session_id) "
        "SELECT DISTINCT session_id FROM courses_enrollment ON CONFLICT DO NOTHING;"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0025_drop_indexes_that_repeat_another"),
        ("participants", "0009_signed_in_user_function"),
    ]

    operations = [
        migrations.AddField(
            model_name="sessionfigures",
            name="course_key",
            field=models.UUIDField(null=True, verbose_name="course"),
        ),
        migrations.AddField(
            model_name="sessionfigures",
            name="kind",
            field=models.CharField(max_length=20, null=True, verbose_name="kind of organization"),
        ),
        migrations.AddField(
            model_name="sessionfigures",
            name="year",
            field=models.IntegerField(null=True, verbose_name="year"),
        ),
        migrations.AlterField(
            model_name="sessionfigures",
            name="organization",
            field=models.BigIntegerField(
                db_column="organization_id", null=True, verbose_name="organization"
            ),
        ),
        migrations.AlterField(
            model_name="sessionfigures",
            name="session",
            field=models.ForeignKey(
                db_constraint=False,
                db_index=False,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="courses.coursesession",
                verbose_name="session",
            ),
        ),
        migrations.CreateModel(
            name="GroupFigures",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("grouping", models.CharField(max_length=12, verbose_name="grouping")),
                ("key", models.CharField(max_length=64, verbose_name="key")),
                ("label", models.TextField(null=True, verbose_name="label")),
                ("sessions", models.BigIntegerField(verbose_name="sessions")),
                ("enrollments", models.BigIntegerField(verbose_name="enrollments")),
                ("roster", models.BigIntegerField(verbose_name="roster")),
                ("completed", models.BigIntegerField(verbose_name="completed")),
                ("not_completed", models.BigIntegerField(verbose_name="not completed")),
                ("expected", models.BigIntegerField(verbose_name="expected attendances")),
                ("attended", models.BigIntegerField(verbose_name="attended")),
                ("excused", models.BigIntegerField(verbose_name="excused")),
            ],
            options={
                "verbose_name": "group figures",
                "verbose_name_plural": "group figures",
                "indexes": [
                    models.Index(
                        models.F("grouping"),
                        django.db.models.functions.text.Lower("label"),
                        models.F("key"),
                        name="group_figures_by_label",
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("grouping", "key"), name="one_figures_row_per_key"
                    )
                ],
            },
        ),
        migrations.RunSQL(
            LIVE, "DROP FUNCTION concord_live_session_figures(bigint[], timestamptz);"
        ),
        migrations.RunSQL(TITLES, "DROP FUNCTION concord_course_titles(uuid[]);"),
        migrations.RunSQL(
            ADD_GROUPS, "DROP FUNCTION concord_add_group_figures(bigint[], integer);"
        ),
        migrations.RunSQL(REFRESH, _previous_refresh()),
        migrations.RunSQL(_trigger_sql()[0], _trigger_sql()[1]),
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
    ]
