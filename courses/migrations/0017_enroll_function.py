"""``concord_enroll``: the locked part of enrolling, as one statement (issue 20).

Every enrollment into a session waits for that session's row lock, so the time the lock
is held bounds how many people can enroll per second. Built with the ORM, the locked
part was four statements compiled in Python while the lock was held (6 ms); as one
function call it is one round trip, and PostgreSQL runs it in well under a millisecond.
``courses.enrollment.services.enroll`` is the only caller and documents the rules; this
function must keep them identical (tests/courses/enrollment prove both together).

Outcomes (``o_outcome``): ``ok`` (a new or renewed enrollment, with its notice),
``existing`` (the person's enrollment, unchanged), or a refusal that changed nothing:
``profile``, ``not_found``, ``application``, ``invitation``, ``nomination``,
``justification``, ``cancelled``, ``closed``.
"""

from django.db import migrations

ENROLL = r"""
DROP FUNCTION IF EXISTS concord_enroll(
    bigint, text, integer, bigint, timestamptz, integer, text, boolean, text
);
CREATE FUNCTION concord_enroll(
    p_session bigint,          -- the session's id, or NULL with p_code
    p_code text,               -- its code (the public view knows only that)
    p_participant integer,
    p_organization bigint,     -- the participant's organization if known, else read here
    p_now timestamptz,         -- NULL: read the clock once the lock is held
    p_nominated_by integer,
    p_justification text,
    p_public boolean,          -- from the public page: drafts are not found, and a
                               -- session that asks an application answers 'application'
    p_language text,           -- the reader's language: the course's title in it, if live
    OUT o_outcome text,
    OUT o_enrollment bigint,
    OUT o_status text,
    OUT o_requested_at timestamptz,
    OUT o_waitlisted_at timestamptz,
    OUT o_decided_at timestamptz,
    OUT o_place_in_line integer,
    OUT o_notice bigint,
    OUT o_session bigint,
    OUT o_organization bigint,
    OUT o_reenrolled boolean,
    OUT o_course_title text     -- for the page's message, in the reader's locale
) LANGUAGE plpgsql AS $$
DECLARE
    s record;
    v_kind text;
    v_clock_under_lock boolean := p_now IS NULL;
    v_existing_status text;
    v_confirmed integer;
    v_waiting integer;
    v_taken integer;
    v_quota_org integer;
    v_quota_kind integer;
    v_has_seat boolean;
    v_moment timestamptz;
BEGIN
    o_reenrolled := false;
    -- Before the lock: the participant's organization and its kind.
    IF p_organization IS NULL THEN
        SELECT organization_id INTO p_organization
          FROM participants_participant WHERE user_id = p_participant;
        IF NOT FOUND THEN
            o_outcome := 'profile';
            RETURN;
        END IF;
    END IF;
    o_organization := p_organization;
    SELECT kind INTO v_kind FROM participants_organization WHERE id = p_organization;

    -- The lock, taken once; held until the caller's transaction ends.
    IF p_session IS NULL THEN
        SELECT cs.id, cs.status, cs.policy, cs.capacity, cs.enrollment_opens_at,
               cs.enrollment_closes_at, page.title, page.translation_key,
               page.locale_id INTO s
          FROM courses_coursesession cs JOIN wagtailcore_page page ON page.id = cs.course_id
         WHERE cs.code = p_code FOR UPDATE OF cs;
    ELSE
        SELECT cs.id, cs.status, cs.policy, cs.capacity, cs.enrollment_opens_at,
               cs.enrollment_closes_at, page.title, page.translation_key,
               page.locale_id INTO s
          FROM courses_coursesession cs JOIN wagtailcore_page page ON page.id = cs.course_id
         WHERE cs.id = p_session FOR UPDATE OF cs;
    END IF;
    IF NOT FOUND OR (p_public AND s.status = 'draft') THEN
        o_outcome := 'not_found';
        RETURN;
    END IF;
    o_session := s.id;
    o_course_title := s.title;
    IF p_language IS NOT NULL THEN
        -- Sessions point at the course's source page; a reader in another language
        -- reads its live translation's title when there is one.
        SELECT t.title INTO o_course_title
          FROM wagtailcore_page t JOIN wagtailcore_locale l ON l.id = t.locale_id
         WHERE t.translation_key = s.translation_key AND l.language_code = p_language
           AND t.locale_id <> s.locale_id AND t.live;
        o_course_title := coalesce(o_course_title, s.title);
    END IF;
    IF p_public AND EXISTS (
        SELECT 1 FROM courses_applicationform f
         WHERE f.session_id = s.id AND (
               f.requires_clearance
               OR EXISTS (SELECT 1 FROM courses_applicationquestion q WHERE q.form_id = f.id)
               OR EXISTS (SELECT 1 FROM courses_applicationform_consents c
                           WHERE c.applicationform_id = f.id))
    ) THEN
        o_outcome := 'application';
        RETURN;
    END IF;
    IF s.policy = 'invitation' THEN
        o_outcome := 'invitation';
        RETURN;
    END IF;
    IF s.policy = 'nomination' AND p_nominated_by IS NULL THEN
        o_outcome := 'nomination';
        RETURN;
    END IF;
    IF s.policy = 'nomination' AND coalesce(p_justification, '') = '' THEN
        o_outcome := 'justification';
        RETURN;
    END IF;

    -- The clock, read under the lock: the waitlist is in the order the lock was granted.
    p_now := coalesce(p_now, clock_timestamp());
    SELECT id, status INTO o_enrollment, v_existing_status
      FROM courses_enrollment
     WHERE session_id = s.id AND participant_id = p_participant
       FOR UPDATE;
    IF FOUND THEN
        IF v_existing_status <> 'withdrawn' THEN
            o_outcome := 'existing';  -- one enrollment per person, ever: a retry
            o_status := v_existing_status;
            RETURN;
        END IF;
        o_reenrolled := true;
    END IF;
    IF s.status = 'cancelled' THEN
        o_outcome := 'cancelled';
        RETURN;
    END IF;
    IF NOT (s.status = 'open' AND s.enrollment_opens_at <= p_now
            AND p_now < s.enrollment_closes_at) THEN
        o_outcome := 'closed';
        RETURN;
    END IF;

    o_requested_at := p_now;
    IF s.policy = 'open' THEN
        -- Seats: the capacity, then every quota that applies (this organization's, and
        -- its kind's); the quotas' counts only when there is such a quota.
        SELECT count(*) FILTER (WHERE e.status = 'confirmed'),
               count(*) FILTER (WHERE e.status = 'waitlisted')
          INTO v_confirmed, v_waiting
          FROM courses_enrollment e
         WHERE e.session_id = s.id AND e.status IN ('confirmed', 'waitlisted');
        v_has_seat := v_confirmed < s.capacity;
        IF v_has_seat THEN
            SELECT min(q.seats) FILTER (WHERE q.organization_id = p_organization),
                   min(q.seats) FILTER (WHERE q.organization_id IS NULL
                                          AND q.organization_kind = v_kind)
              INTO v_quota_org, v_quota_kind
              FROM courses_seatquota q
             WHERE q.session_id = s.id
               AND (q.organization_id = p_organization OR q.organization_kind = v_kind);
            IF v_quota_org IS NOT NULL THEN
                SELECT count(*) INTO v_taken FROM courses_enrollment e
                 WHERE e.session_id = s.id AND e.status = 'confirmed'
                   AND e.organization_id = p_organization;
                v_has_seat := v_taken < v_quota_org;
            END IF;
            IF v_has_seat AND v_quota_kind IS NOT NULL THEN
                SELECT count(*) INTO v_taken
                  FROM courses_enrollment e
                  JOIN participants_organization o ON o.id = e.organization_id
                 WHERE e.session_id = s.id AND e.status = 'confirmed' AND o.kind = v_kind;
                v_has_seat := v_taken < v_quota_kind;
            END IF;
        END IF;
        IF v_has_seat THEN
            o_status := 'confirmed';
            o_decided_at := p_now;
        ELSE
            o_status := 'waitlisted';
            o_waitlisted_at := p_now;
            IF v_clock_under_lock THEN
                o_place_in_line := v_waiting + 1;
            END IF;
        END IF;
    ELSE
        o_status := 'requested';
    END IF;

    IF o_reenrolled THEN
        -- A person coming back starts afresh: nothing of their first request remains
        -- but the row (and its history in the audit log).
        UPDATE courses_enrollment
           SET status = o_status, organization_id = p_organization, requested_at = p_now,
               nominated_by_id = p_nominated_by,
               justification = coalesce(p_justification, ''),
               waitlisted_at = o_waitlisted_at, decided_at = o_decided_at,
               decided_by_id = NULL, reason = ''
         WHERE id = o_enrollment;
    ELSE
        INSERT INTO courses_enrollment (
            status, requested_at, justification, waitlisted_at, decided_at, reason,
            nominated_by_id, organization_id, participant_id, session_id, override_reason
        ) VALUES (
            o_status, p_now, coalesce(p_justification, ''), o_waitlisted_at, o_decided_at, '',
            p_nominated_by, p_organization, p_participant, s.id, ''
        ) RETURNING id INTO o_enrollment;
    END IF;

    -- The notice the decision calls for (notifications.for_decision), keyed by the
    -- moment as Python's isoformat() writes it; made once per event.
    v_moment := CASE o_status WHEN 'waitlisted' THEN o_waitlisted_at
                              WHEN 'requested' THEN o_requested_at
                              ELSE o_decided_at END;
    INSERT INTO courses_notice (enrollment_id, kind, key, created_at, attempts, last_error)
    VALUES (
        o_enrollment,
        CASE o_status WHEN 'requested' THEN 'received' ELSE o_status END,
        to_char(v_moment AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
            || CASE WHEN extract(microseconds FROM v_moment)::bigint % 1000000 = 0 THEN ''
                    ELSE to_char(v_moment AT TIME ZONE 'UTC', '.US') END
            || '+00:00',
        clock_timestamp(), 0, ''
    )
    ON CONFLICT ON CONSTRAINT one_notice_per_event DO NOTHING
    RETURNING id INTO o_notice;
    o_outcome := 'ok';
END;
$$;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0016_sessions_point_at_source_courses"),
        ("participants", "0008_printed_name_and_seven_languages"),
    ]

    operations = [
        migrations.RunSQL(
            ENROLL,
            reverse_sql="DROP FUNCTION IF EXISTS concord_enroll("
            "bigint, text, integer, bigint, timestamptz, integer, text, boolean, text);",
        ),
    ]
