"""What the deployment tests (compose and Kubernetes) need to know of the application."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The settings production loads, and the modules they hand django-environ's reader to
# (config/storage_url.py reads the storage variables); test and dev settings are not
# deployed.
PRODUCTION_SETTINGS = (
    "config/settings/base.py",
    "config/settings/production.py",
    "config/storage_url.py",
)
ENV_CALL = re.compile(r"\b(?:env|environ)(?:\.\w+)?\(\s*[\"']([A-Z][A-Z0-9_]*)[\"']")
# Other spellings of a variable a deployment gives: STORAGE_URL wins over django-storages'
# own names (config/storage_url.py), which are for those who already use them.
ALTERNATIVES = {
    "AWS_STORAGE_BUCKET_NAME": "STORAGE_URL",
    "AWS_S3_ENDPOINT_URL": "STORAGE_URL",
    "AWS_S3_REGION_NAME": "STORAGE_URL",
    "AWS_LOCATION": "STORAGE_URL",
}


def settings_env_vars() -> set[str]:
    """Every environment variable the production settings read through django-environ,
    an alternative spelling replaced by the variable it stands for."""
    names = {"DJANGO_SETTINGS_MODULE"}
    for path in PRODUCTION_SETTINGS:
        names |= set(ENV_CALL.findall((ROOT / path).read_text()))
    return {ALTERNATIVES.get(name, name) for name in names}


def longest_task_time_limit() -> int:
    """The longest hard time limit of any task our apps register (the global
    CELERY_TASK_TIME_LIMIT for a task without its own)."""
    from config.celery import app  # noqa: PLC0415 -- on demand: Django must be set up

    app.loader.import_default_modules()
    default = app.conf.task_time_limit or 0
    ours = [task for name, task in app.tasks.items() if not name.startswith("celery.")]
    assert ours, "no task found"
    return max(task.time_limit or default for task in ours)
