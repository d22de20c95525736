"""The cross-session report reads ``SessionFigures`` and ``GroupFigures``, kept by the
database's triggers and the beat's refresh (migrations 0023, 0026): after every kind of
change its figures are the ones counted from scratch (``attendance_summary(now=…)``,
which reads the enrollments and marks), both before the refresh (the report counts the
stale sessions itself, and writes nothing) and after it; the group sums are the sums of
the session rows; and a change committed while a refresh runs is never lost."""

import datetime
import threading
import time

import pytest
from django.conf import settings
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.models import (
    Attendance,
    CourseSession,
    Enrollment,
    GroupFigures,
    Meeting,
    SessionFigures,
    StaleSessionFigures,
)
from courses.reports.selectors import GROUPINGS, attendance_summary
from courses.reports.services import refresh_figures
from courses.tasks import refresh_report_figures
from participants.models import Organization, Participant
from participants.services import merge_organization
from tests.factories.courses import make_cohort, make_meetings, make_running_session, make_session
from tests.factories.pages import make_course
from tests.factories.users import make_coordinator, make_participant, make_user

S = Attendance.Status
E = Enrollment.Status


def figures(summary):
    names = ("key", "label", "sessions", "enrollments", "roster", "completed")
    names += ("not_completed", "expected", "attended", "excused")
    rows = [tuple(getattr(r, name) for name in names) for r in summary.rows]
    t = summary.total
    total = (t.sessions, t.enrollments, t.roster, t.completed, t.not_completed)
    return rows, (*total, t.expected, t.attended, t.excused)


def kept_state():
    """Everything the refresh writes, and the flags."""
    return (
        sorted(SessionFigures.objects.values_list(*FIGURE_COLUMNS), key=repr),
        sorted(GroupFigures.objects.values_list("grouping", "key", "label", *SUMMED), key=repr),
        sorted(StaleSessionFigures.objects.values_list("session_id", "bumps")),
    )


FIGURE_COLUMNS = ("session_id", "organization", "gender", "course_key", "year", "kind")
FIGURE_COLUMNS += ("enrollments", "roster", "completed", "not_completed", "expected")
FIGURE_COLUMNS += ("attended", "excused", "valid_until")
SUMMED = ("sessions", "enrollments", "roster", "completed", "not_completed", "expected")
SUMMED += ("attended", "excused")

# GroupFigures as the sums of SessionFigures, counted again here.
GROUP_SUMS = """
SELECT grouping, key, count(DISTINCT session_id), sum(enrollments), sum(roster),
       sum(completed), sum(not_completed), sum(expected), sum(attended), sum(excused)
  FROM (
    SELECT 'all' AS grouping, '' AS key, f.* FROM courses_sessionfigures f
     WHERE organization_id IS NULL
    UNION ALL SELECT 'course', course_key::text, f.* FROM courses_sessionfigures f
     WHERE organization_id IS NULL
    UNION ALL SELECT 'year', year::text, f.* FROM courses_sessionfigures f
     WHERE organization_id IS NULL
    UNION ALL SELECT 'organization', organization_id::text, f.* FROM courses_sessionfigures f
     WHERE organization_id IS NOT NULL
    UNION ALL SELECT 'kind', kind, f.* FROM courses_sessionfigures f
     WHERE organization_id IS NOT NULL
    UNION ALL SELECT 'gender', gender, f.* FROM courses_sessionfigures f
     WHERE organization_id IS NOT NULL
  ) rows
 GROUP BY grouping, key
"""


def assert_groups_are_the_sums():
    with connection.cursor() as cursor:
        cursor.execute(GROUP_SUMS)
        summed = sorted(cursor.fetchall())
    kept = sorted(
        GroupFigures.objects.exclude(grouping="all", sessions=0).values_list(
            "grouping", "key", *SUMMED
        )
    )
    assert kept == summed


def assert_kept_equals_counted(user, **filters):
    """Every grouping, and the totals, read as the report reads them equal the counted:
    first with the sessions changed still stale (the report counts them itself, and
    writes nothing), then after the beat's refresh (the kept figures alone)."""
    for refreshed in (False, True):
        if refreshed:
            refresh_figures()
            assert not StaleSessionFigures.objects.exists()
            assert_groups_are_the_sums()
        before = kept_state()
        for by in GROUPINGS:
            kept = figures(attendance_summary(user=user, by=by, **filters))
            counted = figures(attendance_summary(user=user, by=by, now=timezone.now(), **filters))
            assert kept == counted, (by, refreshed)
        assert kept_state() == before  # reading wrote nothing
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
    coordinator = make_coordinator("runs-first")
    first.coordinators.add(coordinator)
    assert_kept_equals_counted(coordinator)

    # The keys a session is counted under: its year, its course, its course's title, its
    # people's organization's kind (none of them a write to enrollments or marks).
    CourseSession.objects.filter(pk=first.pk).update(
        starts_on=first.starts_on - datetime.timedelta(days=800)
    )
    rows = assert_kept_equals_counted(admin)
    by_year = figures(attendance_summary(user=admin, by="year"))[0]
    assert len(by_year) == 2, by_year
    elsewhere = make_course(course.get_parent(), title="Early warning")
    CourseSession.objects.filter(pk=second.pk).update(course=elsewhere)
    by_course = figures(attendance_summary(user=admin, by="course"))[0]
    assert [row[1] for row in by_course] == ["Early warning", "Mediation process design"]
    assert_kept_equals_counted(admin)
    elsewhere.title = "Conflict analysis"
    elsewhere.save()
    by_course = figures(attendance_summary(user=admin, by="course"))[0]
    assert [row[1] for row in by_course] == ["Conflict analysis", "Mediation process design"]
    assert_kept_equals_counted(admin)
    assert GroupFigures.objects.filter(grouping="course", label="Conflict analysis").exists()
    Organization.objects.filter(pk=organization.pk).update(kind="other")
    by_kind = {row[0]: row[3] for row in figures(attendance_summary(user=admin, by="kind"))[0]}
    assert by_kind["other"] == Enrollment.objects.filter(organization=organization).count()
    assert_kept_equals_counted(admin)
    assert rows

    # A session deleted (its enrollments and marks first: they protect it); its figures
    # stay until the refresh takes them out of the sums.
    Attendance.objects.filter(enrollment__session=second).delete()
    Enrollment.objects.filter(session=second).delete()
    CourseSession.objects.filter(pk=second.pk).delete()
    _rows, total = assert_kept_equals_counted(admin)
    assert total[0] == 1
    assert not SessionFigures.objects.filter(session_id=second.pk).exists()
    assert not GroupFigures.objects.filter(grouping="course", label="Conflict analysis").exists()


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


@pytest.mark.django_db
def test_the_report_page_writes_nothing_and_counts_stale_sessions_itself(client, course):
    """A GET neither refreshes nor writes: a session changed since the last refresh is
    counted from its enrollments and marks in the page's own statement, with as many
    queries as when nothing is stale; the beat's task then recounts it."""
    admin = make_user("root", superuser=True)
    session = make_running_session(course, people=3, meetings=2)
    mark_all(session, [S.PRESENT, S.ABSENT])
    refresh_figures()
    client.force_login(admin)
    url = reverse("course_reports:attendance")
    client.get(url)  # the admin's own first-request queries
    with CaptureQueriesContext(connection) as fresh:
        response = client.get(url)
    assert response.context["total"].attended == 3

    Attendance.objects.filter(enrollment__session=session, status=S.ABSENT).update(status=S.PRESENT)
    before = kept_state()
    assert before[2], "the change flagged its session"
    for by in ("course", "organization"):
        with CaptureQueriesContext(connection) as stale:
            response = client.get(url, {"by": by})
        assert response.context["total"].attended == 6
        assert [row.attended for row in response.context["object_list"]] == [6]
        assert kept_state() == before
        assert not [q for q in stale.captured_queries if "concord_refresh" in q["sql"]]
    with CaptureQueriesContext(connection) as stale:
        client.get(url)
    assert len(stale.captured_queries) == len(fresh.captured_queries)

    assert refresh_report_figures() == 1
    assert not StaleSessionFigures.objects.exists()
    assert client.get(url).context["total"].attended == 6
    assert settings.CELERY_BEAT_SCHEDULE["refresh-report-figures"]["task"] == (
        "courses.tasks.refresh_report_figures"
    )


