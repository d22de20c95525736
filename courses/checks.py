"""Start-up checks of the certificate pipeline's Celery settings."""

from django.conf import settings
from django.core.checks import Warning, register

from courses.tasks import process_certificates


@register()
def visibility_timeout_covers_the_longest_task(app_configs, **kwargs):
    """Redis hands an unacknowledged task to another worker after ``visibility_timeout``:
    shorter than a task's run after a retry's countdown (the worker holds a retried task
    unacknowledged through both) and it would run twice at once.

    The Celery worker runs this at start (config.celery) and refuses to start on it."""
    options = getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", {}) or {}
    timeout = options.get("visibility_timeout")
    if not settings.CELERY_BROKER_URL.startswith("redis") or timeout is None:
        return []
    longest = (
        max(
            settings.CELERY_TASK_TIME_LIMIT,
            settings.CERTIFICATE_TASK_TIME_LIMIT,
            process_certificates.time_limit,  # a batch's time limit is the longest
        )
        + settings.CERTIFICATE_RETRY_BACKOFF_MAX
    )
    if timeout > longest:
        return []
    return [
        Warning(
            f"CELERY_VISIBILITY_TIMEOUT ({timeout} s) is not above the longest certificate "
            f"task after the longest retry countdown ({longest} s): tasks may run twice.",
            hint="Raise CELERY_VISIBILITY_TIMEOUT or lower the certificate time limits.",
            id="courses.W001",
        )
    ]
