"""What the deployment tests (compose and Kubernetes) need to know of the application."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The settings production loads; the test settings and dev ones are not deployed.
PRODUCTION_SETTINGS = ("base.py", "production.py")
ENV_CALL = re.compile(r"\benv(?:\.\w+)?\(\s*[\"']([A-Z][A-Z0-9_]*)[\"']")


def settings_env_vars() -> set[str]:
    """Every environment variable the production settings read through django-environ."""
    names = {"DJANGO_SETTINGS_MODULE"}
    for name in PRODUCTION_SETTINGS:
        names |= set(ENV_CALL.findall((ROOT / "config" / "settings" / name).read_text()))
    return names


def longest_task_time_limit() -> int:
    """The longest hard time limit of any task our apps register (the global
    CELERY_TASK_TIME_LIMIT for a task without its own)."""
    from config.celery import app  # noqa: PLC0415 -- on demand: Django must be set up

    app.loader.import_default_modules()
    default = app.conf.task_time_limit or 0
    ours = [task for name, task in app.tasks.items() if not name.startswith("celery.")]
    assert ours, "no task found"
    return max(task.time_limit or default for task in ours)
