"""Several nodes of Concord on one host, as production runs them (production settings):
gunicorn web processes, Celery workers and one beat, each in its own process group (so
that ``kill -9`` takes one down whole, as a lost machine would), over one PostgreSQL, one
Redis and an S3-compatible server (moto's, in a thread)."""

from __future__ import annotations

import http.client
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.support.pipeline_harness import REPO, free_port, worker_command


def gunicorn() -> str:
    local = Path(sys.executable).with_name("gunicorn")
    return str(local)


class Node:
    """One process group: started now, ready when ``ready()`` says so."""

    def __init__(self, name: str, command: list[str], *, env: dict, log_dir: Path):
        self.name = name
        self.log_path = log_dir / f"{name}.log"
        self._log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            command,
            cwd=REPO,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def log_tail(self, lines: int = 40) -> str:
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return f"--- {self.name}\n" + "\n".join(text.splitlines()[-lines:])

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill9(self) -> None:
        """SIGKILL to the whole process group: no shutdown, nothing acknowledged."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.alive():
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        if not self._log.closed:
            self._log.close()

    def ready(self) -> bool:
        raise NotImplementedError


class Web(Node):
    def __init__(self, name: str, *, env: dict, log_dir: Path, workers: int = 2):
        self.port = free_port()
        self.workers = workers
        super().__init__(
            name,
            [
                gunicorn(),
                "config.wsgi:application",
                "--preload",
                "--workers",
                str(workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--timeout",
                "60",
            ],
            env=env,
            log_dir=log_dir,
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def ready(self) -> bool:
        booted = self.log_path.read_bytes().count(b"Booting worker with pid")
        if booted < self.workers:
            return False
        try:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
            conn.request("GET", "/healthz/")
            status = conn.getresponse().status
            conn.close()
        except OSError:
            return False
        return status == 200


class CeleryWorker(Node):
    def __init__(self, name: str, *, queue: str, env: dict, log_dir: Path, concurrency=2):
        super().__init__(
            name,
            worker_command(
                queue=queue, name=f"{name}-{secrets.token_hex(3)}@%h", concurrency=concurrency
            ),
            env=env,
            log_dir=log_dir,
        )

    def ready(self) -> bool:
        return b"ready." in self.log_path.read_bytes()


class Beat(Node):
    def __init__(self, name: str, *, env: dict, log_dir: Path):
        super().__init__(
            name,
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "beat",
                "--loglevel",
                "INFO",
                "--schedule",
                str(log_dir / "celerybeat-schedule"),
            ],
            env=env,
            log_dir=log_dir,
        )

    def ready(self) -> bool:
        return b"beat: Starting..." in self.log_path.read_bytes()


def wait_ready(nodes: list[Node], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    waiting = list(nodes)
    while waiting and time.monotonic() < deadline:
        for node in list(waiting):
            if not node.alive():
                raise RuntimeError(f"{node.name} exited early:\n{node.log_tail()}")
            if node.ready():
                waiting.remove(node)
        time.sleep(0.2)
    if waiting:
        tails = "\n".join(node.log_tail() for node in waiting)
        raise RuntimeError(f"not ready in {timeout} s:\n{tails}")
