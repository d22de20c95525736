"""Daily digests: coordinators hear once a day of requests and nominations waiting;
focal points of what was decided about their nominees; never twice a day."""

import pytest
from django.core import mail

from config.celery import app as celery_app
from courses.enrollment import digests
from courses.enrollment.services import decide, enroll
from courses.models import Digest
from participants.models import FocalPoint, Organization
from tests.factories.courses import make_profile, make_session
from tests.factories.users import make_coordinator, make_participant

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def tasks_run_here():
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


def person(username, acronym="DPPA"):
    user = make_participant(username)
    make_profile(user, acronym)
    return user


def test_coordinators_get_one_digest_a_day_of_what_waits(
    course, coordinator, django_capture_on_commit_callbacks
):
    session = make_session(
        course, code="mpd-approval", policy="approval", coordinators=[coordinator]
    )
    idle = make_coordinator("idle")
    make_session(course, code="mpd-quiet", coordinators=[idle])
    for name in ("amina", "bo"):
        enroll(participant=person(name), session=session)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert digests.owe_digests() == 1
    (message,) = mail.outbox
    assert message.to == [coordinator.email]
    assert message.subject == "Requests and nominations waiting for your decision"
    assert "mpd-approval" in message.body and message.body.count("\n- ") == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert digests.owe_digests() == 0  # once a day
    assert len(mail.outbox) == 1
    assert Digest.objects.get().sent_at is not None


def test_focal_points_hear_what_happened_to_their_nominees(
    course, coordinator, django_capture_on_commit_callbacks
):
    focal = person("focal")
    FocalPoint.objects.create(user=focal, organization=Organization.objects.get(acronym="DPPA"))
    session = make_session(
        course, code="mpd-nominations", policy="nomination", coordinators=[coordinator]
    )
    nominee = person("nominee")
    enrollment = enroll(
        participant=nominee, session=session, nominated_by=focal, justification="Leads talks"
    )
    decide(enrollment=enrollment, decision="confirmed", by=coordinator)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        digests.owe_digests()
    (message,) = [m for m in mail.outbox if m.to == [focal.email]]
    assert message.subject == "What was decided about the people you nominated"
    assert "mpd-nominations" in message.body and "Confirmed" in message.body


def test_the_digest_is_on_celery_beats_schedule():
    tasks = {entry["task"] for entry in celery_app.conf.beat_schedule.values()}
    assert "courses.tasks.send_daily_digests" in tasks
