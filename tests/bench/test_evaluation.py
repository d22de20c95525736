"""The evaluation's two hot paths.

``evaluation_submit``: one participant submits a 30-question evaluation (checks, the
marker under its row lock, the shuffled anonymous responses); target < 50 ms, and the
same number of queries whatever the number of questions.
``evaluation_report``: the session report of a 200-respondent session (coordinator);
``evaluation_cross_session``: the cross-session report over 1,000 sessions with 12
respondents each; target < 300 ms.
"""

from __future__ import annotations

import datetime
import itertools
import random

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from courses.evaluation import services
from courses.models import (
    CourseSession,
    Enrollment,
    Question,
    Questionnaire,
    Response,
    SessionQuestionnaire,
    Submission,
)
from participants.models import Organization
from tests.bench.harness import expect_page, measure
from tests.factories.courses import make_cohort, make_session
from tests.factories.pages import make_course
from tests.factories.users import make_coordinator

TYPES = ["rating", "single", "multiple", "nps", "matrix", "text"]


def thirty_questions() -> Questionnaire:
    questionnaire = Questionnaire.objects.create(title="Bench evaluation", kind="evaluation")
    Question.objects.bulk_create(
        Question(
            questionnaire=questionnaire,
            sort_order=i,
            text=f"Question {i}",
            type=TYPES[i % len(TYPES)],
            choices="One\nTwo\nThree\nFour",
            statements="Content\nRelevance\nTrainers\nMaterials\nLogistics",
        )
        for i in range(30)
    )
    return questionnaire


def answers(questionnaire, rng) -> dict:
    data = {}
    for q in questionnaire.questions.all():
        key = f"q{q.pk}"
        if q.type == "matrix":
            data.update({f"{key}_{i}": [str(rng.randint(1, 5))] for i in range(5)})
        elif q.type == "rating":
            data[key] = [str(rng.randint(1, 5))]
        elif q.type == "nps":
            data[key] = [str(rng.randint(0, 10))]
        elif q.type == "single":
            data[key] = [str(rng.randrange(4))]
        elif q.type == "multiple":
            data[key] = ["0", "2"]
        else:
            data[key] = ["Useful, thank you."]
    return data


def test_evaluation_submit_and_session_report(client, bench_site):
    rng = random.Random(16)
    course = make_course(bench_site.catalog, title="Evaluation benchmark course")
    coordinator = make_coordinator("bench-evaluation-coordinator")
    session = make_session(
        course, code="bench-evaluation", capacity=300, coordinators=[coordinator]
    )
    cohort = make_cohort(session, 260, prefix="ev")
    questionnaire = thirty_questions()
    now = timezone.now()
    assignment = SessionQuestionnaire.objects.create(
        session=session,
        questionnaire=questionnaire,
        opens_at=now - datetime.timedelta(hours=1),
        closes_at=now + datetime.timedelta(days=7),
    )
    assignment = SessionQuestionnaire.objects.select_related("questionnaire").get(pk=assignment.pk)
    people = iter(cohort)
    data = answers(questionnaire, rng)

    def submit_one():
        return services.submit(assignment=assignment, user=next(people).participant, data=data)

    measure("evaluation_submit", submit_one, n=40, check=lambda m: m.submitted_at is not None)

    for enrollment in itertools.islice(people, 150):  # 200 respondents in all
        services.submit(
            assignment=assignment, user=enrollment.participant, data=answers(questionnaire, rng)
        )
    client.force_login(coordinator)
    url = reverse("course_session_report:index", args=[session.pk])
    measure("evaluation_report", lambda: client.get(url), n=20, check=expect_page("Response rate"))


def test_evaluation_cross_session(client, bench_site):
    sessions_n, per_session = 1_000, 12
    course = make_course(bench_site.catalog, title="Evaluation cross-session course")
    standard = Questionnaire.objects.get(is_standard=True, kind="evaluation")
    questions = list(standard.questions.all())
    now = timezone.now()
    today = timezone.localdate()
    organization = Organization.objects.first()
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"bench-ev-{i}", password="!") for i in range(per_session)
    )
    sessions = CourseSession.objects.bulk_create(
        CourseSession(
            course=course,
            code=f"bench-ev-{i:04d}",
            starts_on=today - datetime.timedelta(days=30 + i),
            ends_on=today - datetime.timedelta(days=27 + i),
            is_online=True,
            language="en",
            capacity=per_session,
            enrollment_opens_at=now - datetime.timedelta(days=2_000),
            enrollment_closes_at=now - datetime.timedelta(days=1_900),
            status=CourseSession.Status.COMPLETED,
        )
        for i in range(sessions_n)
    )
    assignments = SessionQuestionnaire.objects.bulk_create(
        SessionQuestionnaire(
            session=s,
            questionnaire=standard,
            opens_at=now - datetime.timedelta(days=9),
            closes_at=now,
        )
        for s in sessions
    )
    enrollments = Enrollment.objects.bulk_create(
        (
            Enrollment(session=s, participant=u, organization=organization, status="completed")
            for s in sessions
            for u in users
        ),
        batch_size=5_000,
    )
    by_session = {a.session_id: a for a in assignments}
    Submission.objects.bulk_create(
        (
            Submission(enrollment=e, assignment=by_session[e.session_id], submitted_at=now)
            for e in enrollments
        ),
        batch_size=5_000,
    )
    rng = random.Random(16)
    rows = []
    for a in assignments:
        for _person in range(per_session):
            for q in questions:
                if q.type == "matrix":
                    rows += [
                        Response(assignment=a, question=q, statement=i, number=rng.randint(2, 5))
                        for i in range(5)
                    ]
                elif q.type == "rating":
                    rows.append(Response(assignment=a, question=q, number=rng.randint(2, 5)))
    Response.objects.bulk_create(rows, batch_size=10_000)
    admin = get_user_model().objects.create_superuser("bench-ev-admin", "a@example.org", "x")
    client.force_login(admin)
    url = reverse("course_reports:evaluation")
    measure(
        "evaluation_cross_session",
        lambda: client.get(url),
        n=10,
        check=expect_page("Evaluation cross-session course"),
    )