@pytest.mark.django_db
def test_a_page_with_its_count_and_totals_is_one_query_stale_or_not(
    course, django_assert_num_queries
):
    admin = make_user("root", superuser=True)
    session = make_running_session(course, people=2, meetings=2)
    mark_all(session, [S.PRESENT])
    for state in ("stale", "refreshed"):
        if state == "refreshed":
            refresh_figures()
        for by in GROUPINGS:
            for filters in ({}, {"course": course}):
                with django_assert_num_queries(1):
                    summary = attendance_summary(user=admin, by=by, **filters)
                    summary.rows.expect(0, 50)
                    rows = summary.rows[0:50]
                    assert len(summary.rows) == len(rows) > 0
                    assert summary.total.enrollments == 2


@pytest.mark.django_db
def test_pages_cut_by_the_database_are_the_pages_of_the_whole_list(course):
    """By course in title order the report reads only the page's rows of the kept
    groups (the title index), the stale ones merged in with their titles now: every
    page, in every ordering, is the slice of the full list."""
    admin = make_user("root", superuser=True)
    catalog = course.get_parent()
    courses = [course] + [make_course(catalog, title=f"Course {c}") for c in "EDCBA"]
    sessions = []
    for i, page in enumerate(courses):
        session = make_session(page, code=f"s{i}", status="in_progress")
        make_meetings(session, 2, first=timezone.now() - datetime.timedelta(days=3))
        make_cohort(session, 1 + i % 3, prefix=f"p{i}-")
        mark_all(session, [S.PRESENT, S.ABSENT][: 1 + i % 2])
        sessions.append(session)
    refresh_figures()

    def assert_pages_are_slices():
        for ordering in ("position", "label", "-label", "enrollments", "-attendance_rate"):
            whole = [row.key for row in attendance_summary(user=admin, ordering=ordering).rows]
            assert len(whole) == len(courses)
            for start in range(0, len(whole), 2):
                summary = attendance_summary(user=admin, ordering=ordering)
                summary.rows.expect(start, 2)
                assert [row.key for row in summary.rows[start : start + 2]] == whole[
                    start : start + 2
                ], (ordering, start)
                assert len(summary.rows) == len(courses)

    assert_pages_are_slices()
    # Stale: a course renamed to the front, one whose only session lost its people
    # (its group gone), one with a new person.
    courses[3].title = "AAA first now"
    courses[3].save()
    Attendance.objects.filter(enrollment__session=sessions[4]).delete()
    Enrollment.objects.filter(session=sessions[4]).delete()
    make_cohort(sessions[5], 1, prefix="late-")
    titles = [row.label for row in attendance_summary(user=admin).rows]
    assert titles[0] == "AAA first now"
    assert "Course B" not in titles
    assert len(titles) == len(courses) - 1
    for ordering in ("position", "label", "enrollments"):
        whole = [row.key for row in attendance_summary(user=admin, ordering=ordering).rows]
        for start in range(0, len(whole), 2):
            summary = attendance_summary(user=admin, ordering=ordering)
            summary.rows.expect(start, 2)
            assert [row.key for row in summary.rows[start : start + 2]] == whole[start : start + 2]
            assert len(summary.rows) == len(whole)
    assert_kept_equals_counted(admin)


@pytest.mark.django_db
def test_merging_organizations_leaves_the_figures_exact(course):
    """A merge points every row of every app at the organization kept: the kept figures
    are not among them (they are the refresh's to recount), so the sums stay right."""
    admin = make_user("root", superuser=True)
    session = make_running_session(course, people=2, meetings=2)
    Organization.objects.create(name="Proposed office", acronym="PRO", kind="other", reviewed=False)
    make_cohort(session, 2, acronym="PRO", prefix="pro")
    mark_all(session, [S.PRESENT, S.LATE])
    assert_kept_equals_counted(admin)
    merge_organization(
        source=Organization.objects.get(acronym="PRO"),
        into=Organization.objects.get(acronym="DPPA"),
        by=admin,
    )
    rows = figures(attendance_summary(user=admin, by="organization"))[0]
    assert [(row[1], row[3]) for row in rows] == [
        (Organization.objects.get(acronym="DPPA").name, 4)
    ]
    assert_kept_equals_counted(admin)
    assert not GroupFigures.objects.filter(grouping="kind", key="other").exists()
