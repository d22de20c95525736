"""The certificate pipeline in this process: render, store, email, each step once.

A real PDF is rendered (``courses.certificate_pdf``) and Django's in-memory outbox
receives the mail; ``FailingBackend`` makes the mail server fail on demand. The same
pipeline with a real worker, Redis and SMTP server is in tests/e2e/test_certificates.py.
"""

import datetime
import smtplib

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import task_prerun
from django.core import mail
from django.core.checks import run_checks
from django.core.files.base import ContentFile
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from config.celery import app as celery_app
from courses import tasks
from courses.audit import FAIL_ACTION
from courses.certificates.services import (
    issue_certificates,
    process_certificate,
    retry_certificate,
    revoke_certificate,
)
from courses.models import Certificate, certificate_storage
from participants.models import Participant
from tests.factories.certificates import make_completers
from tests.factories.courses import make_session
from tests.factories.pages import make_course
from tests.support.mail_backends import FailingBackend

pytestmark = pytest.mark.django_db

State = Certificate.State


@pytest.fixture
def session(catalog, coordinator):
    course = make_course(catalog, title="Mediation process design")
    return make_session(
        course,
        code="mpd-2027",
        coordinators=[coordinator],
        starts_on=datetime.date(2027, 3, 1),
        ends_on=datetime.date(2027, 3, 5),
    )


@pytest.fixture
def failing_mail(settings):
    settings.MAILERS = {"default": {"BACKEND": "tests.support.mail_backends.FailingBackend"}}
    FailingBackend.errors, FailingBackend.attempts = [], 0
    yield FailingBackend
    FailingBackend.errors = []


