"""Completion may require the evaluation submitted and the post-check passed."""

import pytest

from courses.attendance.services import evaluate_completion
from courses.evaluation import services
from courses.models import Attendance, Enrollment
from tests.courses.evaluation.conftest import full_answers

pytestmark = pytest.mark.django_db


def attend_all(session):
    Attendance.objects.bulk_create(
        Attendance(enrollment=e, meeting=m, status="present")
        for e in Enrollment.objects.filter(session=session)
        for m in session.meetings.all()
    )


def test_completion_waits_for_evaluation_and_passed_post_check(
    finished, evaluation, post_check, coordinator
):
    finished.completion_requires_evaluation = True
    finished.completion_requires_post_check = True
    finished.save()
    attend_all(finished)
    a, b, c, *_rest = Enrollment.objects.filter(session=finished).order_by("pk")
    services.submit(assignment=evaluation, user=a.participant, data=full_answers(evaluation))
    services.submit(assignment=post_check, user=a.participant, data=full_answers(post_check))
    services.submit(assignment=evaluation, user=b.participant, data=full_answers(evaluation))
    failing = full_answers(post_check)
    for q in post_check.questionnaire.questions.all():
        failing[f"q{q.pk}"] = ["2"]
    services.submit(assignment=post_check, user=b.participant, data=failing)
    evaluate_completion(session=finished, by=coordinator)
    statuses = dict(
        Enrollment.objects.filter(pk__in=[a.pk, b.pk, c.pk]).values_list("pk", "status")
    )
    assert statuses == {a.pk: "completed", b.pk: "not_completed", c.pk: "not_completed"}


def test_not_required_means_attendance_alone_decides(finished, evaluation, coordinator):
    attend_all(finished)
    evaluate_completion(session=finished, by=coordinator)
    assert set(Enrollment.objects.filter(session=finished).values_list("status", flat=True)) == {
        "completed"
    }
