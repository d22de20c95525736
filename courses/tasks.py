"""Celery tasks: thin adapters over ``courses.notifications`` (ids in, services do the work)."""

from celery import shared_task

from . import notifications


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