@pytest.fixture
def tasks_run_here():
    """Celery runs each queued task in this process, retries included, as a worker would."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


def issue_one(session, coordinator, **names):
    make_completers(session, names=[("Amina", "Diallo")])
    (certificate,) = issue_certificates(session=session, by=coordinator)
    return certificate


def test_one_run_renders_stores_and_emails_the_certificate(session, coordinator, settings):
    certificate = issue_one(session, coordinator)
    assert process_certificate(certificate_id=certificate.pk) == State.SENT
    certificate.refresh_from_db()
    assert certificate.state == State.SENT and certificate.attempts == 1
    assert certificate.rendered_at <= certificate.mail_accepted_at == certificate.sent_at
    with certificate.pdf.open("rb") as file:
        assert file.read(5) == b"%PDF-"
    assert certificate_storage().exists(certificate.pdf.name)

    (message,) = mail.outbox
    assert message.to == [certificate.enrollment.participant.email]
    assert message.subject == "Your certificate for Mediation process design"
    url = f"{settings.SITE_URL}/certificates/verify/{certificate.code}/"
    assert url in message.body and certificate.short_code in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and url in html
    ((filename, content, kind),) = message.attachments
    assert (filename, kind) == (f"certificate-{certificate.short_code}.pdf", "application/pdf")
    assert content.startswith(b"%PDF-")


def test_a_second_run_does_nothing(session, coordinator):
    certificate = issue_one(session, coordinator)
    process_certificate(certificate_id=certificate.pk)
    assert process_certificate(certificate_id=certificate.pk) == State.SENT
    certificate.refresh_from_db()
    assert certificate.attempts == 1 and len(mail.outbox) == 1


def test_a_run_after_the_mail_was_accepted_never_sends_it_again(session, coordinator):
    """What the row looks like when a worker died between the server's 250 and the
    state change: the mark is there, the state still says rendered."""
    certificate = issue_one(session, coordinator)
    accepted = timezone.now() - datetime.timedelta(minutes=5)
    made = ContentFile(b"%PDF-1.7 made")
    certificate.pdf.save(f"pdf/test/{certificate.code}.pdf", made, save=False)
    Certificate.objects.filter(pk=certificate.pk).update(
        state=State.RENDERED,
        pdf=certificate.pdf.name,
        rendered_at=accepted,
        mail_accepted_at=accepted,
        attempts=1,
    )
    assert process_certificate(certificate_id=certificate.pk) == State.SENT
    certificate.refresh_from_db()
    assert mail.outbox == []
    assert certificate.state == State.SENT and certificate.sent_at == accepted


def test_a_rendered_certificate_is_not_rendered_again(session, coordinator):
    certificate = issue_one(session, coordinator)
    first = ContentFile(b"%PDF-1.7 first")
    certificate.pdf.save(f"pdf/test/{certificate.code}.pdf", first, save=False)
    Certificate.objects.filter(pk=certificate.pk).update(
        state=State.RENDERED, pdf=certificate.pdf.name, rendered_at=timezone.now()
    )
    process_certificate(certificate_id=certificate.pk)
    ((_name, content, _kind),) = mail.outbox[0].attachments
    assert content == b"%PDF-1.7 first"


def test_a_revoked_certificate_is_left_alone(session, coordinator):
    certificate = issue_one(session, coordinator)
    revoke_certificate(certificate=certificate, reason="Error", by=coordinator)
    assert process_certificate(certificate_id=certificate.pk) == State.REVOKED
    certificate.refresh_from_db()
    assert not certificate.pdf and mail.outbox == [] and certificate.attempts == 0
    assert process_certificate(certificate_id=certificate.pk + 1000) is None  # gone: nothing


def test_a_temporary_mail_error_keeps_the_pdf_and_is_raised_for_a_retry(
    session, coordinator, failing_mail
):
    certificate = issue_one(session, coordinator)
    failing_mail.errors = [smtplib.SMTPServerDisconnected("Connection unexpectedly closed")]
    with pytest.raises(smtplib.SMTPServerDisconnected):
        process_certificate(certificate_id=certificate.pk)
    certificate.refresh_from_db()
    assert certificate.state == State.RENDERED and certificate.pdf
    assert certificate.mail_accepted_at is None
    assert certificate.last_error.startswith("SMTPServerDisconnected")
    rendered_at = certificate.rendered_at
    assert process_certificate(certificate_id=certificate.pk) == State.SENT
    certificate.refresh_from_db()
    assert certificate.rendered_at == rendered_at and certificate.attempts == 2
    assert certificate.last_error == "" and len(mail.outbox) == 1


def test_a_permanent_refusal_fails_the_certificate_until_a_coordinator_retries(
    session, coordinator, failing_mail
):
    certificate = issue_one(session, coordinator)
    failing_mail.errors = [
        smtplib.SMTPRecipientsRefused({"completer@example.org": (550, b"No such user")})
    ]
    assert process_certificate(certificate_id=certificate.pk) == State.FAILED
    certificate.refresh_from_db()
    assert "SMTPRecipientsRefused" in certificate.last_error and "No such user" in (
        certificate.last_error
    )
    assert ModelLogEntry.objects.filter(action=FAIL_ACTION).count() == 1
    assert process_certificate(certificate_id=certificate.pk) == State.FAILED  # stays failed
    retry_certificate(certificate=certificate, by=coordinator)
    assert process_certificate(certificate_id=certificate.pk) == State.SENT
    assert len(mail.outbox) == 1


def test_a_name_no_font_can_print_fails_with_a_clear_reason(session, coordinator):
    make_completers(session, names=[("Ankh", "\U00013000\U00013001")])  # Egyptian hieroglyphs
    (certificate,) = issue_certificates(session=session, by=coordinator)
    assert process_certificate(certificate_id=certificate.pk) == State.FAILED
    certificate.refresh_from_db()
    assert certificate.last_error.startswith("The PDF could not be made:")
    assert "U+13000" in certificate.last_error
    assert not certificate.pdf and mail.outbox == []


def test_the_task_retries_temporary_errors_then_sends(
    session, coordinator, failing_mail, tasks_run_here
):
    certificate = issue_one(session, coordinator)
    failing_mail.errors = [
        TimeoutError("timed out"),
        smtplib.SMTPResponseException(421, b"Try again later"),
    ]
    tasks.process_certificate.delay(certificate_id=certificate.pk)
    certificate.refresh_from_db()
    assert certificate.state == State.SENT and certificate.attempts == 3
    assert failing_mail.attempts == 3 and len(mail.outbox) == 1


def test_the_task_gives_up_after_its_retries_and_says_why(
    session, coordinator, failing_mail, tasks_run_here
):
    certificate = issue_one(session, coordinator)
    failing_mail.errors = [ConnectionRefusedError("refused")] * 20
    tasks.process_certificate.delay(certificate_id=certificate.pk)
    certificate.refresh_from_db()
    retries = tasks.process_certificate.max_retries
    assert certificate.state == State.FAILED and certificate.attempts == retries + 1
    assert certificate.last_error == (
        f"ConnectionRefusedError: refused (after {retries + 1} tries)"
    )
    assert mail.outbox == []


def test_the_task_does_not_retry_a_permanent_error(
    session, coordinator, failing_mail, tasks_run_here
):
    certificate = issue_one(session, coordinator)
    failing_mail.errors = [smtplib.SMTPDataError(554, b"Message rejected as spam")]
    tasks.process_certificate.delay(certificate_id=certificate.pk)
    certificate.refresh_from_db()
    assert certificate.state == State.FAILED and failing_mail.attempts == 1
    assert "554" in certificate.last_error


def test_a_batch_retries_a_temporary_error_on_its_own_and_goes_on(
    session, coordinator, failing_mail, tasks_run_here
):
    make_completers(session, 3)
    first, second, third = sorted(
        issue_certificates(session=session, by=coordinator), key=lambda c: c.pk
    )
    done = Certificate.objects.filter(pk=third.pk)
    revoke_certificate(certificate=third, reason="Error", by=coordinator)
    failing_mail.errors = [TimeoutError("timed out")]  # the first send of the batch
    tasks.process_certificates.delay(certificate_ids=[first.pk, second.pk, third.pk])

    # The first was retried by a task of its own (run here at once), the second sent
    # by the batch; the revoked one left alone.
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.state == second.state == State.SENT
    assert (first.attempts, second.attempts) == (2, 1)
    assert done.get().state == State.REVOKED
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        c.enrollment.participant.email for c in (first, second)
    )
    # A batch run again sends nothing twice.
    tasks.process_certificates.delay(certificate_ids=[first.pk, second.pk, third.pk])
    assert len(mail.outbox) == 2


def test_a_batch_fails_only_the_certificate_refused_for_good(
    session, coordinator, failing_mail, tasks_run_here
):
    make_completers(session, 2)
    first, second = sorted(issue_certificates(session=session, by=coordinator), key=lambda c: c.pk)
    failing_mail.errors = [smtplib.SMTPDataError(554, b"Message rejected as spam")]
    tasks.process_certificates.delay(certificate_ids=[first.pk, second.pk])
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.state == State.FAILED and "554" in first.last_error
    assert second.state == State.SENT and len(mail.outbox) == 1


def test_issuing_queues_the_certificates_tasks_after_commit(
    session, coordinator, tasks_run_here, django_capture_on_commit_callbacks
):
    make_completers(session, 3)
    with django_capture_on_commit_callbacks(execute=True):
        issued = issue_certificates(session=session, by=coordinator)
    assert {c.state for c in Certificate.objects.all()} == {State.SENT}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        c.enrollment.participant.email for c in issued
    )


@pytest.mark.parametrize("count", [3, 10, 40])
def test_issuing_queues_batches_that_several_workers_share(
    session, coordinator, settings, tasks_run_here, django_capture_on_commit_callbacks, count
):
    settings.CERTIFICATE_TASK_BATCH = 8
    make_completers(session, count)
    ran = []

    def record(sender=None, kwargs=None, **_extra):
        ran.append(kwargs.get("certificate_ids") or [kwargs["certificate_id"]])

    task_prerun.connect(record)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            issued = issue_certificates(session=session, by=coordinator)
    finally:
        task_prerun.disconnect(record)
    assert sorted(pk for batch in ran for pk in batch) == sorted(c.pk for c in issued)
    assert len(ran) >= min(count, 4) and max(len(batch) for batch in ran) <= 8
    assert {c.state for c in Certificate.objects.all()} == {State.SENT}


def test_the_email_is_in_the_holders_language_and_the_pdf_in_the_sessions(catalog, coordinator):
    course = make_course(catalog, title="Médiation")
    session = make_session(course, language="en", coordinators=[coordinator])
    (enrollment,) = make_completers(session, names=[("Amina", "Diallo")])
    Participant.objects.filter(user=enrollment.participant).update(preferred_language="fr")
    (certificate,) = issue_certificates(session=session, by=coordinator)
    process_certificate(certificate_id=certificate.pk)
    (message,) = mail.outbox
    assert message.subject == "Votre certificat pour Médiation"
    assert "Félicitations pour avoir achevé Médiation" in message.body
    assert "Heures de présence : 14" in message.body
    certificate.refresh_from_db()
    assert certificate.language == "en"


@pytest.fixture
def back_to_english():
    """A French request leaves French active in this thread: the next test must not care."""
    yield
    translation.activate("en")


def test_the_verification_page_speaks_the_visitors_language(
    client, session, coordinator, back_to_english
):
    certificate = issue_one(session, coordinator)
    client.cookies["django_language"] = "fr"
    page = client.get(certificate.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Certificat valable" in page and "Heures de présence" in page


def test_a_task_past_its_soft_time_limit_fails_the_certificate(
    session, coordinator, failing_mail, tasks_run_here, settings
):
    certificate = issue_one(session, coordinator)
    failing_mail.errors = [SoftTimeLimitExceeded()]  # raised where the task was when time ran out
    tasks.process_certificate.delay(certificate_id=certificate.pk)
    certificate.refresh_from_db()
    assert certificate.state == State.FAILED and failing_mail.attempts == 1
    limit = settings.CERTIFICATE_TASK_SOFT_TIME_LIMIT
    assert certificate.last_error == f"Took longer than {limit} seconds."


def test_the_worker_settings_the_pipeline_relies_on(settings):
    assert settings.CELERY_TASK_ACKS_LATE and settings.CELERY_TASK_REJECT_ON_WORKER_LOST
    assert settings.CELERY_WORKER_PREFETCH_MULTIPLIER == 1
    for task in (tasks.process_certificate, tasks.process_certificates):
        assert task.acks_late and task.reject_on_worker_lost
        assert task.soft_time_limit < task.time_limit
    sweep = settings.CELERY_BEAT_SCHEDULE["requeue-stuck-certificates"]
    assert sweep["task"] == "courses.tasks.requeue_stuck_certificates"
    assert [m.id for m in run_checks() if m.id == "courses.W001"] == []
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 60}
    assert [m.id for m in run_checks() if m.id == "courses.W001"] == ["courses.W001"]
