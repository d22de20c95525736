"""The session report's evaluation and the cross-session report: rates,
distributions, gain, suppression below 5, and exports that name nobody."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.evaluation import services
from courses.evaluation.services import attach, copy_questionnaire
from courses.models import Enrollment, Response
from tests.courses.evaluation.conftest import full_answers, open_window
from tests.factories.courses import make_cohort, make_running_session

pytestmark = pytest.mark.django_db


def people(session):
    return [e.participant for e in Enrollment.objects.filter(session=session).order_by("pk")]


def body_of(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def answer(assignment, users, **kwargs):
    for user in users:
        services.submit(assignment=assignment, user=user, data=full_answers(assignment, **kwargs))


def test_below_five_responses_only_the_rate_shows(client, coordinator, evaluation):
    answer(evaluation, people(evaluation.session)[:4], text="Secret remark")
    client.force_login(coordinator)
    html = client.get(
        reverse("course_session_report:index", args=[evaluation.session.pk])
    ).content.decode()
    assert "4 / 6" in html and "67 %" in html
    assert "Fewer than 5 responses" in html
    assert "Secret remark" not in html


def test_distribution_means_free_text_and_gain(
    client, coordinator, evaluation, pre_check, post_check
):
    users = people(evaluation.session)
    answer(evaluation, users[:5], rating=4, text="Good simulations")
    answer(post_check, users[:5])
    for user in users[:5]:
        data = full_answers(pre_check)
        for q in pre_check.questionnaire.questions.all():
            data[f"q{q.pk}"] = ["2"]
        services.submit(assignment=pre_check, user=user, data=data)
    client.force_login(coordinator)
    html = client.get(
        reverse("course_session_report:index", args=[evaluation.session.pk])
    ).content.decode()
    assert "5 / 6" in html and "83 %" in html
    assert "The logistics worked well" in html and "<svg" in html
    assert "Mean: 4.0" in html or "Mean: 4" in html
    assert html.count("Good simulations") == 2 * 5  # two free-text questions
    assert "+100.0" in html  # 0 % before, 100 % after


def test_cross_session_report_and_exports_name_nobody(
    client, coordinator, evaluation, pre_check, post_check
):
    users = people(evaluation.session)
    answer(evaluation, users, text="Text nobody exports")
    answer(post_check, users)
    wrong = {f"q{q.pk}": ["2"] for q in pre_check.questionnaire.questions.all()}
    for user in users:
        services.submit(assignment=pre_check, user=user, data=wrong)
    client.force_login(coordinator)
    url = reverse("course_reports:evaluation")
    html = client.get(url).content.decode()
    assert "Mediation process design" in html
    csv = body_of(client.get(url, {"export": "csv"})).decode()
    assert "Mediation process design,6,4,100.0,6,100" in csv
    names = (
        {u.username for u in users}
        | {u.get_full_name() for u in users}
        | {u.email for u in users if u.email}
    )
    for by in ("course", "year", "organization", "kind", "gender"):
        for fmt in ("csv", "xlsx"):
            body = body_of(client.get(url, {"by": by, "export": fmt}))
            assert body
            text = body.decode("utf-8", "ignore")
            assert not any(name and name in text for name in names)
            assert "Text nobody exports" not in text
    gain = body_of(client.get(url, {"by": "organization", "export": "csv"})).decode()
    assert "DPPA" in gain and "100" in gain


# --- satisfaction by organization, kind and gender -----------------------------------------


def test_responses_carry_only_groups_of_five_or_more(evaluation):
    """Six DPPA staff (a UN entity) and two AUC staff: the DPPA answers carry their kind
    and organization, the AUC answers neither (two people), and nobody's carries a
    gender (none given)."""
    session = evaluation.session
    make_cohort(session, 2, acronym="AUC", prefix="au")
    users = people(session)
    answer(evaluation, users)
    groups = set(
        Response.objects.filter(assignment=evaluation).values_list(
            "organization_kind", "organization", "gender"
        )
    )
    assert groups == {("un", "DPPA", ""), ("", "", "")}
    auc = Response.objects.filter(assignment=evaluation, organization_kind="")
    assert auc.values("question").distinct().count() > 0  # the two AUC answer sets
    assert not Response.objects.filter(assignment=evaluation, organization="AUC").exists()


def test_satisfaction_by_kind_hides_a_group_whose_complement_is_small(
    client, coordinator, course, evaluation, standard
):
    """Session A: six UN respondents and nobody else, shown. Session B: six UN and two
    others: the UN figure of B would give the two others' away by subtraction from the
    session's own, so B's answers are left out of the UN group."""
    answer(evaluation, people(evaluation.session), rating=5)
    other = make_running_session(course, people=6, coordinators=[coordinator])
    make_cohort(other, 2, acronym="AUC", prefix="au")
    b = attach(
        session=other, questionnaire=copy_questionnaire(questionnaire=standard), **open_window()
    )
    answer(b, people(other), rating=2)
    client.force_login(coordinator)
    url = reverse("course_reports:evaluation")
    csv = body_of(client.get(url, {"by": "kind", "export": "csv"})).decode("utf-8-sig")
    lines = {line.split(",")[0]: line for line in csv.splitlines()}
    # Only session A counts: 6 respondents, every rating 5.
    assert lines["UN entity"].startswith("UN entity,6,5,100.0")
    assert "Regional organization" not in lines or ",," in lines["Regional organization"]

    html = client.get(url, {"by": "gender"}).content.decode()
    assert "fewer than 5" in html.lower() or "Groups of fewer than 5" in html


# --- queries that do not grow with the respondents ----------------------------------------


def count_queries(client, url, **params) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured)


def test_the_session_report_runs_as_many_queries_for_6_as_for_10_respondents(
    client, coordinator, evaluation, django_assert_num_queries
):
    session = evaluation.session
    answer(evaluation, people(session))
    client.force_login(coordinator)
    url = reverse("course_session_report:index", args=[session.pk])
    client.get(url)
    queries = count_queries(client, url)
    make_cohort(session, 4, prefix="more")
    answer(evaluation, people(session)[6:], rating=2, text="Another remark")
    with django_assert_num_queries(queries):
        html = client.get(url).content.decode()
    assert "10 / 10" in html and html.count("Another remark") == 2 * 4


@pytest.mark.parametrize("by", ["course", "kind"])
def test_the_cross_session_report_runs_as_many_queries_for_one_session_as_for_two(
    client, coordinator, course, evaluation, standard, by, django_assert_num_queries
):
    answer(evaluation, people(evaluation.session), rating=5)
    client.force_login(coordinator)
    url = reverse("course_reports:evaluation")
    client.get(url, {"by": by})
    queries = count_queries(client, url, by=by)
    other = make_running_session(course, people=6, coordinators=[coordinator])
    b = attach(
        session=other, questionnaire=copy_questionnaire(questionnaire=standard), **open_window()
    )
    answer(b, people(other), rating=3)
    with django_assert_num_queries(queries):
        response = client.get(url, {"by": by})
    assert [line.respondents for line in response.context["object_list"]] == [12]
