"""Questionnaire emails: when it opens, after 2 and 7 days, each once, only to those
who have not submitted; every one a Notice."""

import datetime

import pytest

from courses.enrollment import notifications
from courses.evaluation import services
from courses.models import Enrollment, Notice, Questionnaire
from tests.courses.evaluation.conftest import full_answers

pytestmark = pytest.mark.django_db


def test_open_notice_then_reminders_once_each_and_not_after_submitting(
    evaluation, django_capture_on_commit_callbacks
):
    users = [e.participant for e in Enrollment.objects.filter(session=evaluation.session)]
    services.submit(assignment=evaluation, user=users[0], data=full_answers(evaluation))
    opened = evaluation.opens_at
    with django_capture_on_commit_callbacks(execute=True):
        assert services.owe_reminders(now=opened + datetime.timedelta(hours=2)) == 5
        assert services.owe_reminders(now=opened + datetime.timedelta(hours=5)) == 0
        assert services.owe_reminders(now=opened + datetime.timedelta(days=2, hours=1)) == 5
        assert services.owe_reminders(now=opened + datetime.timedelta(days=7, hours=1)) == 5
    keys = sorted(set(Notice.objects.values_list("kind", "key")))
    q = f"q{evaluation.pk}"
    assert keys == [
        ("evaluation_open", f"{q}-open"),
        ("evaluation_reminder", f"{q}-2d"),
        ("evaluation_reminder", f"{q}-7d"),
    ]
    assert not Notice.objects.filter(enrollment__participant=users[0]).exists()
    assert Notice.objects.count() == 15
    # Each renders as an email in the person's language.
    message = notifications.render(Notice.objects.filter(kind="evaluation_open").first())
    assert "tell us about the course" in message.subject
    assert "questionnaire is open on My learning" in message.body


def test_follow_up_survey_opens_three_months_after_the_end(finished):
    survey = Questionnaire.objects.get(is_standard=True, kind="follow_up")
    attached = services.attach(session=finished, questionnaire=survey)
    days = (attached.opens_at.date() - finished.ends_on).days
    assert 89 <= days <= 92
    assert services.owe_reminders(now=attached.opens_at - datetime.timedelta(days=1)) == 0
    assert services.owe_reminders(now=attached.opens_at + datetime.timedelta(hours=1)) == 6
