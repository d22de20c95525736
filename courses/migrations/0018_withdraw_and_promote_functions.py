"""``concord_promote`` and ``concord_withdraw``: the locked parts of moving the waitlist
and of withdrawing, each one statement (issue 20; see 0017_enroll_function for why).

``courses.enrollment.services`` (``promote_from_waitlist``, ``withdraw``) are the only
callers and document the rules these functions keep.
"""

from django.db import migrations

FUNCTIONS = r"""
-- A moment as Python's datetime.isoformat() writes it in UTC: the key of a notice.
CREATE OR REPLACE FUNCTION concord_isoformat(p_moment timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT to_char(p_moment AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
        || CASE WHEN extract(microseconds FROM p_moment)::bigint % 1000000 = 0 THEN ''
                ELSE to_char(p_moment AT TIME ZONE 'UTC', '.US') END
        || '+00:00'
$$;

-- Confirm waitlisted people, first in line first, while capacity and quotas allow;
-- someone whose quota is full is passed over and keeps their place. Each promotion
-- records its notice. Locks the session row (already held by a caller: no cost).
CREATE OR REPLACE FUNCTION concord_promote(p_session bigint, p_now timestamptz)
RETURNS TABLE (o_enrollment bigint, o_notice bigint)
LANGUAGE plpgsql AS $$
DECLARE
    s record;
    c record;
    v_confirmed integer;
    v_has_quotas boolean;
    v_quota integer;
    v_taken integer;
    v_ok boolean;
BEGIN
    SELECT id, status, capacity INTO s FROM courses_coursesession
     WHERE id = p_session FOR UPDATE;
    IF NOT FOUND OR s.status IN ('cancelled', 'completed') THEN
        RETURN;
    END IF;
    SELECT count(*) INTO v_confirmed FROM courses_enrollment
     WHERE session_id = s.id AND status = 'confirmed';
    IF v_confirmed >= s.capacity THEN
        RETURN;
    END IF;
    v_has_quotas := EXISTS (SELECT 1 FROM courses_seatquota WHERE session_id = s.id);
    FOR c IN
        SELECT e.id, e.organization_id, o.kind
          FROM courses_enrollment e
          JOIN participants_organization o ON o.id = e.organization_id
         WHERE e.session_id = s.id AND e.status = 'waitlisted'
         ORDER BY e.waitlisted_at, e.id
    LOOP
        EXIT WHEN v_confirmed >= s.capacity;
        IF v_has_quotas THEN
            v_ok := true;
            SELECT seats INTO v_quota FROM courses_seatquota
             WHERE session_id = s.id AND organization_id = c.organization_id;
            IF FOUND THEN
                SELECT count(*) INTO v_taken FROM courses_enrollment
                 WHERE session_id = s.id AND status = 'confirmed'
                   AND organization_id = c.organization_id;
                v_ok := v_taken < v_quota;
            END IF;
            IF v_ok THEN
                SELECT seats INTO v_quota FROM courses_seatquota
                 WHERE session_id = s.id AND organization_id IS NULL
                   AND organization_kind = c.kind;
                IF FOUND THEN
                    SELECT count(*) INTO v_taken
                      FROM courses_enrollment e
                      JOIN participants_organization o ON o.id = e.organization_id
                     WHERE e.session_id = s.id AND e.status = 'confirmed' AND o.kind = c.kind;
                    v_ok := v_taken < v_quota;
                END IF;
            END IF;
            CONTINUE WHEN NOT v_ok;
        END IF;
        UPDATE courses_enrollment
           SET status = 'confirmed', decided_at = p_now, decided_by_id = NULL, reason = ''
         WHERE id = c.id;
        v_confirmed := v_confirmed + 1;
        o_enrollment := c.id;
        INSERT INTO courses_notice (enrollment_id, kind, key, created_at, attempts, last_error)
        VALUES (c.id, 'promoted', concord_isoformat(p_now), clock_timestamp(), 0, '')
        ON CONFLICT ON CONSTRAINT one_notice_per_event DO NOTHING
        RETURNING id INTO o_notice;
        RETURN NEXT;
    END LOOP;
END;
$$;

-- The participant withdraws; the waitlist moves. Outcomes: ok, already (withdrawn
-- before: nothing changes), not_found, not_participant, closed, started.
CREATE OR REPLACE FUNCTION concord_withdraw(
    p_enrollment bigint, p_by integer, p_reason text, p_now timestamptz, p_today date,
    OUT o_outcome text, OUT o_from text, OUT o_session bigint, OUT o_notice bigint,
    OUT o_promoted bigint[], OUT o_promoted_notices bigint[]
) LANGUAGE plpgsql AS $$
DECLARE
    s record;
    e record;
BEGIN
    SELECT session_id INTO o_session FROM courses_enrollment WHERE id = p_enrollment;
    IF NOT FOUND THEN
        o_outcome := 'not_found';
        RETURN;
    END IF;
    SELECT id, starts_on INTO s FROM courses_coursesession WHERE id = o_session FOR UPDATE;
    SELECT id, participant_id, status INTO e FROM courses_enrollment
     WHERE id = p_enrollment FOR UPDATE;
    o_from := e.status;
    IF e.participant_id <> p_by THEN
        o_outcome := 'not_participant';
        RETURN;
    END IF;
    IF e.status = 'withdrawn' THEN
        o_outcome := 'already';
        RETURN;
    END IF;
    IF e.status NOT IN ('requested', 'confirmed', 'waitlisted') THEN
        o_outcome := 'closed';
        RETURN;
    END IF;
    IF p_today >= s.starts_on THEN
        o_outcome := 'started';
        RETURN;
    END IF;
    UPDATE courses_enrollment
       SET status = 'withdrawn', decided_at = p_now, decided_by_id = p_by, reason = p_reason
     WHERE id = e.id;
    INSERT INTO courses_notice (enrollment_id, kind, key, created_at, attempts, last_error)
    VALUES (e.id, 'withdrawn', concord_isoformat(p_now), clock_timestamp(), 0, '')
    ON CONFLICT ON CONSTRAINT one_notice_per_event DO NOTHING
    RETURNING id INTO o_notice;
    SELECT coalesce(array_agg(p.enrollment), '{}'), coalesce(array_agg(p.notice), '{}')
      INTO o_promoted, o_promoted_notices
      FROM concord_promote(s.id, p_now) AS p(enrollment, notice);
    o_outcome := 'ok';
END;
$$;
"""

REVERSE = """
DROP FUNCTION IF EXISTS concord_withdraw(bigint, integer, text, timestamptz, date);
DROP FUNCTION IF EXISTS concord_promote(bigint, timestamptz);
DROP FUNCTION IF EXISTS concord_isoformat(timestamptz);
"""


class Migration(migrations.Migration):
    dependencies = [("courses", "0017_enroll_function")]

    operations = [migrations.RunSQL(FUNCTIONS, reverse_sql=REVERSE)]
