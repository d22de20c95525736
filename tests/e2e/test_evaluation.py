"""Evaluation in the browser: a participant answers the end-of-session evaluation and
the knowledge check after the course (keyboard-free, no script needed), the coordinator
sees the report with its charts, and the certificate comes only once both are done."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from courses.attendance.services import evaluate_completion
from courses.certificates.services import issue_certificates
from courses.evaluation import services
from courses.models import Attendance, Certificate, Enrollment, Question, Questionnaire
from tests.e2e.steps import admin_sign_in, sign_in
from tests.factories.courses import make_running_session
from tests.factories.pages import make_course
from tests.factories.users import make_coordinator

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def finished(catalog):
    course = make_course(catalog, title="Mediation process design")
    coordinator = make_coordinator("coordinator")
    session = make_running_session(course, people=6, coordinators=[coordinator])
    session.completion_requires_evaluation = True
    session.completion_requires_post_check = True
    session.save()
    now = timezone.now()
    window = {
        "opens_at": now - datetime.timedelta(hours=1),
        "closes_at": now + datetime.timedelta(days=7),
    }
    standard = Questionnaire.objects.get(is_standard=True, kind="evaluation")
    services.attach(
        session=session,
        questionnaire=services.copy_questionnaire(
            questionnaire=standard, title="End-of-course evaluation"
        ),
        **window,
    )
    check = Questionnaire.objects.create(
        title="Mediation check", kind="post_check", anonymous=False, pass_mark=50
    )
    Question.objects.create(
        questionnaire=check,
        sort_order=0,
        text="Who owns the outcome?",
        type="single",
        choices="The parties\nThe mediator",
        correct="The parties",
    )
    services.attach(session=session, questionnaire=check, **window)
    Attendance.objects.bulk_create(
        Attendance(enrollment=e, meeting=m, status="present")
        for e in Enrollment.objects.filter(session=session)
        for m in session.meetings.all()
    )
    return session


def test_participant_answers_then_report_then_certificate(new_context, finished):
    enrollments = list(Enrollment.objects.filter(session=finished).order_by("pk"))
    me = enrollments[0].participant
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    sign_in(page, me.email, next_url="/my-learning/")
    page.get_by_role("link", name=re.compile("Tell us about the course")).click()
    for statement in (
        "The content was of high quality",
        "The course is relevant to my work",
        "The trainers were effective",
        "The materials were useful",
        "The logistics worked well",
    ):
        page.get_by_role("row", name=re.compile(statement)).get_by_role("radio").nth(3).check()
    page.get_by_role("group", name=re.compile("Overall, the course was useful")).get_by_label(
        "4"
    ).check()
    # Submitting without the recommendation: refused, explained, nothing lost.
    page.get_by_role("button", name="Submit my answers").click()
    expect(page.get_by_role("alert")).to_contain_text("This question needs an answer.")
    page.get_by_role("group", name=re.compile("recommend this course")).get_by_label(
        "9", exact=True
    ).check()
    page.get_by_label("What was most useful?").fill("The role plays")
    page.get_by_role("button", name="Submit my answers").click()
    expect(page.locator("body")).to_contain_text("your answers are submitted")

    page.get_by_role("link", name="Mediation check", exact=True).click()
    page.get_by_label("The parties").check()
    page.get_by_role("button", name="Submit my answers").click()
    expect(page.locator("body")).to_contain_text("score 100 % (passed)")

    # Four more people answer, so the report shows the distribution.
    evaluation = finished.questionnaires.get(questionnaire__kind="evaluation")
    for enrollment in enrollments[1:5]:
        data = {}
        for q in evaluation.questionnaire.questions.all():
            if q.type == "matrix":
                data.update({f"q{q.pk}_{i}": ["5"] for i in range(5)})
            elif q.type in ("rating", "nps"):
                data[f"q{q.pk}"] = ["5"]
        services.submit(assignment=evaluation, user=enrollment.participant, data=data)

    admin = new_context(viewport={"width": 1366, "height": 900}).new_page()
    admin_sign_in(admin, "coordinator")
    admin.goto(f"/admin/courses/sessions/{finished.pk}/report/")
    expect(admin.get_by_role("heading", name="Evaluation", exact=True)).to_be_visible()
    expect(admin.locator("body")).to_contain_text("5 / 6")
    expect(admin.get_by_role("img", name=re.compile("How far do you agree"))).to_be_visible()
    expect(admin.locator("body")).to_contain_text("The role plays")

    coordinator = finished.coordinators.get()
    evaluate_completion(session=finished, by=coordinator)
    issued = issue_certificates(session=finished, by=coordinator)
    assert [c.enrollment.participant for c in issued] == [me]
    assert not Certificate.objects.filter(enrollment=enrollments[1]).exists()
