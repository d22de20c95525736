"""``concord_enroll_logged``: ``concord_enroll`` (0017) and, when it renewed a withdrawn
enrollment, the history entry ``log(session, REENROLL_ACTION, …)`` wrote (issue 20).

With the entry written by the same statement, an enrollment from the participant's page
is one statement whatever it decides, and ``courses.enrollment.services.enroll`` runs it
as its own transaction (no BEGIN and COMMIT round trips around it, and the session's
lock is released the moment the statement ends). ``enroll`` is the only caller and
documents the rules.
"""

from django.db import migrations

FUNCTION = r"""
CREATE OR REPLACE FUNCTION concord_enroll_logged(
    p_session bigint, p_code text, p_participant integer, p_organization bigint,
    p_now timestamptz, p_nominated_by integer, p_justification text, p_public boolean,
    p_language text,
    p_participant_name text,      -- the participant's name, as the history shows it
    p_log_content_type integer,   -- the session model's content type (Wagtail's log)
    p_log_uuid uuid,              -- the log context's uuid, if any
    p_log_user integer,           -- who acted: the nominator, else the participant
    OUT o_outcome text, OUT o_enrollment bigint, OUT o_status text,
    OUT o_requested_at timestamptz, OUT o_waitlisted_at timestamptz,
    OUT o_decided_at timestamptz, OUT o_place_in_line integer, OUT o_notice bigint,
    OUT o_session bigint, OUT o_organization bigint, OUT o_reenrolled boolean,
    OUT o_course_title text
) LANGUAGE plpgsql AS $$
BEGIN
    SELECT e.o_outcome, e.o_enrollment, e.o_status, e.o_requested_at, e.o_waitlisted_at,
           e.o_decided_at, e.o_place_in_line, e.o_notice, e.o_session, e.o_organization,
           e.o_reenrolled, e.o_course_title
      INTO o_outcome, o_enrollment, o_status, o_requested_at, o_waitlisted_at,
           o_decided_at, o_place_in_line, o_notice, o_session, o_organization,
           o_reenrolled, o_course_title
      FROM concord_enroll(p_session, p_code, p_participant, p_organization, p_now,
                          p_nominated_by, p_justification, p_public, p_language) AS e;
    IF o_outcome = 'ok' AND o_reenrolled THEN
        -- As ``log(session, REENROLL_ACTION, user=…, data=…)`` writes it; the label is
        -- the session's ``str()``: its code and its course's title.
        INSERT INTO wagtailcore_modellogentry (
            label, action, data, timestamp, content_changed, deleted, object_id,
            content_type_id, user_id, uuid, revision_id
        )
        SELECT cs.code || ' · ' || page.title, 'concord.enrollment.reenroll',
               jsonb_build_object('participant', p_participant_name,
                                  'enrollment', o_enrollment, 'to', o_status),
               clock_timestamp(), false, false, cs.id::text, p_log_content_type,
               p_log_user, p_log_uuid, NULL
          FROM courses_coursesession cs JOIN wagtailcore_page page ON page.id = cs.course_id
         WHERE cs.id = o_session;
    END IF;
END;
$$;
"""

REVERSE = """
DROP FUNCTION IF EXISTS concord_enroll_logged(
    bigint, text, integer, bigint, timestamptz, integer, text, boolean, text,
    text, integer, uuid, integer
);
"""


class Migration(migrations.Migration):
    dependencies = [("courses", "0021_withdraw_with_its_audit")]

    operations = [migrations.RunSQL(FUNCTION, reverse_sql=REVERSE)]
