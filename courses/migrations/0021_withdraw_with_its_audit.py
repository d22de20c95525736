"""``concord_withdraw_logged``: withdrawing, the waitlist's promotions and the history
entry, as one statement (issue 20).

``concord_withdraw`` (0018) locks, checks, withdraws and promotes; the withdrawal's
history entry then took Wagtail's ``log()`` (its validation: two more queries, and an
INSERT) under the session's lock, and the participant's page read the enrollment and its
course first. This function calls ``concord_withdraw`` and, when it withdrew, writes the
entry ``log(session, WITHDRAW_ACTION, …)`` wrote (the session's label, the participant's
name, the enrollment, its status before, the reason, the promoted enrollments), and
returns the course's title in the reader's language for the page's message.
``courses.enrollment.services.withdraw`` is the only caller and documents the rules.
"""

from django.db import migrations

FUNCTION = r"""
CREATE OR REPLACE FUNCTION concord_withdraw_logged(
    p_enrollment bigint, p_by integer, p_reason text, p_now timestamptz, p_today date,
    p_language text,              -- the reader's language: the course's title in it, if live
    p_by_name text,               -- the participant's name, as the history shows it
    p_log_content_type integer,   -- the session model's content type (Wagtail's log)
    p_log_uuid uuid,              -- the log context's uuid, if any
    OUT o_outcome text, OUT o_from text, OUT o_session bigint, OUT o_notice bigint,
    OUT o_promoted bigint[], OUT o_promoted_notices bigint[], OUT o_course_title text
) LANGUAGE plpgsql AS $$
DECLARE
    s record;
BEGIN
    SELECT w.o_outcome, w.o_from, w.o_session, w.o_notice, w.o_promoted,
           w.o_promoted_notices
      INTO o_outcome, o_from, o_session, o_notice, o_promoted, o_promoted_notices
      FROM concord_withdraw(p_enrollment, p_by, p_reason, p_now, p_today) AS w;
    IF o_outcome <> 'ok' THEN
        RETURN;
    END IF;
    SELECT cs.code, page.title, page.translation_key, page.locale_id INTO s
      FROM courses_coursesession cs JOIN wagtailcore_page page ON page.id = cs.course_id
     WHERE cs.id = o_session;
    o_course_title := s.title;
    IF p_language IS NOT NULL THEN
        SELECT t.title INTO o_course_title
          FROM wagtailcore_page t JOIN wagtailcore_locale l ON l.id = t.locale_id
         WHERE t.translation_key = s.translation_key AND l.language_code = p_language
           AND t.locale_id <> s.locale_id AND t.live;
        o_course_title := coalesce(o_course_title, s.title);
    END IF;
    -- As ``log(session, WITHDRAW_ACTION, user=by, data=…)`` writes it; the label is the
    -- session's ``str()``: its code and its course's title.
    INSERT INTO wagtailcore_modellogentry (
        label, action, data, timestamp, content_changed, deleted, object_id,
        content_type_id, user_id, uuid, revision_id
    ) VALUES (
        s.code || ' · ' || s.title,
        'concord.enrollment.withdraw',
        jsonb_build_object(
            'participant', p_by_name, 'enrollment', p_enrollment, 'from', o_from,
            'reason', p_reason, 'promoted', to_jsonb(o_promoted)
        ),
        p_now, false, false, o_session::text, p_log_content_type, p_by, p_log_uuid, NULL
    );
END;
$$;
"""

REVERSE = """
DROP FUNCTION IF EXISTS concord_withdraw_logged(
    bigint, integer, text, timestamptz, date, text, text, integer, uuid
);
"""


class Migration(migrations.Migration):
    dependencies = [("courses", "0020_notices_for_invitations")]

    operations = [migrations.RunSQL(FUNCTION, reverse_sql=REVERSE)]
