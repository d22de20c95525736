"""The Celery worker refuses to start when Redis would hand a running task to another
worker: a visibility timeout not above the longest task run after the longest retry
countdown (courses.W001)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def start_worker(visibility_timeout: int) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "CELERY_VISIBILITY_TIMEOUT": str(visibility_timeout),
        "CELERY_QUEUE": f"worker-check-{os.getpid()}",
    }
    return subprocess.run(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--concurrency", "1"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )


@pytest.mark.parametrize("seconds", [30, 1000])
def test_the_worker_refuses_a_visibility_timeout_shorter_than_a_task_and_its_retry(seconds):
    # 1000 s is above the longest time limit and above the longest retry countdown, but
    # not above both together, which a retried task spends unacknowledged.
    result = start_worker(seconds)
    assert result.returncode != 0
    assert f"courses.W001: CELERY_VISIBILITY_TIMEOUT ({seconds} s)" in result.stderr
    assert "refuses to start" in result.stderr
