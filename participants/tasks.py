"""Celery tasks of accounts: thin adapters, as in courses.tasks."""

import smtplib

from celery import shared_task
from django.core.mail import EmailMultiAlternatives

TEMPORARY_ERRORS = (
    smtplib.SMTPServerDisconnected,
    smtplib.SMTPConnectError,
    ConnectionError,
    TimeoutError,
)


@shared_task(
    acks_late=True,
    autoretry_for=TEMPORARY_ERRORS,
    retry_backoff=30,
    retry_backoff_max=900,
    max_retries=6,
    soft_time_limit=45,
    time_limit=60,
)
def send_account_email(
    *, subject: str, body: str, from_email: str, to: list[str], html: str = ""
) -> None:
    """Send one account email (confirmation, password reset, unknown account) rendered
    by ``participants.adapter.AccountAdapter`` in the request that asked for it."""
    message = EmailMultiAlternatives(subject, body, from_email, to)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()


@shared_task(acks_late=True, soft_time_limit=300, time_limit=360)
def prepare_personal_data_export(*, export_id: int) -> None:
    """Build one "Download my data" ZIP (participants.privacy)."""
    from .models import PersonalDataExport  # noqa: PLC0415 -- leaf
    from .privacy import build_personal_data_export  # noqa: PLC0415 -- leaf

    export = PersonalDataExport.objects.select_related("user").filter(pk=export_id).first()
    if export is None:
        return
    build_personal_data_export(export=export)


@shared_task(acks_late=True)
def remove_expired_personal_data_exports() -> int:
    from .privacy import remove_expired_exports  # noqa: PLC0415 -- leaf

    return remove_expired_exports()


@shared_task(acks_late=True, soft_time_limit=1800, time_limit=1900)
def apply_retention() -> dict:
    """The daily retention rules (participants.retention): inactive people, then the
    expiring records every app registered (application files, supervisor comments)."""
    from .retention import apply_retention as run  # noqa: PLC0415 -- leaf
    from .retention import purge_expired_records  # noqa: PLC0415 -- leaf

    return {**run(), "purged": purge_expired_records()}
