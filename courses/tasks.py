"""Celery tasks: thin adapters over the notices (``courses.enrollment.notifications``)
and the certificate pipeline (``courses.certificates.services``): ids in, the services
do the work.

A LEAF: nothing of ours is imported at module level, so the services can import the
tasks they queue at module level and no import circle runs through here. Each task
imports the domain inside its body (``# noqa: PLC0415 -- leaf``).
"""

import logging
import smtplib
import time
from dataclasses import dataclass

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import worker_process_shutdown
from django.conf import settings
from django.db import DatabaseError

logger = logging.getLogger(__name__)


# What a notice's delivery raises only when ``mailer.is_temporary`` said so (it records
# a permanent failure and returns): Celery retries these with its backoff.
NOTICE_RETRY_FOR = (smtplib.SMTPException, OSError, DatabaseError)


@shared_task(
    acks_late=True,
    max_retries=6,
    soft_time_limit=60,
    time_limit=90,
    autoretry_for=NOTICE_RETRY_FOR,
    retry_backoff=30,  # 30 s, 60 s, 120 s, … as before
    retry_backoff_max=3600,
    retry_jitter=False,
)
def send_notice(*, notice_id):
    """Send one enrollment email; temporary SMTP and network errors retry with backoff."""
    from courses.enrollment import notifications  # noqa: PLC0415 -- leaf

    return notifications.deliver(notice_id)


@shared_task(acks_late=True, soft_time_limit=240, time_limit=300)
def send_notices(*, notice_ids):
    """A batch of notices (cohort messages, invitations): each kind to its batch sender
    (``notifications.deliver_batch``)."""
    from courses.enrollment import notifications  # noqa: PLC0415 -- leaf

    return notifications.deliver_batch(notice_ids)


@shared_task(acks_late=True, soft_time_limit=60, time_limit=90)
def send_digest(*, digest_id):
    """One daily digest to a coordinator or a focal point."""
    from courses.enrollment import digests  # noqa: PLC0415 -- leaf

    return digests.deliver(digest_id)


@shared_task
def send_daily_digests():
    """Daily: the coordinators' and focal points' digests (never twice a day)."""
    from courses.enrollment import digests  # noqa: PLC0415 -- leaf

    return digests.owe_digests()


@shared_task
def send_session_reminders():
    """Daily: reminders a week and a day before each session (never twice)."""
    from courses.enrollment import notifications  # noqa: PLC0415 -- leaf

    return notifications.owe_reminders()


@shared_task
def requeue_unsent_notices():
    """Every few minutes: queue again the notices (every email of ``courses``) a lost task
    or a broker outage left unsent."""
    from courses.enrollment import notifications  # noqa: PLC0415 -- leaf

    return notifications.requeue_unsent()


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=settings.CERTIFICATE_MAX_RETRIES,
    soft_time_limit=settings.CERTIFICATE_TASK_SOFT_TIME_LIMIT,
    time_limit=settings.CERTIFICATE_TASK_TIME_LIMIT,
)
def process_certificate(self, *, certificate_id):
    """Render, store and email one certificate (``services.process_certificate``).

    Temporary mail and network errors retry with exponential backoff; once the retries
    are spent, or on any other error, or past the soft time limit, the certificate is
    marked failed with the reason, for a coordinator to retry.
    """
    outcome = _run(certificate_id, retries=self.request.retries)
    if isinstance(outcome, _Retry):
        raise self.retry(exc=outcome.error, countdown=outcome.countdown) from outcome.error
    return outcome if isinstance(outcome, str) else None


