"""The cross-session report reads ``SessionFigures``, kept by the database's triggers
(migration 0023): after every kind of change its figures are the ones counted from
scratch (``attendance_summary(now=…)``, which reads the enrollments and marks), and a
change committed while a refresh runs is never lost."""

import datetime
import threading
import time

import pytest
from django.db import connection, connections, transaction
from django.utils import timezone

from courses.models import (
    Attendance,
    CourseSession,
    Enrollment,
    Meeting,
    SessionFigures,
    StaleSessionFigures,
)
from courses.reports.selectors import GROUPINGS, attendance_summary, refresh_figures
from participants.models import Organization, Participant
from tests.factories.courses import make_cohort, make_meetings, make_running_session, make_session
from tests.factories.users import make_participant, make_user

S = Attendance.Status
E = Enrollment.Status


def figures(summary):
    names = ("key", "label", "sessions", "enrollments", "roster", "completed")
    names += ("not_completed", "expected", "attended", "excused")
    rows = [tuple(getattr(r, name) for name in names) for r in summary.rows]
    t = summary.total
    total = (t.sessions, t.enrollments, t.roster, t.completed, t.not_completed)
    return rows, (*total, t.expected, t.attended, t.excused)


def assert_kept_equals_counted(user, **filters):
    """Every grouping, and the totals, read from the kept figures equal the counted."""
    for by in GROUPINGS:
        kept = figures(attendance_summary(user=user, by=by, **filters))
        counted = figures(attendance_summary(user=user, by=by, now=timezone.now(), **filters))
        assert kept == counted, by
    assert not StaleSessionFigures.objects.exists()
    return kept


def mark_all(session, statuses):
    enrollments = list(session.enrollments.filter(status=E.CONFIRMED).order_by("pk"))
    meetings = list(session.meetings.order_by("starts_at"))
    return Attendance.objects.bulk_create(
        Attendance(enrollment=e, meeting=m, status=statuses[(i + j) % len(statuses)])
        for i, e in enumerate(enrollments)
        for j, m in enumerate(meetings)
    )


@pytest.mark.django_db
def test_the_kept_figures_equal_the_counted_ones_after_every_kind_of_change(course):
    admin = make_user("root", superuser=True)
    first = make_running_session(course, people=4, meetings=3)
    make_cohort(first, 2, acronym="AUC", prefix="a")
    mark_all(first, [S.PRESENT, S.LATE, S.ABSENT, S.EXCUSED])
    second = make_session(course, code="later", status="in_progress")
    # Two meetings held, one tomorrow, with a mark given ahead of it.
    make_meetings(second, 3, first=timezone.now() - datetime.timedelta(hours=25))
    make_cohort(second, 3, acronym="OSCE", prefix="o")
    mark_all(second, [S.PRESENT, S.EXCUSED])
    _rows, total = assert_kept_equals_counted(admin)
    assert total[:3] == (2, 9, 9)
    assert SessionFigures.objects.filter(session=second).exclude(valid_until=None).exists()
    assert refresh_figures() == 0  # nothing changed: nothing recounted

    # Enrollments in bulk (INSERT … SELECT), some decided.
    people = [make_participant(f"bulk{i}") for i in range(6)]
    Participant.objects.bulk_create(
        Participant(
            user=user,
            organization=Organization.objects.get(acronym="DPPA"),
            job_title="Officer",
            duty_station="KE",
            gender=["woman", "man", ""][i % 3],
        )
        for i, user in enumerate(people)
    )
    organization = Organization.objects.get(acronym="EEAS")
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO courses_enrollment (session_id, participant_id, organization_id, status,"
            " requested_at, decided_at, justification, reason, override_reason)"
            " SELECT %s, u.id, %s, (ARRAY['completed', 'not_completed', 'confirmed'])"
            "[u.id %% 3 + 1], now(), now(), '', '', '' FROM auth_user u"
            " WHERE u.username LIKE 'bulk%%'",
            [first.pk, organization.pk],
        )
    assert assert_kept_equals_counted(admin)[1][:3] == (2, 15, 15)

    # A withdrawal.
    withdrawn = first.enrollments.filter(status=E.CONFIRMED).first()
    Enrollment.objects.filter(pk=withdrawn.pk).update(status=E.WITHDRAWN)
    assert_kept_equals_counted(admin)

    # A mark changed, then one deleted.
    changed = Attendance.objects.filter(
        enrollment__session=first, enrollment__status=E.CONFIRMED, status=S.ABSENT
    ).first()
    changed.status = S.PRESENT
    changed.save()
    assert_kept_equals_counted(admin)
    Attendance.objects.filter(enrollment__session=second, status=S.PRESENT).first().delete()
    assert_kept_equals_counted(admin)

    # A meeting added (held) and one moved back in time (now held, its marks counted).
    Meeting.objects.create(
        session=first,
        starts_at=timezone.now() - datetime.timedelta(hours=2),
        ends_at=timezone.now() - datetime.timedelta(hours=1),
    )
    assert_kept_equals_counted(admin)
    tomorrow = second.meetings.order_by("-starts_at").first()
    tomorrow.starts_at -= datetime.timedelta(days=2)
    tomorrow.save()
    assert_kept_equals_counted(admin)

    # A gender changed; then filters, and a coordinator's scope.
    Participant.objects.filter(user__username="bulk0").update(gender="another")
    assert_kept_equals_counted(admin)
    assert_kept_equals_counted(admin, organization=organization)
    assert_kept_equals_counted(admin, course=course, starts_from=timezone.localdate())

    # A session deleted (its enrollments and marks first: they protect it).
    Attendance.objects.filter(enrollment__session=second).delete()
    Enrollment.objects.filter(session=second).delete()
    CourseSession.objects.filter(pk=second.pk).delete()
    _rows, total = assert_kept_equals_counted(admin)
    assert total[0] == 1
    assert not SessionFigures.objects.filter(session_id=second.pk).exists()


@pytest.mark.django_db
def test_the_figures_are_recounted_when_a_meeting_starts(course):
    """No write happens when a meeting starts, yet it becomes held: the figures say
    until when they hold (``valid_until``) and are recounted after."""
    admin = make_user("root", superuser=True)
    session = make_running_session(course, people=2, meetings=1)
    soon = timezone.now() + datetime.timedelta(seconds=1)
    Meeting.objects.create(
        session=session, starts_at=soon, ends_at=soon + datetime.timedelta(hours=1)
    )
    mark_all(session, [S.PRESENT])
    before = assert_kept_equals_counted(admin)[1]
    time.sleep(max(0, (soon - timezone.now()).total_seconds()) + 0.1)
    after = assert_kept_equals_counted(admin)[1]
    assert (before[5:7], after[5:7]) == ((2, 2), (4, 4))  # expected, attended


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("flagged_before", [False, True], ids=["new-flag", "flag-bumped"])
def test_a_mark_committed_while_a_refresh_runs_leaves_its_session_stale(course, flagged_before):
    """A writer changes a mark (flagging the session) and commits only after a refresh
    has started: the refresh must not clear the flag, whether the writer made it
    (invisible to the refresh) or bumped one the refresh saw (the refresh waits for the
    writer, then finds the flag changed and leaves it)."""
    admin = make_user("root", superuser=True)
    session = make_running_session(course, people=3, meetings=2)
    mark_all(session, [S.ABSENT])
    refresh_figures()
    if flagged_before:
        Attendance.objects.filter(enrollment__session=session).first().save()
        assert StaleSessionFigures.objects.filter(session_id=session.pk).exists()
    mark = Attendance.objects.filter(enrollment__session=session).last()
    wrote, release, outcome = threading.Event(), threading.Event(), {}

    def writer():
        try:
            with transaction.atomic():
                Attendance.objects.filter(pk=mark.pk).update(status=S.PRESENT)
                wrote.set()
                release.wait(20)
        finally:
            connections.close_all()

    def refresher():
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                outcome["pid"] = cursor.fetchone()[0]
                outcome["recounted"] = refresh_figures(cursor)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer), threading.Thread(target=refresher)]
    threads[0].start()
    assert wrote.wait(20)
    threads[1].start()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if "recounted" in outcome:  # done without waiting for the writer
            break
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s",
                [outcome.get("pid", 0)],
            )
            if cursor.fetchone() == ("Lock",):  # waiting for the writer's flag
                break
        time.sleep(0.02)
    release.set()
    for thread in threads:
        thread.join(20)
    assert StaleSessionFigures.objects.filter(session_id=session.pk).exists()
    (row,) = assert_kept_equals_counted(admin)[0]
    assert row[8] == 1  # attended: the mark the writer changed
