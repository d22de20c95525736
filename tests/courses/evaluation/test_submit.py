"""Submitting a questionnaire: checked, once, anonymous where set, scored for checks."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses.evaluation import services
from courses.evaluation.services import attach, copy_questionnaire
from courses.models import Enrollment, Question, Response, Submission
from tests.courses.evaluation.conftest import full_answers, open_window
from tests.factories.courses import make_profile
from tests.factories.users import make_participant

pytestmark = pytest.mark.django_db


def person(session, i=0):
    return Enrollment.objects.filter(session=session).order_by("pk")[i].participant


def test_submission_writes_marker_and_anonymous_responses(evaluation):
    user = person(evaluation.session)
    marker = services.submit(assignment=evaluation, user=user, data=full_answers(evaluation))
    assert marker.submitted_at is not None
    assert marker.answers == {} and marker.draft == {}  # anonymous: nothing kept with the person
    texts = list(
        Response.objects.filter(assignment=evaluation)
        .exclude(text="")
        .values_list("text", flat=True)
    )
    assert texts == ["Useful role plays."] * 2
    # matrix: 5 statements, rating, nps, 2 texts
    assert Response.objects.filter(assignment=evaluation).count() == 5 + 1 + 1 + 2


def test_second_submission_is_refused_not_duplicated(evaluation):
    user = person(evaluation.session)
    services.submit(assignment=evaluation, user=user, data=full_answers(evaluation))
    rows = Response.objects.count()
    with pytest.raises(services.EvaluationError, match="already submitted"):
        services.submit(assignment=evaluation, user=user, data=full_answers(evaluation, rating=1))
    assert Response.objects.count() == rows
    assert Submission.objects.filter(assignment=evaluation).count() == 1


@pytest.mark.parametrize(
    "spoil, message",
    [
        (lambda d, q: d.__setitem__(f"q{q['rating']}", ["6"]), "from 1 to 5"),
        (lambda d, q: d.__setitem__(f"q{q['rating']}", ["zero"]), "from 1 to 5"),
        (lambda d, q: d.__setitem__(f"q{q['nps']}", ["11"]), "from 0 to 10"),
        (lambda d, q: d.__setitem__(f"q{q['matrix']}_2", ["0"]), "from 1 to 5"),
        (lambda d, q: d.__setitem__(f"q{q['matrix']}_9", ["3"]), "not in it"),
        (lambda d, q: d.__setitem__("q999999", ["3"]), "not in it"),
        (lambda d, q: d.pop(f"q{q['rating']}"), "needs an answer"),
    ],
)
def test_bad_input_is_refused_and_nothing_saved(evaluation, spoil, message):
    ids = {q.type: q.pk for q in evaluation.questionnaire.questions.all()}
    data = full_answers(evaluation)
    spoil(data, ids)
    with pytest.raises(services.EvaluationError) as refusal:
        services.submit(assignment=evaluation, user=person(evaluation.session), data=data)
    assert message in " ".join(str(e) for e in refusal.value.errors.values())
    assert not Response.objects.exists()
    assert not Submission.objects.filter(submitted_at__isnull=False).exists()


def test_unknown_choice_is_refused(finished, post_check):
    single = post_check.questionnaire.questions.get(type="single")
    data = full_answers(post_check)
    data[f"q{single.pk}"] = ["7"]
    with pytest.raises(services.EvaluationError) as refusal:
        services.submit(assignment=post_check, user=person(finished), data=data)
    assert "Choose among the choices given" in refusal.value.errors[single.pk]
    assert not Response.objects.exists()


def test_closed_questionnaire_refuses_answers(evaluation):
    evaluation.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    evaluation.opens_at = evaluation.closes_at - datetime.timedelta(days=1)
    evaluation.save()
    with pytest.raises(services.EvaluationError, match="closed"):
        services.submit(
            assignment=evaluation, user=person(evaluation.session), data=full_answers(evaluation)
        )
    assert not Response.objects.exists() and not Submission.objects.exists()


def test_someone_not_on_the_roster_is_refused(evaluation):
    stranger = make_participant("stranger")
    make_profile(stranger, "AUC")
    with pytest.raises(services.EvaluationError, match="Only the participants"):
        services.submit(assignment=evaluation, user=stranger, data=full_answers(evaluation))
    withdrawn = Enrollment.objects.filter(session=evaluation.session).first()
    withdrawn.status = "withdrawn"
    withdrawn.save()
    with pytest.raises(services.EvaluationError, match="Only the participants"):
        services.submit(
            assignment=evaluation, user=withdrawn.participant, data=full_answers(evaluation)
        )
    assert not Response.objects.exists() and not Submission.objects.exists()


def test_draft_is_kept_then_cleared_on_submit(evaluation):
    user = person(evaluation.session)
    rating = evaluation.questionnaire.questions.get(type="rating")
    marker = services.save_draft(assignment=evaluation, user=user, data={f"q{rating.pk}": ["2"]})
    assert marker.draft == {str(rating.pk): 2}
    assert not Response.objects.exists()
    marker = services.submit(assignment=evaluation, user=user, data=full_answers(evaluation))
    assert marker.draft == {}


def test_knowledge_check_is_scored_and_kept_with_the_enrollment(finished, post_check):
    user = person(finished)
    single = post_check.questionnaire.questions.get(type="single")
    data = full_answers(post_check)  # single: right (0); multiple: right (0, 1)
    marker = services.submit(assignment=post_check, user=user, data=data)
    assert (marker.score, marker.passed) == (100, True)
    assert marker.answers[str(single.pk)] == 0
    other = person(finished, 1)
    data[f"q{single.pk}"] = ["2"]
    data[f"q{post_check.questionnaire.questions.get(type='multiple').pk}"] = ["0"]
    marker = services.submit(assignment=post_check, user=other, data=data)
    assert (marker.score, marker.passed) == (0, False)


def test_submit_runs_the_same_queries_for_any_number_of_questions(finished, standard):
    small = copy_questionnaire(questionnaire=standard)
    large = copy_questionnaire(questionnaire=standard)
    Question.objects.bulk_create(
        Question(questionnaire=large, sort_order=10 + i, text=f"Q{i}", type="rating")
        for i in range(25)
    )
    counts = []
    for i, questionnaire in enumerate((small, large)):
        finished.questionnaires.all().delete()
        assignment = attach(session=finished, questionnaire=questionnaire, **open_window())
        with CaptureQueriesContext(connection) as queries:
            services.submit(
                assignment=assignment, user=person(finished, i), data=full_answers(assignment)
            )
        counts.append(len(queries))
    assert counts[0] == counts[1]
