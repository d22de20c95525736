"""``concord_decide``: the locked part of a coordinator's decision, one statement
(issue 20; see 0017_enroll_function for why). ``courses.enrollment.services.decide`` is
the only caller and documents the rules it keeps.

Outcomes: ok, same (decided so before: nothing changes), closed, reason (a rejection
without one), clearance (a supervisor's clearance pending or declined), no_seat.
"""

from django.db import migrations

DECIDE = r"""
CREATE OR REPLACE FUNCTION concord_decide(
    p_enrollment bigint, p_session bigint, p_decision text, p_by integer, p_reason text,
    p_now timestamptz,
    OUT o_outcome text, OUT o_from text, OUT o_notice bigint,
    OUT o_promoted bigint[], OUT o_promoted_notices bigint[]
) LANGUAGE plpgsql AS $$
DECLARE
    s record;
    e record;
    v_confirmed integer;
    v_quota integer;
    v_taken integer;
    v_ok boolean;
    v_moment timestamptz := p_now;
BEGIN
    o_promoted := '{}';
    o_promoted_notices := '{}';
    SELECT id, capacity INTO s FROM courses_coursesession WHERE id = p_session FOR UPDATE;
    SELECT en.id, en.status, en.organization_id, o.kind INTO e
      FROM courses_enrollment en JOIN participants_organization o ON o.id = en.organization_id
     WHERE en.id = p_enrollment AND en.session_id = p_session
       FOR UPDATE OF en;
    o_from := e.status;
    IF e.status = p_decision THEN
        o_outcome := 'same';
        RETURN;
    END IF;
    IF e.status NOT IN ('requested', 'confirmed', 'waitlisted') THEN
        o_outcome := 'closed';
        RETURN;
    END IF;
    IF p_decision = 'rejected' AND p_reason = '' THEN
        o_outcome := 'reason';
        RETURN;
    END IF;
    IF p_decision = 'confirmed' THEN
        IF EXISTS (SELECT 1 FROM courses_supervisorclearance
                    WHERE enrollment_id = e.id AND state IN ('pending', 'declined')) THEN
            o_outcome := 'clearance';
            RETURN;
        END IF;
        SELECT count(*) INTO v_confirmed FROM courses_enrollment
         WHERE session_id = s.id AND status = 'confirmed';
        v_ok := v_confirmed < s.capacity;
        IF v_ok THEN
            SELECT seats INTO v_quota FROM courses_seatquota
             WHERE session_id = s.id AND organization_id = e.organization_id;
            IF FOUND THEN
                SELECT count(*) INTO v_taken FROM courses_enrollment
                 WHERE session_id = s.id AND status = 'confirmed'
                   AND organization_id = e.organization_id;
                v_ok := v_taken < v_quota;
            END IF;
        END IF;
        IF v_ok THEN
            SELECT seats INTO v_quota FROM courses_seatquota
             WHERE session_id = s.id AND organization_id IS NULL AND organization_kind = e.kind;
            IF FOUND THEN
                SELECT count(*) INTO v_taken
                  FROM courses_enrollment en
                  JOIN participants_organization o ON o.id = en.organization_id
                 WHERE en.session_id = s.id AND en.status = 'confirmed' AND o.kind = e.kind;
                v_ok := v_taken < v_quota;
            END IF;
        END IF;
        IF NOT v_ok THEN
            o_outcome := 'no_seat';
            RETURN;
        END IF;
    END IF;
    UPDATE courses_enrollment
       SET status = p_decision, decided_at = p_now, decided_by_id = p_by, reason = p_reason,
           waitlisted_at = CASE WHEN p_decision = 'waitlisted' THEN p_now
                                ELSE waitlisted_at END
     WHERE id = e.id;
    -- notifications.for_decision: the notice of the new status, keyed by its moment.
    INSERT INTO courses_notice (enrollment_id, kind, key, created_at, attempts, last_error)
    VALUES (e.id, p_decision, concord_isoformat(v_moment), clock_timestamp(), 0, '')
    ON CONFLICT ON CONSTRAINT one_notice_per_event DO NOTHING
    RETURNING id INTO o_notice;
    IF e.status = 'confirmed' THEN  -- a seat is freed: the waitlist moves
        SELECT coalesce(array_agg(p.enrollment), '{}'), coalesce(array_agg(p.notice), '{}')
          INTO o_promoted, o_promoted_notices
          FROM concord_promote(s.id, p_now) AS p(enrollment, notice);
    END IF;
    o_outcome := 'ok';
END;
$$;
"""


class Migration(migrations.Migration):
    dependencies = [("courses", "0018_withdraw_and_promote_functions")]

    operations = [
        migrations.RunSQL(
            DECIDE,
            reverse_sql="DROP FUNCTION IF EXISTS concord_decide("
            "bigint, bigint, text, integer, text, timestamptz);",
        )
    ]
