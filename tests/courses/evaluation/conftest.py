"""A finished session with an evaluation and both knowledge checks open."""

import datetime

import pytest
from django.utils import timezone

from courses.evaluation.services import attach, copy_questionnaire
from courses.models import Question, Questionnaire
from tests.factories.courses import make_running_session


def make_check(kind, *, pass_mark=60, title=None):
    check = Questionnaire.objects.create(
        title=title or kind, kind=kind, anonymous=False, pass_mark=pass_mark
    )
    Question.objects.create(
        questionnaire=check,
        sort_order=0,
        text="Which is a mediation phase?",
        type="single",
        choices="Pre-negotiation\nDeployment\nAudit",
        correct="Pre-negotiation",
    )
    Question.objects.create(
        questionnaire=check,
        sort_order=1,
        text="Which are mediation actors?",
        type="multiple",
        choices="Mediator\nParties\nAuditor",
        correct="Mediator\nParties",
    )
    return check


def open_window():
    now = timezone.now()
    return {
        "opens_at": now - datetime.timedelta(hours=1),
        "closes_at": now + datetime.timedelta(days=14),
    }


@pytest.fixture
def standard():
    return Questionnaire.objects.get(is_standard=True, kind="evaluation")


@pytest.fixture
def finished(course, coordinator):
    return make_running_session(course, people=6, coordinators=[coordinator])


@pytest.fixture
def evaluation(finished, standard):
    return attach(
        session=finished, questionnaire=copy_questionnaire(questionnaire=standard), **open_window()
    )


@pytest.fixture
def post_check(finished):
    return attach(session=finished, questionnaire=make_check("post_check"), **open_window())


@pytest.fixture
def pre_check(finished):
    return attach(session=finished, questionnaire=make_check("pre_check"), **open_window())


def full_answers(assignment, rating=4, text="Useful role plays."):
    """A complete, valid answer to every question of ``assignment``'s questionnaire."""
    data = {}
    for q in assignment.questionnaire.questions.all():
        key = f"q{q.pk}"
        if q.type == "matrix":
            for i, _s in enumerate(q.statements.splitlines()):
                data[f"{key}_{i}"] = [str(rating)]
        elif q.type in ("rating",):
            data[key] = [str(rating)]
        elif q.type == "nps":
            data[key] = [str(rating * 2)]
        elif q.type == "text":
            data[key] = [text]
        elif q.type == "single":
            data[key] = ["0"]
        elif q.type == "multiple":
            data[key] = ["0", "1"]
    return data
