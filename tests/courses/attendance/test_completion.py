"""The completion rule: evaluating a session decides each confirmed enrollment, with the
figures that decided it; a coordinator overrides one decision with a reason."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from courses.attendance.selectors import (
    attended_hours,
    attended_hours_by_enrollment,
    learning_progress,
)
from courses.attendance.services import AttendanceError, evaluate_completion, override_completion
from courses.audit import COMPLETION_ACTION, EVALUATE_ACTION, OVERRIDE_ACTION
from courses.models import Attendance, CourseSession, Enrollment, ModuleVisit
from tests.factories.courses import make_meetings, make_running_session, session_form
from tests.factories.pages import make_course, make_module
from tests.factories.users import make_coordinator, make_trainer

pytestmark = pytest.mark.django_db

S = Attendance.Status
E = Enrollment.Status


def running(course, coordinator, *, people=1, meetings=5, **rule):
    return make_running_session(
        course, people=people, meetings=meetings, coordinators=[coordinator], **rule
    )


def mark(session, marks, *, who=0):
    """Give the ``who``-th person of the roster the ``marks`` (one per meeting, None: no
    mark)."""
    enrollment = list(session.enrollments.order_by("pk"))[who]
    meetings = list(session.meetings.order_by("starts_at"))
    Attendance.objects.bulk_create(
        Attendance(enrollment=enrollment, meeting=m, status=s)
        for m, s in zip(meetings, marks, strict=False)
        if s is not None
    )
    return enrollment


def evaluate(session, coordinator):
    evaluate_completion(session=session, by=coordinator)


def test_four_of_five_reaches_eighty_percent_exactly(course, coordinator):
    session = running(course, coordinator)
    enrollment = mark(session, [S.PRESENT, S.PRESENT, S.PRESENT, S.PRESENT, S.ABSENT])
    evaluate(session, coordinator)
    enrollment.refresh_from_db()
    assert enrollment.status == E.COMPLETED
    assert (enrollment.attended_meetings, enrollment.counted_meetings) == (4, 5)
    assert enrollment.attendance_percent == Decimal("80.00")
    assert enrollment.completion_rule_met is True
    assert enrollment.completion_evaluated_at is not None


def test_three_of_five_falls_short_and_unmarked_counts_as_absent(course, coordinator):
    session = running(course, coordinator)
    enrollment = mark(session, [S.PRESENT, S.PRESENT, S.PRESENT, None, None])
    evaluate(session, coordinator)
    enrollment.refresh_from_db()
    assert enrollment.status == E.NOT_COMPLETED
    assert enrollment.attendance_percent == Decimal("60.00")


def test_late_counts_as_present(course, coordinator):
    session = running(course, coordinator)
    enrollment = mark(session, [S.LATE, S.LATE, S.LATE, S.LATE, S.ABSENT])
    evaluate(session, coordinator)
    enrollment.refresh_from_db()
    assert enrollment.status == E.COMPLETED
    assert enrollment.attended_meetings == 4


def test_excused_left_out_of_the_count(course, coordinator):
    session = running(course, coordinator, excused_absences="excluded")
    # 3 of the 4 counted meetings: 75 %, short of 80.
    enrollment = mark(session, [S.PRESENT, S.PRESENT, S.PRESENT, S.ABSENT, S.EXCUSED])
    evaluate(session, coordinator)
    enrollment.refresh_from_db()
    assert (enrollment.attended_meetings, enrollment.counted_meetings) == (3, 4)
    assert enrollment.status == E.NOT_COMPLETED


def test_excused_counted_as_attended(course, coordinator):
    session = running(course, coordinator, excused_absences="attended")
    enrollment = mark(session, [S.PRESENT, S.PRESENT, S.PRESENT, S.ABSENT, S.EXCUSED])
    evaluate(session, coordinator)
    enrollment.refresh_from_db()
    assert (enrollment.attended_meetings, enrollment.counted_meetings) == (4, 5)
    assert enrollment.status == E.COMPLETED


def test_excused_from_every_meeting(course, coordinator):
    excluded = running(course, coordinator, excused_absences="excluded")
    nothing_counted = mark(excluded, [S.EXCUSED] * 5)
    evaluate(excluded, coordinator)
    nothing_counted.refresh_from_db()
    # Nothing counted and nothing attended: no completion for attending nothing.
    assert nothing_counted.counted_meetings == 0
    assert nothing_counted.attendance_percent is None
    assert nothing_counted.status == E.NOT_COMPLETED

    attended = running(course, coordinator, excused_absences="attended")
    all_excused = mark(attended, [S.EXCUSED] * 5)
    evaluate(attended, coordinator)
    all_excused.refresh_from_db()
    assert all_excused.attendance_percent == Decimal("100.00")
    assert all_excused.status == E.COMPLETED


def test_a_session_with_no_meetings_completes_on_modules_alone(course, coordinator):
    session = running(course, coordinator, meetings=0, people=2, min_modules_opened=1)
    module = make_module(course)
    first, second = session.enrollments.order_by("pk")
    ModuleVisit.objects.create(user=first.participant, module=module)
    evaluate(session, coordinator)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.counted_meetings == 0 and first.attendance_percent is None
    assert first.status == E.COMPLETED
    assert second.status == E.NOT_COMPLETED
    assert (second.modules_opened, first.modules_opened) == (0, 1)


def test_module_minimum(course, coordinator):
    session = running(course, coordinator, min_modules_opened=2)
    modules = [make_module(course) for _ in range(3)]
    enrollment = mark(session, [S.PRESENT] * 5)
    ModuleVisit.objects.create(user=enrollment.participant, module=modules[0])
    evaluate(session, coordinator)
    enrollment.refresh_from_db()
    assert (enrollment.modules_opened, enrollment.status) == (1, E.NOT_COMPLETED)

    ModuleVisit.objects.create(user=enrollment.participant, module=modules[1])
    evaluate(session, coordinator)
    enrollment.refresh_from_db()
    assert (enrollment.modules_opened, enrollment.status) == (2, E.COMPLETED)


def test_module_minimum_is_capped_at_the_live_modules(course, coordinator):
    session = running(course, coordinator, min_modules_opened=5)
    module = make_module(course)
    make_module(course).unpublish()
    enrollment = mark(session, [S.PRESENT] * 5)
    ModuleVisit.objects.create(user=enrollment.participant, module=module)
    evaluate(session, coordinator)
    enrollment.refresh_from_db()
    assert enrollment.status == E.COMPLETED


def test_modules_of_another_course_do_not_count(course, catalog, coordinator):
    session = running(course, coordinator, min_modules_opened=1)
    make_module(course)
    elsewhere = make_module(make_course(catalog, title="Early warning"))
    enrollment = mark(session, [S.PRESENT] * 5)
    ModuleVisit.objects.create(user=enrollment.participant, module=elsewhere)
    evaluate(session, coordinator)
    enrollment.refresh_from_db()
    assert (enrollment.modules_opened, enrollment.status) == (0, E.NOT_COMPLETED)


def test_zero_percent_minimum_completes_everyone(course, coordinator):
    session = running(course, coordinator, min_attendance_percent=0)
    enrollment = mark(session, [])
    evaluate(session, coordinator)
    enrollment.refresh_from_db()
    assert enrollment.status == E.COMPLETED


def test_re_evaluation_after_a_correction_updates_the_decision(course, coordinator):
    session = running(course, coordinator)
    enrollment = mark(session, [S.PRESENT, S.PRESENT, S.PRESENT, S.ABSENT, S.ABSENT])
    evaluate(session, coordinator)
    enrollment.refresh_from_db()
    assert enrollment.status == E.NOT_COMPLETED

    Attendance.objects.filter(enrollment=enrollment, status=S.ABSENT).update(status=S.LATE)
    evaluate(session, coordinator)
    enrollment.refresh_from_db()
    assert enrollment.status == E.COMPLETED
    entries = ModelLogEntry.objects.filter(action=COMPLETION_ACTION, object_id=str(enrollment.pk))
    assert [(e.data["from"], e.data["to"]) for e in entries.order_by("pk")] == [
        (E.CONFIRMED, E.NOT_COMPLETED),
        (E.NOT_COMPLETED, E.COMPLETED),
    ]
    assert ModelLogEntry.objects.filter(action=EVALUATE_ACTION).count() == 2


def test_override_then_re_evaluation(course, coordinator):
    session = running(course, coordinator)
    enrollment = mark(session, [S.PRESENT, S.PRESENT, S.ABSENT, S.ABSENT, S.ABSENT])
    evaluate(session, coordinator)

    override_completion(
        enrollment=enrollment,
        completed=True,
        reason="Followed the missed days online with the trainer.",
        by=coordinator,
    )
    enrollment.refresh_from_db()
    assert enrollment.status == E.COMPLETED
    assert enrollment.overridden_by == coordinator
    assert enrollment.completion_rule_met is False
    entry = ModelLogEntry.objects.get(action=OVERRIDE_ACTION, object_id=str(enrollment.pk))
    assert entry.data["from"] == E.NOT_COMPLETED and entry.data["to"] == E.COMPLETED
    assert entry.data["reason"].startswith("Followed")
    assert entry.user == coordinator

    # The override stands through a re-evaluation; the figures are refreshed.
    Attendance.objects.filter(enrollment=enrollment, status=S.ABSENT).delete()
    evaluate(session, coordinator)
    enrollment.refresh_from_db()
    assert enrollment.status == E.COMPLETED
    assert enrollment.is_overridden
    assert enrollment.counted_meetings == 5 and enrollment.attended_meetings == 2

    # Cleared, the decision goes back to the rule.
    override_completion(enrollment=enrollment, completed=None, by=coordinator)
    enrollment.refresh_from_db()
    assert (enrollment.status, enrollment.is_overridden) == (E.NOT_COMPLETED, False)
    assert enrollment.override_reason == ""


def test_override_needs_a_reason_and_an_evaluation(course, coordinator):
    session = running(course, coordinator)
    enrollment = mark(session, [S.PRESENT] * 5)
    with pytest.raises(AttendanceError, match="Evaluate"):
        override_completion(enrollment=enrollment, completed=False, reason="x", by=coordinator)
    evaluate(session, coordinator)
    with pytest.raises(AttendanceError, match="why"):
        override_completion(enrollment=enrollment, completed=False, reason="  ", by=coordinator)
    enrollment.refresh_from_db()
    assert enrollment.status == E.COMPLETED and not enrollment.is_overridden


def test_overriding_twice_logs_once(course, coordinator):
    session = running(course, coordinator)
    enrollment = mark(session, [S.PRESENT] * 5)
    evaluate(session, coordinator)
    for _ in range(2):
        override_completion(
            enrollment=enrollment, completed=False, reason="Plagiarised work", by=coordinator
        )
    assert ModelLogEntry.objects.filter(action=OVERRIDE_ACTION).count() == 1


def test_only_its_coordinators_evaluate_and_override(course, coordinator):
    session = running(course, coordinator)
    trainer = make_trainer("teacher")
    session.trainers.add(trainer)
    enrollment = mark(session, [S.PRESENT] * 5)
    for someone in (trainer, make_coordinator("other")):
        with pytest.raises(AttendanceError):
            evaluate_completion(session=session, by=someone)
    evaluate(session, coordinator)
    with pytest.raises(AttendanceError):
        override_completion(enrollment=enrollment, completed=False, reason="x", by=trainer)


def test_evaluation_waits_for_the_last_meeting(course, coordinator):
    session = running(course, coordinator, meetings=2)
    make_meetings(session, 1, first=timezone.now() + datetime.timedelta(days=1))
    with pytest.raises(AttendanceError, match="not taken place"):
        evaluate(session, coordinator)
    assert session.enrollments.get().status == E.CONFIRMED


def test_evaluation_completes_the_session_and_leaves_others_alone(course, coordinator):
    session = running(course, coordinator, people=3)
    waiting = session.enrollments.order_by("pk").last()
    waiting.status, waiting.waitlisted_at = E.WAITLISTED, timezone.now()
    waiting.save()
    evaluate(session, coordinator)
    session.refresh_from_db()
    assert session.status == CourseSession.Status.COMPLETED
    waiting.refresh_from_db()
    assert waiting.status == E.WAITLISTED and waiting.completion_evaluated_at is None
    assert set(session.enrollments.values_list("status", flat=True)) == {
        E.NOT_COMPLETED,
        E.WAITLISTED,
    }


def test_evaluation_queries_do_not_grow(course, coordinator):
    counts = []
    for people in (3, 12):
        session = running(course, coordinator, people=people, meetings=4, min_modules_opened=1)
        with CaptureQueriesContext(connection) as queries:
            evaluate(session, coordinator)
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_attended_hours(course, coordinator):
    session = running(course, coordinator, people=2, meetings=4)  # 3-hour meetings
    first = mark(session, [S.PRESENT, S.LATE, S.EXCUSED, S.ABSENT])
    second = list(session.enrollments.order_by("pk"))[1]
    assert attended_hours(first) == 6.0
    assert attended_hours_by_enrollment([first, second.pk]) == {first.pk: 6.0, second.pk: 0.0}


def test_progress_says_what_is_still_needed(course, coordinator):
    session = running(course, coordinator, meetings=2, min_modules_opened=2)
    make_meetings(session, 3, first=timezone.now() + datetime.timedelta(days=1))
    for _ in range(3):
        make_module(course)
    enrollment = mark(session, [S.PRESENT, S.ABSENT])
    enrollment = Enrollment.objects.select_related("session__course").get(pk=enrollment.pk)
    progress = learning_progress([enrollment])[enrollment.pk]
    # 5 meetings, 80 %: 4 needed, 1 attended, 3 still to come: all 3 are needed.
    assert (progress.held, progress.remaining) == (2, 3)
    assert progress.meetings_needed == 3
    assert progress.can_still_complete
    assert progress.modules_needed == 2


def test_the_rule_is_set_in_the_session_form(client, course, coordinator):

    session = running(course, coordinator)
    client.force_login(coordinator)
    url = reverse("course_sessions:edit", args=[session.pk])
    refused = client.post(url, session_form(session, min_attendance_percent=120))
    assert refused.status_code == 200
    assert "min_attendance_percent" in refused.context["form"].errors
    client.post(url, session_form(session, min_attendance_percent=60, excused_absences="attended"))
    session.refresh_from_db()
    assert (session.min_attendance_percent, session.excused_absences) == (60, "attended")


# ---------------------------------------------------------------------- the screens


def completion_urls(session, enrollment):
    return (
        reverse("course_attendance:completion", args=[session.pk]),
        reverse("course_attendance:evaluate", args=[session.pk]),
        reverse("course_attendance:override", args=[session.pk, enrollment.pk]),
    )


def test_completion_screens_are_for_its_coordinators_only(client, course, coordinator):
    session = running(course, coordinator)
    trainer = make_trainer("teacher")
    session.trainers.add(trainer)
    enrollment = mark(session, [S.PRESENT] * 5)
    page, evaluate_url, override_url = completion_urls(session, enrollment)
    for someone in (trainer, make_coordinator("other")):
        client.force_login(someone)
        assert client.get(page).status_code == 404
        assert client.post(evaluate_url).status_code == 404
        assert client.post(override_url, {"o-decision": "completed"}).status_code == 404
    enrollment.refresh_from_db()
    assert enrollment.status == E.CONFIRMED


def test_evaluate_and_override_from_the_screen(client, course, coordinator):
    session = running(course, coordinator, people=2)
    first = mark(session, [S.PRESENT] * 5)
    second = mark(session, [S.PRESENT, S.ABSENT, S.ABSENT, S.ABSENT, S.ABSENT], who=1)
    page, evaluate_url, _url = completion_urls(session, first)
    client.force_login(coordinator)
    assert client.get(evaluate_url).status_code == 405  # nothing changes on GET
    response = client.post(evaluate_url, follow=True)
    html = response.content.decode()
    assert "1 completed, 1 not completed" in html
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (E.COMPLETED, E.NOT_COMPLETED)

    override_url = completion_urls(session, second)[2]
    prefix = f"o{second.pk}"
    refused = client.post(override_url, {f"{prefix}-decision": "completed", f"{prefix}-reason": ""})
    assert "Say why you override" in refused.content.decode()
    second.refresh_from_db()
    assert second.status == E.NOT_COMPLETED
    client.post(
        override_url,
        {f"{prefix}-decision": "completed", f"{prefix}-reason": "Medical certificate"},
    )
    second.refresh_from_db()
    assert (second.status, second.override_reason) == (E.COMPLETED, "Medical certificate")
    assert "Overridden by" in client.get(page).content.decode()


def test_the_completion_screen_queries_do_not_grow(client, course, coordinator):
    client.force_login(coordinator)
    counts = []
    for people in (2, 15):
        session = running(course, coordinator, people=people, min_modules_opened=1)
        evaluate(session, coordinator)
        url = reverse("course_attendance:completion", args=[session.pk])
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_completion_screen_reads_modules_opened_against_what_is_needed(
    client, course, coordinator
):
    session = running(course, coordinator, min_modules_opened=2)
    modules = [make_module(course) for _ in range(3)]
    enrollment = mark(session, [S.PRESENT] * 5)
    for module in modules:
        ModuleVisit.objects.create(user=enrollment.participant, module=module)
    evaluate(session, coordinator)
    client.force_login(coordinator)
    page = client.get(reverse("course_attendance:completion", args=[session.pk]))
    assert page.status_code == 200
    text = " ".join(page.content.decode().split())
    assert "3 (2 needed)" in text
    assert "3 / 2" not in text
