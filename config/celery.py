"""The Celery app: configured from Django settings (``CELERY_*``), tasks found in our apps."""

import os
import sys

from celery import Celery
from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("concord")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_configure.connect
def schedule_daily_digests(sender, **kwargs):
    """Every morning (06:00 UTC) the coordinators' and focal points' digests."""
    from celery.schedules import crontab  # noqa: PLC0415 -- only when Celery configures

    sender.add_periodic_task(
        crontab(hour=6, minute=0), sender.signature("courses.tasks.send_daily_digests")
    )


@worker_init.connect
def refuse_an_unsafe_visibility_timeout(**kwargs):
    """A worker whose broker would hand its running tasks to another worker does not start.

    Celery runs Django's system checks at start but prints none of them, so the check is
    called here. SystemExit, because Celery logs and swallows a receiver's exceptions.
    """
    import django  # noqa: PLC0415 -- app registry not ready: here: this module is imported before Django is set up

    django.setup()  # done by the worker already, unless a test calls this; idempotent
    from courses.checks import visibility_timeout_covers_the_longest_task  # noqa: PLC0415 -- app registry not ready: needs the apps

    problems = visibility_timeout_covers_the_longest_task(None)
    for problem in problems:
        print(f"{problem.id}: {problem.msg} {problem.hint}", file=sys.stderr)
    if problems:
        raise SystemExit("The Celery worker refuses to start: see courses.W001 above.")
