"""Celery tasks: thin adapters over ``courses.notifications`` and the certificate
services (ids in, services do the work)."""

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import worker_process_shutdown
from django.conf import settings

from . import mailer, notifications
from .services import certificates

logger = logging.getLogger(__name__)


@shared_task(
    bind=True,
    acks_late=True,
    max_retries=6,
    soft_time_limit=60,
    time_limit=90,
)
def send_notice(self, *, notice_id):
    """Send one enrollment email; temporary SMTP and network errors retry with backoff."""
    try:
        return notifications.deliver(notice_id)
    except Exception as error:
        if notifications.is_temporary(error):
            raise self.retry(
                exc=error, countdown=min(30 * 2**self.request.retries, 3600)
            ) from error
        raise


@shared_task
def send_session_reminders():
    """Daily: reminders a week and a day before each session (never twice)."""
    return notifications.owe_reminders()


@shared_task
def requeue_unsent_notices():
    """Every few minutes: queue again what a lost task or a broker outage left unsent."""
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
    try:
        return certificates.process_certificate(certificate_id=certificate_id)
    except SoftTimeLimitExceeded:
        certificates.fail_certificate(
            certificate_id=certificate_id,
            error=f"Took longer than {settings.CERTIFICATE_TASK_SOFT_TIME_LIMIT} seconds.",
        )
    except Exception as error:
        if not certificates.is_temporary(error):
            logger.exception("Certificate %s failed", certificate_id)
            certificates.fail_certificate(
                certificate_id=certificate_id, error=certificates.describe(error)
            )
            return None
        if self.request.retries >= self.max_retries:
            certificates.fail_certificate(
                certificate_id=certificate_id,
                error=f"{certificates.describe(error)} (after {self.request.retries + 1} tries)",
            )
            return None
        countdown = certificates.retry_delay(self.request.retries)
        certificates.note_retry(certificate_id=certificate_id, countdown=countdown)
        raise self.retry(exc=error, countdown=countdown) from error
    return None


@shared_task
def requeue_stuck_certificates():
    """Every minute: queue again certificates a lost task left pending or rendered."""
    return certificates.requeue_stuck_certificates()


@worker_process_shutdown.connect
def close_mail_connection(**kwargs):
    """A worker process that stops closes the mail connection it kept open."""
    mailer.close()
