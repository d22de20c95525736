"""The session report's evaluation and the cross-session report: rates,
distributions, gain, suppression below 5, and exports that name nobody."""

import pytest
from django.urls import reverse

from courses.evaluation import services
from courses.models import Enrollment
from tests.courses.evaluation.conftest import full_answers

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
