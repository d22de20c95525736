"""The participant's side: My learning lists the questionnaires; the form works
without JavaScript, keeps a draft, submits once and explains what it refuses."""

import pytest
from django.urls import reverse

from courses.models import Enrollment, Response, Submission
from tests.courses.evaluation.conftest import full_answers
from tests.factories.courses import make_profile
from tests.factories.users import make_participant

pytestmark = pytest.mark.django_db


def flat(data):
    return {k: v if len(v) > 1 else v[0] for k, v in data.items()}


@pytest.fixture
def member(evaluation):
    return Enrollment.objects.filter(session=evaluation.session).first().participant


def test_my_learning_lists_open_then_submitted(client, evaluation, member):
    client.force_login(member)
    html = client.get(reverse("my_learning")).content.decode()
    assert "Tell us about the course \N{EN DASH} 3 minutes" in html
    url = reverse("evaluation_questionnaire", args=[evaluation.pk])
    assert url in html
    response = client.post(url, {**flat(full_answers(evaluation)), "action": "submit"}, follow=True)
    html = response.content.decode()
    assert "your answers are submitted" in html
    assert "Tell us about the course" not in html and "submitted" in html


def test_form_renders_every_question_type_and_keeps_a_draft(client, evaluation, member):
    client.force_login(member)
    url = reverse("evaluation_questionnaire", args=[evaluation.pk])
    html = client.get(url).content.decode()
    assert "The logistics worked well" in html and 'type="radio"' in html and "<textarea" in html
    rating = evaluation.questionnaire.questions.get(type="rating")
    response = client.post(url, {f"q{rating.pk}": "2", "action": "draft"}, follow=True)
    assert "Your draft is saved" in response.content.decode()
    assert f'name="q{rating.pk}" value="2" checked' in response.content.decode()
    assert not Response.objects.exists()


def test_bad_answer_is_explained_and_nothing_saved(client, evaluation, member):
    client.force_login(member)
    url = reverse("evaluation_questionnaire", args=[evaluation.pk])
    data = flat(full_answers(evaluation))
    rating = evaluation.questionnaire.questions.get(type="rating")
    data[f"q{rating.pk}"] = "9"
    response = client.post(url, {**data, "action": "submit"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Your answers were not saved" in html and "Choose a value from 1 to 5." in html
    assert not Response.objects.exists()
    assert not Submission.objects.filter(submitted_at__isnull=False).exists()


def test_second_post_is_refused(client, evaluation, member):
    client.force_login(member)
    url = reverse("evaluation_questionnaire", args=[evaluation.pk])
    data = {**flat(full_answers(evaluation)), "action": "submit"}
    client.post(url, data)
    rows = Response.objects.count()
    html = client.post(url, data).content.decode()
    assert "You have already submitted this questionnaire." in html
    assert Response.objects.count() == rows


def test_someone_else_gets_404_and_get_changes_nothing(client, evaluation):
    stranger = make_participant("stranger")
    make_profile(stranger, "AUC")
    client.force_login(stranger)
    url = reverse("evaluation_questionnaire", args=[evaluation.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"action": "submit"}).status_code == 404
    assert not Submission.objects.exists()
