"""Coordinators build questionnaires, copy the standard one and attach them to their
sessions; another coordinator's session is not found."""

import pytest
from django.urls import reverse

from courses.models import Questionnaire, SessionQuestionnaire
from tests.factories.courses import make_running_session
from tests.factories.users import make_coordinator

pytestmark = pytest.mark.django_db


def questionnaire_form(**questions):
    data = {
        "title": "Mediation check",
        "intro": "",
        "kind": "post_check",
        "minutes": "5",
        "pass_mark": "60",
        "translations": "{}",
        "questions-TOTAL_FORMS": str(len(questions)),
        "questions-INITIAL_FORMS": "0",
        "questions-MIN_NUM_FORMS": "1",
        "questions-MAX_NUM_FORMS": "1000",
    }
    for i, (text, fields) in enumerate(questions.items()):
        base = {
            "text": text,
            "type": "single",
            "required": "on",
            "choices": "",
            "statements": "",
            "correct": "",
            "low_label": "",
            "high_label": "",
            "translations": "{}",
            "ORDER": str(i + 1),
            "id": "",
        }
        base.update(fields)
        data.update({f"questions-{i}-{k}": v for k, v in base.items()})
    return data


def test_coordinator_builds_a_knowledge_check_with_questions(client, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("evaluation_questionnaires:add"),
        questionnaire_form(
            phase={"choices": "Pre-negotiation\nAudit", "correct": "Pre-negotiation"}
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    check = Questionnaire.objects.get(title="Mediation check")
    assert check.anonymous is False and check.pass_mark == 60
    assert list(check.questions.values_list("text", "correct")) == [("phase", "Pre-negotiation")]


def test_anonymous_check_and_wrong_correct_answer_are_refused(client, coordinator):
    client.force_login(coordinator)
    data = questionnaire_form(phase={"choices": "A\nB", "correct": "C"})
    data["anonymous"] = "on"
    html = client.post(reverse("evaluation_questionnaires:add"), data).content.decode()
    assert "cannot be anonymous" in html
    assert "Not among the choices: C." in html
    assert not Questionnaire.objects.filter(title="Mediation check").exists()


def test_standard_questionnaire_is_copied_not_edited(client, coordinator):
    standard = Questionnaire.objects.get(is_standard=True, kind="evaluation")
    client.force_login(coordinator)
    edit = reverse("evaluation_questionnaires:edit", args=[standard.pk])
    # Wagtail turns the refusal into a redirect with a message.
    assert client.get(edit).status_code == 302
    client.post(edit, questionnaire_form(phase={"choices": "A\nB"}))
    standard.refresh_from_db()
    assert standard.title == "End-of-course evaluation" and standard.kind == "evaluation"
    url = reverse("evaluation_questionnaires:copy", args=[standard.pk])
    assert "Make a copy" in client.get(url).content.decode()
    assert Questionnaire.objects.count() == 2  # GET changes nothing
    response = client.post(url)
    copy = Questionnaire.objects.exclude(is_standard=True).get(kind="evaluation")
    assert response["Location"] == reverse("evaluation_questionnaires:edit", args=[copy.pk])
    assert copy.questions.count() == standard.questions.count() == 5
    assert client.get(response["Location"]).status_code == 200


def test_attach_with_default_moments_and_only_to_own_sessions(client, course, coordinator):
    mine = make_running_session(course, coordinators=[coordinator])
    theirs = make_running_session(course, coordinators=[make_coordinator("other")])
    standard = Questionnaire.objects.get(is_standard=True, kind="evaluation")
    client.force_login(coordinator)
    url = reverse("session_questionnaires:add")
    response = client.post(url, {"session": mine.pk, "questionnaire": standard.pk})
    assert response.status_code == 302
    attached = SessionQuestionnaire.objects.get(session=mine)
    last = mine.meetings.order_by("starts_at").last()
    assert attached.opens_at == last.starts_at and attached.closes_at > attached.opens_at
    html = client.post(url, {"session": theirs.pk, "questionnaire": standard.pk}).content.decode()
    assert not SessionQuestionnaire.objects.filter(session=theirs).exists()
    assert "Select a valid choice" in html
    html = client.post(url, {"session": mine.pk, "questionnaire": standard.pk}).content.decode()
    assert "already has a questionnaire of this kind" in html
    other = SessionQuestionnaire.objects.create(
        session=theirs,
        questionnaire=standard,
        opens_at=attached.opens_at,
        closes_at=attached.closes_at,
    )
    assert client.get(reverse("session_questionnaires:edit", args=[other.pk])).status_code == 404
