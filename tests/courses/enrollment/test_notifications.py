"""Enrollment emails: queued after commit, sent once, in the participant's language."""

import datetime
import json
import smtplib

import pytest
import redis
from celery.utils.saferepr import saferepr
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone

from config.celery import app as celery_app
from courses.enrollment import notifications
from courses.enrollment.services import decide, enroll, withdraw
from courses.models import Enrollment, Notice
from courses.sessions.services import cancel_session
from tests.factories.courses import make_profile, make_session
from tests.factories.users import make_coordinator, make_participant

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def tasks_run_here():
    """Celery runs each queued task in this process, as a worker would."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


def person(username, language="en", acronym="DPPA"):
    user = make_participant(username)
    make_profile(user, acronym, preferred_language=language)
    return user


def test_confirmation_is_sent_after_commit_in_text_and_html(
    course, django_capture_on_commit_callbacks
):
    session = make_session(course, capacity=1)
    amina = person("amina")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        enroll(participant=amina, session=session)
        assert mail.outbox == []  # nothing leaves before the transaction commits
    for callback in callbacks:
        callback()
    (message,) = mail.outbox
    assert message.to == ["amina@example.org"]
    assert message.subject == "Your place in Mediation process design is confirmed"
    assert "Nairobi, Kenya" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "Your place in Mediation process design" in html
    assert Notice.objects.get().sent_at is not None


def test_waitlist_and_promotion_emails(course, django_capture_on_commit_callbacks):
    session = make_session(course, capacity=1)
    first, second = person("first"), person("second")
    with django_capture_on_commit_callbacks(execute=True):
        held = enroll(participant=first, session=session)
        enroll(participant=second, session=session)
    assert "You are number 1 on the waitlist" in mail.outbox[-1].body
    with django_capture_on_commit_callbacks(execute=True):
        withdraw(enrollment=held, by=first)
    promoted = mail.outbox[-1]
    assert promoted.to == ["second@example.org"]
    assert promoted.subject.startswith("A seat freed up")


def test_rejection_carries_the_reason(course, django_capture_on_commit_callbacks):
    coordinator = make_coordinator()
    session = make_session(course, policy="approval", coordinators=[coordinator])
    amina = person("amina")
    with django_capture_on_commit_callbacks(execute=True):
        enrollment = enroll(participant=amina, session=session)
        decide(
            enrollment=enrollment,
            decision=Enrollment.Status.REJECTED,
            by=coordinator,
            reason="The course is for staff at P-3 level and above.",
        )
    received, rejected = mail.outbox
    assert received.subject.startswith("We received your request")
    assert "Reason given: The course is for staff at P-3 level and above." in rejected.body


def test_french_speakers_get_french_mail(course, django_capture_on_commit_callbacks):
    session = make_session(course, capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        enroll(participant=person("aminata", language="fr"), session=session)
    (message,) = mail.outbox
    assert message.subject == "Votre place dans Mediation process design est confirmée"
    assert 'lang="fr"' in message.alternatives[0][0]


def test_a_notice_is_made_and_sent_once(course, django_capture_on_commit_callbacks):
    session = make_session(course, capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        enrollment = enroll(participant=person("amina"), session=session)
    notice = Notice.objects.get()
    assert notifications.owe(enrollment, notice.kind, notice.key) is None
    assert notifications.deliver(notice.pk) is False  # already sent: no second mail
    assert len(mail.outbox) == 1


def test_temporary_smtp_errors_are_retried_and_permanent_ones_recorded(course, settings):
    session = make_session(course, capacity=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(notifications, "queue", lambda notice_id: None)  # send by hand below
        enrollment = enroll(participant=person("amina"), session=session)
    notice = Notice.objects.get(enrollment=enrollment)

    def failing_send(error):
        def send(self, *args, **kwargs):
            raise error

        return send

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            EmailMultiAlternatives, "send", failing_send(smtplib.SMTPServerDisconnected("gone"))
        )
        with pytest.raises(smtplib.SMTPServerDisconnected):
            notifications.deliver(notice.pk)
        notice.refresh_from_db()
        assert (notice.sent_at, notice.attempts) == (None, 1)
        assert "SMTPServerDisconnected" in notice.last_error

        patch.setattr(
            EmailMultiAlternatives,
            "send",
            failing_send(smtplib.SMTPRecipientsRefused({"amina@example.org": (550, b"no")})),
        )
        assert notifications.deliver(notice.pk) is False
        notice.refresh_from_db()
        assert (notice.sent_at, notice.attempts) == (None, 2)

    # The sweep queues unsent notices again once they are old enough; then it goes out.
    assert notifications.requeue_unsent() == 0
    later = timezone.now() + notifications.UNSENT_GRACE + datetime.timedelta(minutes=1)
    assert notifications.requeue_unsent(now=later) == 1
    notice.refresh_from_db()
    assert notice.sent_at is not None and len(mail.outbox) == 1


def test_reminders_go_out_a_week_and_a_day_before_and_only_once(
    course, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    week = make_session(course, starts_on=today + datetime.timedelta(days=7))
    day = make_session(
        course,
        starts_on=today + datetime.timedelta(days=1),
        ends_on=today + datetime.timedelta(days=2),
    )
    with django_capture_on_commit_callbacks(execute=True):
        enroll(participant=person("amina"), session=week)
        enroll(participant=person("bo"), session=day)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications.owe_reminders(today) == 2
        assert notifications.owe_reminders(today) == 0  # the beat may fire twice
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == ["Mediation process design starts soon"] * 2
    bodies = " ".join(m.body for m in mail.outbox)
    assert "starts in 7 days" in bodies and "starts tomorrow" in bodies


def test_cancelling_a_session_tells_everyone_once(course, django_capture_on_commit_callbacks):
    coordinator = make_coordinator()
    session = make_session(course, capacity=1, coordinators=[coordinator])
    with django_capture_on_commit_callbacks(execute=True):
        enroll(participant=person("amina"), session=session)
        enroll(participant=person("bo"), session=session)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert cancel_session(session=session, by=coordinator, reason="Venue unavailable.") == 2
        assert cancel_session(session=session, by=coordinator) == 0
    assert len(mail.outbox) == 2
    assert all("Venue unavailable." in m.body for m in mail.outbox)
    assert set(Enrollment.objects.values_list("status", flat=True)) == {"cancelled"}


def test_a_queued_notice_is_described_to_monitoring_as_celery_would(course, settings):
    """``queue`` writes the task's argument summary itself (the hot path skips Celery's
    saferepr): what a worker's log or Flower shows is the same as Celery's own. It
    declares nothing, and the message still lands on a Redis that lost every key."""
    enrollment = enroll(participant=person("ana"), session=make_session(course))
    notice = Notice.objects.get(enrollment=enrollment)
    broker = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    celery_app.conf.task_always_eager = False
    broker.flushdb()
    try:
        notifications.queue(notice.pk)
        (raw,) = broker.lrange("celery", 0, -1)
    finally:
        broker.delete("celery")
    headers = json.loads(raw)["headers"]
    assert headers["task"] == "courses.tasks.send_notice"
    assert headers["argsrepr"] == saferepr(())
    assert headers["kwargsrepr"] == saferepr({"notice_id": notice.pk})