# A batch starts no certificate after this many seconds: each one it starts has the
# whole of CERTIFICATE_TASK_SOFT_TIME_LIMIT, as in a task of its own.
BATCH_BUDGET = 10


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=settings.CERTIFICATE_TASK_SOFT_TIME_LIMIT + BATCH_BUDGET,
    time_limit=settings.CERTIFICATE_TASK_TIME_LIMIT + BATCH_BUDGET,
)
def process_certificates(self, *, certificate_ids):
    """Several certificates of a batch, one after another, each exactly as
    ``process_certificate`` runs it (its own transaction, skipped when done).

    One task per certificate cost the worker as much again as the certificate's own
    work. A certificate that meets a temporary error is queued as a ``process_certificate``
    retry of its own, with the backoff; past the budget, or once the soft time limit
    struck one, the rest are queued again and this task ends. A lost task (a worker
    killed) is redelivered, or its certificates are queued again by the sweep.
    """
    from courses.certificates import services as certificates  # noqa: PLC0415 -- leaf

    started = time.monotonic()
    for index, certificate_id in enumerate(certificate_ids):
        if index and time.monotonic() - started > BATCH_BUDGET:
            certificates.queue(certificate_ids[index:])
            return None
        outcome = _run(certificate_id, retries=0)
        if isinstance(outcome, _Retry):
            process_certificate.apply_async(
                kwargs={"certificate_id": certificate_id}, countdown=outcome.countdown, retries=1
            )
        elif outcome is _TIMED_OUT:
            certificates.queue(certificate_ids[index + 1 :])
            return None
    return None


@dataclass(frozen=True)
class _Retry:
    error: Exception
    countdown: int


_TIMED_OUT = object()


def _run(certificate_id: int, *, retries: int):
    """One run of a certificate's pipeline, as both tasks make it: the certificate's state
    afterwards; for a temporary error with retries left, the ``_Retry`` due (the row
    says when). Past the soft time limit, on any other error, or once the retries are
    spent, the certificate is marked failed with the reason."""
    from courses import mailer  # noqa: PLC0415 -- leaf
    from courses.certificates import services as certificates  # noqa: PLC0415 -- leaf

    try:
        return certificates.process_certificate(certificate_id=certificate_id)
    except SoftTimeLimitExceeded:
        certificates.fail_certificate(
            certificate_id=certificate_id,
            error=f"Took longer than {settings.CERTIFICATE_TASK_SOFT_TIME_LIMIT} seconds.",
        )
        return _TIMED_OUT
    except Exception as error:
        if not mailer.is_temporary(error):
            logger.exception("Certificate %s failed", certificate_id)
            certificates.fail_certificate(
                certificate_id=certificate_id, error=certificates.describe(error)
            )
            return None
        if retries >= settings.CERTIFICATE_MAX_RETRIES:
            certificates.fail_certificate(
                certificate_id=certificate_id,
                error=f"{certificates.describe(error)} (after {retries + 1} tries)",
            )
            return None
        countdown = certificates.retry_delay(retries)
        certificates.note_retry(certificate_id=certificate_id, countdown=countdown)
        return _Retry(error, countdown)


@shared_task
def requeue_stuck_certificates():
    """Every minute: queue again certificates a lost task left pending or rendered."""
    from courses.certificates import services as certificates  # noqa: PLC0415 -- leaf

    return certificates.requeue_stuck_certificates()


@worker_process_shutdown.connect
def close_mail_connection(**kwargs):
    """A worker process that stops closes the mail connection it kept open."""
    from courses import mailer  # noqa: PLC0415 -- leaf

    mailer.close()


@shared_task
def send_evaluation_reminders():
    """Daily: questionnaire open, reminders after 2 and 7 days, the follow-up survey."""
    from courses.evaluation import services  # noqa: PLC0415 -- leaf

    return services.owe_reminders()


@shared_task(acks_late=True, soft_time_limit=240, time_limit=300)
def refresh_report_figures():
    """Every minute (the beat): recount the sessions whose report figures went stale
    (``courses.reports.services.refresh_figures``; nothing stale, nothing written)."""
    from courses.reports import services  # noqa: PLC0415 -- leaf

    return services.refresh_figures()


@shared_task(acks_late=True, soft_time_limit=120, time_limit=150)
def render_donor_summary(*, summary_id):
    """A session's one-page donor summary (``reports.donor.render_donor_summary``)."""
    from courses.reports import donor  # noqa: PLC0415 -- leaf

    return donor.render_donor_summary(summary_id)


@shared_task
def send_clearance_reminders():
    """Daily: remind supervisors who have not answered 3 and 7 days after a request."""
    from courses.enrollment import clearance  # noqa: PLC0415 -- leaf

    return clearance.owe_reminders()
