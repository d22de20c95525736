import pytest

from config.celery import app as celery_app


@pytest.fixture(autouse=True)
def tasks_run_here():
    """Celery runs each queued task in this process, as a worker would: account emails
    leave the request through a task (participants.adapter)."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous
