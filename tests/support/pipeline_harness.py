"""Real parts for the certificate pipeline's end-to-end test and benchmark: a local SMTP
server (aiosmtpd) that keeps what it accepts, and a Celery worker in its own process
group (so that ``kill -9`` takes it down whole, as a crashed machine would), consuming
a queue of its own on the suite's Redis, against the test database.
"""

from __future__ import annotations

import email
import email.policy
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import redis
from aiosmtpd.controller import Controller
from django.conf import settings
from django.db import connection

from config.celery import app as celery_app

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Accepted:
    recipients: list[str]
    content: bytes
    at: float

    @property
    def message(self):
        return email.message_from_bytes(self.content, policy=email.policy.default)

    def pdf(self) -> bytes:
        (attachment,) = [
            part
            for part in self.message.iter_attachments()
            if part.get_content_type() == "application/pdf"
        ]
        return attachment.get_content()


@dataclass
class SmtpSink:
    """aiosmtpd in a thread on 127.0.0.1: every message it accepted, and how many SMTP
    sessions (EHLO greetings) it saw, so tests can tell connections were reused."""

    port: int = field(default_factory=free_port)
    accepted: list[Accepted] = field(default_factory=list)
    sessions: int = 0

    def __post_init__(self):
        self._lock = threading.Lock()
        self._controller = None

    # aiosmtpd handler hooks
    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        with self._lock:
            self.sessions += 1
        return responses

    async def handle_DATA(self, server, session, envelope):
        with self._lock:
            self.accepted.append(
                Accepted(list(envelope.rcpt_tos), bytes(envelope.content), time.monotonic())
            )
        return "250 Message accepted for delivery"

    def start(self) -> SmtpSink:

        # aiosmtpd logs every SMTP command at INFO: thousands of lines in a batch.
        logging.getLogger("mail.log").setLevel(logging.WARNING)

        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def count(self) -> int:
        with self._lock:
            return len(self.accepted)

    def wait_for(self, count: int, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.count() >= count:
                return True
            time.sleep(0.05)
        return self.count() >= count


def worker_command(*, queue: str, name: str, concurrency: int = 2) -> list[str]:
    """The command line of a Celery worker of the tests: prefork, on ``queue`` only."""
    return [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "config",
        "worker",
        "--pool",
        "prefork",
        "--concurrency",
        str(concurrency),
        "-Q",
        queue,
        "-n",
        name,
        "--without-gossip",
        "--without-mingle",
        "--loglevel",
        "INFO",
    ]


class Worker:
    """``celery -A config worker`` in a new process group, on a queue of its own."""

    def __init__(self, *, queue: str, env: dict, log_dir: Path, concurrency: int = 2, beat=False):
        self.queue = queue
        self.name = f"pipeline-{uuid.uuid4().hex[:8]}@%h"
        self.log_path = log_dir / f"worker-{uuid.uuid4().hex[:6]}.log"
        command = worker_command(queue=queue, name=self.name, concurrency=concurrency)
        if beat:
            command += ["--beat", "--schedule", str(log_dir / f"beat-{uuid.uuid4().hex[:6]}")]
        self._log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            command,
            cwd=REPO,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"The worker exited early:\n{self.log_tail()}")
            if b"ready." in self.log_path.read_bytes():
                return
            time.sleep(0.1)
        raise RuntimeError(f"The worker was not ready in {timeout} s:\n{self.log_tail()}")

    def pids(self) -> list[int]:
        """The main process and its pool processes."""
        pids = [self.process.pid]
        try:
            children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
            pids += [int(pid) for pid in children.read_text().split()]
        except OSError:
            pass
        return pids

    def rss_mb(self) -> float:
        """Resident memory of the worker and its pool processes, in MB."""
        total_kb = 0
        for pid in self.pids():
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total_kb += int(line.split()[1])
            except OSError:
                continue
        return round(total_kb / 1024, 1)

    def cpu_seconds(self, *, pool_only: bool = False) -> float:
        """CPU time (user and system) the worker and its pool processes have used (the
        pool processes only, with ``pool_only``)."""
        ticks = 0
        for pid in self.pids()[1:] if pool_only else self.pids():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
        return ticks / os.sysconf("SC_CLK_TCK")

    def kill9(self) -> None:
        """SIGKILL to the whole process group: no shutdown, no acknowledgement."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self._log.close()

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        if not self._log.closed:
            self._log.close()

    def log_tail(self, lines: int = 60) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


def worker_env(*, queue: str, smtp: SmtpSink, site_url: str, **extra) -> dict:
    """The environment of a worker that shares this test run's database and Redis."""
    database = connection.settings_dict
    user = database["USER"] or ""
    password = f":{database['PASSWORD']}" if database.get("PASSWORD") else ""
    address = f"{database['HOST']}:{database['PORT']}" if database["PORT"] else database["HOST"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"postgres://{user}{password}@{address}/{database['NAME']}",
        # As given, not as the settings moved it for an xdist worker: the worker process
        # inherits PYTEST_XDIST_WORKER and moves it the same way.
        "REDIS_URL": os.environ["REDIS_URL"],
        "CELERY_QUEUE": queue,
        "CONCORD_TEST_EMAIL_URL": smtp.url,
        "SITE_URL": site_url,
        "CERTIFICATES_ROOT": str(settings.CERTIFICATES_ROOT),
        "PYTHONUNBUFFERED": "1",
        # As in production: a worker keeps its database connection between tasks.
        "CONN_MAX_AGE": "60",
    }
    env.update({key: str(value) for key, value in extra.items()})
    return env


def drop_queue(queue: str) -> None:
    """Remove what a test's queue left in Redis: waiting and unacknowledged messages."""

    client = redis.Redis.from_url(settings.REDIS_URL)
    client.delete(queue)
    for tag, payload in client.hgetall("unacked").items():
        try:
            routing_key = json.loads(payload)[2]
        except (ValueError, IndexError):
            continue
        if routing_key == queue:
            client.hdel("unacked", tag)
            client.zrem("unacked_index", tag)


@dataclass
class Pipeline:
    """What the ``pipeline`` fixture runs: the worker, the sink and their queue."""

    worker: Worker
    sink: SmtpSink
    queue: str


@pytest.fixture
def pipeline(django_db_setup, tmp_path):
    """A real SMTP sink and a real Celery worker (concurrency 2) consuming a queue of its
    own, which the tasks queued during the test go to; afterwards the worker is stopped,
    the sink closed, the queue dropped and the default queue restored. The test commits
    what the worker must read (``django_db_blocker.unblock()``) and removes it itself."""
    queue = f"pipeline-{uuid.uuid4().hex[:8]}"
    previous_queue = celery_app.conf.task_default_queue
    celery_app.conf.task_default_queue = queue
    sink = SmtpSink().start()
    worker = None
    try:
        worker = Worker(
            queue=queue,
            env=worker_env(queue=queue, smtp=sink, site_url="http://testserver"),
            log_dir=tmp_path,
            concurrency=2,
        )
        worker.wait_ready()
        yield Pipeline(worker=worker, sink=sink, queue=queue)
    finally:
        if worker is not None:
            worker.stop()
        sink.stop()
        celery_app.conf.task_default_queue = previous_queue
        drop_queue(queue)
