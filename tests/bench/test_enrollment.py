"""Enrollment under load, through a real server, and the course page among many sessions.

``enroll_http``: 500 signed-in participants ask for one of 20 seats of an open session at
once, eight clients at a time, through gunicorn (4 sync workers) on the run's test
database: the whole stack, Redis publishing of the notice emails included. The data the
server reads is committed by a module fixture (outside any test's transaction) and
deleted at its end; the tasks the server queued are removed from the broker.

``enroll_cpu_ms``: the server's CPU time per enrollment in that run, read from /proc:
the gunicorn processes, the PostgreSQL backends of the run's database and the Redis
server (cache and broker) (target 4 ms). The server runs with production's cache, Redis,
and the candidates signed in through it (their sessions are there, as after a sign-in).
``enroll_lock_ms``: how long an enrollment holds its session's row lock, from the start
of the locking statement to the end of COMMIT, median of 200 enrollments in process.
``withdraw_http``: the same 500 people withdraw, in the order of the line, through the
same server: each withdrawal of a confirmed person promotes the next in line.

``decide_http``: coordinators confirm 500 requests of an approval session, a row's
button per POST, eight at a time, through the same kind of server; with its CPU per
decision.

``course_page_redis``: the course page with Redis as the cache, as in production.

``course_page_2000_sessions``: the course page, for an anonymous visitor, with 2,000
sessions in the database (about 20 upcoming on the course shown), in the test's own
transaction like the page benchmarks.
"""

from __future__ import annotations

import contextlib
import datetime
import gc
import http.client
import itertools
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import string
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from urllib.parse import quote

import pytest
import redis
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone

from cms.models import CoursePage
from cms.roles import COORDINATORS
from config.settings.base import redis_caches
from courses.enrollment.selectors import upcoming_sessions
from courses.enrollment.services import enroll
from courses.models import CourseSession, Enrollment, Notice
from participants.models import Organization, Participant
from tests.bench.harness import QUERY_BUDGET, _print_queries, emit, expect_page, measure, percentile
from tests.bench.test_pages import COURSE_SLUG
from tests.factories.courses import make_session
from tests.factories.users import make_user

CANDIDATES = 500
SEATS = 20
CLIENTS = 8
WORKERS = 4
WARMUP_USERS = 32  # enroll in a separate session first: connections, caches, imports
PREFIX = "bench-enroll-"
SERVER_START_TIMEOUT = 60
CONN_MAX_AGE = 60
SESSIONS_TOTAL = 2_000
SESSIONS_ON_COURSE = 20
ROOT = Path(__file__).resolve().parents[2]


# ---------------------------------------------------------------------------------------
# Committed data for the server: a session, its candidates, their signed-in sessions.


@dataclass
class EnrollmentRun:
    session: CourseSession
    warmup_session: CourseSession
    cookies: list[str]  # session keys of the candidates, in order
    warmup_cookies: list[str]
    users: list


def _organization():
    return (
        Organization.objects.filter(acronym="DPPA").first()
        or Organization.objects.order_by("pk").first()
    )


def _in_redis():
    """Production's cache, Redis (the run's), in this process: what the server uses."""
    return override_settings(CACHES=redis_caches(settings.REDIS_URL))


def _signed_in(users) -> list[str]:
    """A session per user, as ``django.contrib.auth.login`` stores it (database, and the
    server's cache: Redis)."""
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    backend = settings.AUTHENTICATION_BACKENDS[0]
    keys = []
    with _in_redis():
        for user in users:
            store = store_class()
            store[SESSION_KEY] = user._meta.pk.value_to_string(user)
            store[BACKEND_SESSION_KEY] = backend
            store[HASH_SESSION_KEY] = user.get_session_auth_hash()
            store.create()
            keys.append(store.session_key)
    return keys


def _make_candidates(tag: str, n: int, organization) -> list:
    user_model = get_user_model()
    password = make_password(None)
    users = user_model.objects.bulk_create(
        user_model(
            username=f"{PREFIX}{tag}-{i:04d}",
            email=f"{PREFIX}{tag}-{i:04d}@example.org",
            password=password,
        )
        for i in range(n)
    )
    Participant.objects.bulk_create(
        Participant(
            user=user,
            organization=organization,
            job_title="Political affairs officer",
            duty_station="KE",
        )
        for user in users
    )
    return users


def _cleanup(session_ids, session_keys) -> None:
    Enrollment.objects.filter(session_id__in=session_ids).delete()  # notices cascade
    CourseSession.objects.filter(pk__in=session_ids).delete()
    Session.objects.filter(session_key__in=session_keys).delete()
    with _in_redis():
        prefix = import_module(settings.SESSION_ENGINE).SessionStore.cache_key_prefix
        cache.delete_many([prefix + key for key in session_keys])
    user_model = get_user_model()
    users = user_model.objects.filter(username__startswith=PREFIX)
    Participant.objects.filter(user__in=users).delete()
    users.delete()


@pytest.fixture(scope="module")
def enrollment_run(bench_catalogue, django_db_blocker):
    """Committed (the server reads it from another process), deleted at the module's end."""
    with django_db_blocker.unblock():
        # A generated course: the written ones are measured by the page benchmarks.
        course = (
            CoursePage.objects.live()
            .child_of(bench_catalogue.catalog)
            .exclude(slug=COURSE_SLUG)
            .order_by("-pk")
            .first()
        )
        organization = _organization()
        session = make_session(course, capacity=SEATS, code=f"{PREFIX}session")
        warmup = make_session(course, capacity=WARMUP_USERS * 2, code=f"{PREFIX}warmup")
        users = _make_candidates("c", CANDIDATES, organization)
        warmup_users = _make_candidates("w", WARMUP_USERS, organization)
        run = EnrollmentRun(
            session=session,
            warmup_session=warmup,
            cookies=_signed_in(users),
            warmup_cookies=_signed_in(warmup_users),
            users=users,
        )
    try:
        yield run
    finally:
        with django_db_blocker.unblock():
            _cleanup([session.pk, warmup.pk], run.cookies + run.warmup_cookies)


# ---------------------------------------------------------------------------------------
# The server.


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _database_url() -> str:
    """The URL of the database this run uses (pytest-django's ``test_…`` one)."""
    db = connection.settings_dict
    auth = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        auth += ":" + quote(db["PASSWORD"], safe="")
    host = db["HOST"] or "127.0.0.1"
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{auth}@{host}{port}/{db['NAME']}"


def _gunicorn() -> str:
    local = Path(sys.executable).with_name("gunicorn")
    return str(local) if local.exists() else (shutil.which("gunicorn") or "gunicorn")


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    log: Path
    log_text: str | None = None  # kept once the server is gone and its log deleted

    def worker_pids(self) -> set[int]:
        text = self.log_text
        if text is None:
            text = self.log.read_text(errors="replace") if self.log.exists() else ""
        pids = {int(pid) for pid in re.findall(r"Booting worker with pid: (\d+)", text)}
        return pids | {self.process.pid}


@contextlib.contextmanager
def gunicorn_server(database_url: str):
    port = _free_port()
    log_dir = Path(tempfile.mkdtemp(prefix="concord-bench-"))
    log = log_dir / "gunicorn.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "TEST_REDIS_CACHE": "1",  # production's cache, Redis
        "DATABASE_URL": database_url,
        # Persistent connections, as in production (base settings: 60 s); the test
        # settings default to a connection per request, and a cold PostgreSQL backend
        # per request would be what this measures.
        "CONN_MAX_AGE": str(CONN_MAX_AGE),
        "PYTHONUNBUFFERED": "1",
    }
    command = [
        _gunicorn(),
        "config.wsgi:application",
        "--workers",
        str(WORKERS),
        "--bind",
        f"127.0.0.1:{port}",
        "--preload",  # Django is set up once, before the fork; no connection is open then
        "--log-level",
        "info",
    ]
    with log.open("wb") as log_file:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT
        )
    server = Server(process=process, port=port, log=log)
    try:
        _wait_until_up(server)
        yield server
    except BaseException:
        sys.stderr.write(f"# gunicorn log:\n{log.read_text(errors='replace')[-4000:]}\n")
        raise
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        server.log_text = log.read_text(errors="replace") if log.exists() else ""
        shutil.rmtree(log_dir, ignore_errors=True)


def _wait_until_up(server: Server) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.process.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
            conn.request("GET", "/healthz/")
            status = conn.getresponse().status
            conn.close()
            # Every worker logs its boot before it accepts: wait for all of them.
            if status == 200 and len(server.worker_pids()) > WORKERS:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"gunicorn did not answer within {SERVER_START_TIMEOUT}s")


# ---------------------------------------------------------------------------------------
# The clients.


@dataclass
class Outcome:
    latencies_ms: list[float]
    errors: list[str]
    wall_s: float


def _post_all(
    port: int,
    path,
    session_keys: list[str],
    clients: int,
    *,
    bodies: list[str] | None = None,
    expected: str | None = None,
) -> Outcome:
    """POST ``path`` once per session key, from ``clients`` threads; no redirect followed.

    ``path``: one path for every key, or a list of paths, one per key; ``bodies``: the
    form each POST sends (none by default); ``expected``: where each answer must
    redirect (the participant's learning page by default)."""
    paths = path if isinstance(path, list) else [path] * len(session_keys)
    bodies = bodies or [""] * len(session_keys)
    csrf = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(clients + 1)
    expected = expected or reverse("my_learning")

    def client(work):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine, failed = [], []
        barrier.wait()
        for key, path, body in work:
            headers = {
                "Cookie": f"{settings.SESSION_COOKIE_NAME}={key}; "
                f"{settings.CSRF_COOKIE_NAME}={csrf}",
                "X-CSRFToken": csrf,
                "Content-Type": "application/x-www-form-urlencoded",
                "Content-Length": str(len(body)),
            }
            start = time.perf_counter()
            try:
                conn.request("POST", path, body=body.encode(), headers=headers)
                response = conn.getresponse()
                body = response.read()
            except (OSError, http.client.HTTPException) as error:
                conn.close()  # the next request opens a new connection
                failed.append(f"{type(error).__name__}: {error}")
                continue
            mine.append((time.perf_counter() - start) * 1000)
            location = response.getheader("Location", "")
            if response.status != 302 or location != expected:
                failed.append(f"{response.status} {location!r} {body[:200]!r}")
            # gunicorn's sync workers close every connection: http.client reconnects.
        conn.close()
        with lock:
            latencies.extend(mine)
            errors.extend(failed)

    threads = [
        threading.Thread(
            target=client,
            args=(list(zip(session_keys, paths, bodies, strict=True))[i::clients],),
            daemon=True,
        )
        for i in range(clients)
    ]
    # The clients share this process with every benchmark run before this one: its heap
    # is theirs too. Left on, the collector walks it in the middle of the run and the
    # clients stall (the server then waits for work); frozen and off, they only send.
    gc.collect()
    gc.freeze()
    gc.disable()
    try:
        for thread in threads:
            thread.start()
        barrier.wait()
        start = time.perf_counter()
        for thread in threads:
            thread.join()
    finally:
        gc.enable()
        gc.unfreeze()
    return Outcome(latencies, errors, time.perf_counter() - start)


# ---------------------------------------------------------------------------------------
# The broker.


def _broker():
    return redis.Redis.from_url(settings.CELERY_BROKER_URL, socket_timeout=5)


def _drop_queued_tasks(pids: set[int]) -> int:
    """Remove from the default queue the tasks these processes published; return how many."""
    client = _broker()
    origins = {f"gen{pid}@" for pid in pids}
    dropped = 0
    for raw in client.lrange("celery", 0, -1):
        try:
            origin = json.loads(raw)["headers"].get("origin") or ""
        except (ValueError, KeyError, TypeError, AttributeError):
            continue
        if any(origin.startswith(prefix) for prefix in origins):
            dropped += client.lrem("celery", 1, raw)
    return dropped


# ---------------------------------------------------------------------------------------
# One request's SQL, in process.


def _enroll_queries(run: EnrollmentRun, django_db_blocker) -> tuple[list, list]:
    """The SQL of enroll_view for a seat and for the waitlist, rolled back afterwards.

    As in the server, the cache is Redis: the session is read from there, and the site
    is cached first, as in a warm server. Here the view's transaction is a savepoint of
    the rolled-back one, and the notice is not published (on_commit never fires).
    """
    captured, keys = [], []
    with django_db_blocker.unblock(), _in_redis(), transaction.atomic():
        session = make_session(run.session.course, capacity=1, code=f"{PREFIX}sql")
        users = _make_candidates("sql", 2, _organization())
        path = reverse("enroll", args=[session.code])
        for user in users:
            client = Client()
            client.force_login(user, backend=settings.AUTHENTICATION_BACKENDS[0])
            client.get(reverse("my_learning"))  # the site, as a warm server has it cached
            keys.append(client.session.session_key)
            with CaptureQueriesContext(connection) as queries:
                response = client.post(path)
            assert response.status_code == 302, response.status_code
            captured.append(queries.captured_queries)
        statuses = list(
            Enrollment.objects.filter(session=session)
            .order_by("pk")
            .values_list("status", flat=True)
        )
        assert statuses == ["confirmed", "waitlisted"], statuses
        transaction.set_rollback(True)
        prefix = import_module(settings.SESSION_ENGINE).SessionStore.cache_key_prefix
        cache.delete_many([prefix + key for key in keys])  # Redis is not rolled back
    return captured[0], captured[1]


# ---------------------------------------------------------------------------------------
# CPU time, from /proc.

TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")


def _cpu_ms(pid: int) -> float:
    """User + system CPU time of ``pid`` so far (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) * TICK_MS  # utime, stime


def _backends() -> set[int]:
    """The PostgreSQL backends of this database, but this process's own."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
        )
        return {pid for (pid,) in cursor.fetchall()}


def _redis_pid() -> int | None:
    """The pid of the run's Redis server when it runs on this machine (the benchmarks'
    own: ``config.services``), else None."""
    pid = int(_broker().info("server")["process_id"])
    try:
        name = Path(f"/proc/{pid}/comm").read_text()
    except OSError:
        return None
    return pid if name.startswith("redis") else None


@dataclass
class CpuSnapshot:
    gunicorn: dict[int, float]
    postgres: dict[int, float]
    redis: float


def _cpu_snapshot(server: Server, django_db_blocker) -> CpuSnapshot:
    with django_db_blocker.unblock():
        backends = _backends()
    redis_pid = _redis_pid()
    return CpuSnapshot(
        gunicorn={pid: _cpu_ms(pid) for pid in server.worker_pids()},
        postgres={pid: _cpu_ms(pid) for pid in backends},
        redis=_cpu_ms(redis_pid) if redis_pid else 0.0,
    )


def _cpu_spent(before: CpuSnapshot, after: CpuSnapshot) -> tuple[float, float, float]:
    """CPU ms spent between two snapshots by gunicorn, by PostgreSQL and by Redis; a
    backend that was not there before counts from zero."""
    gunicorn = sum(ms - before.gunicorn.get(pid, 0.0) for pid, ms in after.gunicorn.items())
    postgres = sum(ms - before.postgres.get(pid, 0.0) for pid, ms in after.postgres.items())
    return gunicorn, postgres, after.redis - before.redis


# ---------------------------------------------------------------------------------------
# The benchmarks.


# The mark makes pytest-django create the test database even when this benchmark runs
# alone (it creates only the databases the selected tests ask for).
@pytest.mark.django_db
def test_enroll_http(enrollment_run, django_db_blocker):
    run = enrollment_run
    with django_db_blocker.unblock():
        database_url = _database_url()
        confirmed_sql, waitlisted_sql = _enroll_queries(run, django_db_blocker)
    for name, queries in (("enroll (seat)", confirmed_sql), ("enroll (waitlist)", waitlisted_sql)):
        if len(queries) >= QUERY_BUDGET or os.environ.get("BENCH_SQL"):
            _print_queries(name, queries)
    try:
        _broker().ping()
    except Exception as error:
        pytest.fail(f"Redis ({settings.CELERY_BROKER_URL}) is not reachable: {error}")

    started: list[Server] = []
    try:
        with gunicorn_server(database_url) as server:
            started.append(server)
            warm = _post_all(
                server.port,
                reverse("enroll", args=[run.warmup_session.code]),
                run.warmup_cookies,
                CLIENTS,
            )
            assert not warm.errors, warm.errors[:5]
            if not _cpu_ms(server.process.pid):
                pytest.fail("/proc/<pid>/stat is not readable: CPU time cannot be measured")
            cpu_before = _cpu_snapshot(server, django_db_blocker)
            outcome = _post_all(
                server.port,
                reverse("enroll", args=[run.session.code]),
                run.cookies,
                CLIENTS,
            )
            cpu_after = _cpu_snapshot(server, django_db_blocker)
            with django_db_blocker.unblock():
                counts = dict(
                    Enrollment.objects.filter(session=run.session)
                    .values_list("status")
                    .annotate(n=Count("pk"))
                )
                # In the order of the line: confirmed first, then the waitlist.
                line = dict(
                    Enrollment.objects.filter(session=run.session)
                    .order_by("decided_at", "waitlisted_at", "pk")
                    .values_list("participant_id", "pk")
                )
            by_user = dict(zip([u.pk for u in run.users], run.cookies, strict=True))
            withdraw_keys = [by_user[user_id] for user_id in line]
            withdraw_paths = [reverse("withdraw", args=[pk]) for pk in line.values()]
            cpu_before_withdraw = _cpu_snapshot(server, django_db_blocker)
            withdrawals = _post_all(server.port, withdraw_paths, withdraw_keys, CLIENTS)
            cpu_after_withdraw = _cpu_snapshot(server, django_db_blocker)
    finally:
        # Nobody consumes the test broker: take back what this server queued.
        dropped = _drop_queued_tasks(started[0].worker_pids()) if started else 0

    with django_db_blocker.unblock():
        after_withdrawals = dict(
            Enrollment.objects.filter(session=run.session)
            .values_list("status")
            .annotate(n=Count("pk"))
        )
        promoted = Notice.objects.filter(
            enrollment__session=run.session, kind=Notice.Kind.PROMOTED
        ).count()
    confirmed = counts.get(Enrollment.Status.CONFIRMED, 0)
    waitlisted = counts.get(Enrollment.Status.WAITLISTED, 0)
    gunicorn_ms, postgres_ms, redis_ms = _cpu_spent(cpu_before, cpu_after)
    emit(
        "enroll_cpu_ms",
        per_enrollment=round((gunicorn_ms + postgres_ms + redis_ms) / CANDIDATES, 2),
        gunicorn=round(gunicorn_ms / CANDIDATES, 2),
        postgres=round(postgres_ms / CANDIDATES, 2),
        redis=round(redis_ms / CANDIDATES, 2),
        target=4,
    )
    gunicorn_ms, postgres_ms, redis_ms = _cpu_spent(cpu_before_withdraw, cpu_after_withdraw)
    emit(
        "withdraw_http",
        per_s=round(CANDIDATES / withdrawals.wall_s, 1),
        promoted=promoted,
        withdrawn=after_withdrawals.get(Enrollment.Status.WITHDRAWN, 0),
        errors=len(withdrawals.errors),
        median_ms=round(statistics.median(withdrawals.latencies_ms), 1),
        p95_ms=round(percentile(withdrawals.latencies_ms, 95), 1),
        cpu_ms=round((gunicorn_ms + postgres_ms + redis_ms) / CANDIDATES, 2),
    )
    for error in withdrawals.errors[:5]:
        print(f"# withdraw_http error: {error}", file=sys.stderr)
    emit(
        "enroll_http",
        per_s=round(CANDIDATES / outcome.wall_s, 1),
        confirmed=confirmed,
        waitlisted=waitlisted,
        errors=len(outcome.errors),
        median_ms=round(statistics.median(outcome.latencies_ms), 1),
        p95_ms=round(percentile(outcome.latencies_ms, 95), 1),
        queries_seat=len(confirmed_sql),
        queries_waitlist=len(waitlisted_sql),
        workers=WORKERS,
        clients=CLIENTS,
        tasks_queued=dropped,
    )
    for error in outcome.errors[:5]:
        print(f"# enroll_http error: {error}", file=sys.stderr)
    assert not outcome.errors, outcome.errors[:5]
    assert (confirmed, waitlisted) == (SEATS, CANDIDATES - SEATS), counts
    assert not withdrawals.errors, withdrawals.errors[:5]
    assert after_withdrawals == {Enrollment.Status.WITHDRAWN: CANDIDATES}, after_withdrawals
    assert promoted > 0
    # Every enrollment and withdrawal, and every promotion, queued its email.
    assert dropped == 2 * CANDIDATES + promoted + WARMUP_USERS, dropped


class LockTimer:
    """Times each enrollment's hold on the session row: from the start of the statement
    that locks it to the end of COMMIT. Outside a transaction (as in a request) the
    statement is its own transaction: it returns once committed; inside one, an
    on_commit hook runs right after COMMIT."""

    def __init__(self):
        self.started = None
        self.held_ms: list[float] = []

    def __call__(self, execute, sql, params, many, context):
        if "concord_enroll" not in sql:
            return execute(sql, params, many, context)
        if not connection.in_atomic_block:
            started = time.perf_counter()
            result = execute(sql, params, many, context)
            self.held_ms.append((time.perf_counter() - started) * 1000)
            return result
        if self.started is None:
            self.started = time.perf_counter()
            transaction.on_commit(self.committed)
        return execute(sql, params, many, context)

    def committed(self):
        self.held_ms.append((time.perf_counter() - self.started) * 1000)
        self.started = None


# No django_db mark: the enrollments must really commit (the lock is held until COMMIT),
# on the data the module fixture committed.
def test_enroll_lock_ms(enrollment_run, django_db_blocker):
    """Uncontended, in process: what each enrollment makes every other one wait."""
    count = 200
    with django_db_blocker.unblock():
        session = make_session(enrollment_run.session.course, capacity=SEATS, code=f"{PREFIX}lock")
        users = list(
            get_user_model()
            .objects.filter(username__startswith=f"{PREFIX}c-")
            .order_by("pk")[:count]
        )
        timer = LockTimer()
        try:
            with connection.execute_wrapper(timer):
                for user in users:
                    enroll(participant=user, session=session)
            statuses = dict(
                Enrollment.objects.filter(session=session)
                .values_list("status")
                .annotate(n=Count("pk"))
            )
        finally:
            Enrollment.objects.filter(session=session).delete()
            session.delete()
            _drop_queued_tasks({os.getpid()})
    assert statuses == {"confirmed": SEATS, "waitlisted": count - SEATS}, statuses
    assert len(timer.held_ms) == count
    emit(
        "enroll_lock_ms",
        median_ms=round(statistics.median(timer.held_ms), 2),
        p95_ms=round(percentile(timer.held_ms, 95), 2),
        enrollments=count,
        target=2,
    )


@dataclass
class DecideRun:
    session: CourseSession
    requests: list  # the requested enrollments, in the order of the queue
    keys: list[str]  # session keys of the coordinators, one per client


@pytest.fixture(scope="module")
def decide_run(enrollment_run, django_db_blocker):
    """An approval session with the 500 candidates' requests and one signed-in
    coordinator per client; committed (the server reads it), deleted at the end."""
    with django_db_blocker.unblock():
        coordinators = [make_user(f"{PREFIX}coordinator-{i}", COORDINATORS) for i in range(CLIENTS)]
        session = make_session(
            enrollment_run.session.course,
            capacity=CANDIDATES,
            policy=CourseSession.Policy.APPROVAL,
            code=f"{PREFIX}decide",
            coordinators=coordinators,
        )
        now = timezone.now()
        organization = _organization()
        requests = Enrollment.objects.bulk_create(
            Enrollment(
                session=session,
                participant=user,
                organization=organization,
                status=Enrollment.Status.REQUESTED,
                requested_at=now - datetime.timedelta(minutes=CANDIDATES - i),
            )
            for i, user in enumerate(enrollment_run.users)
        )
        run = DecideRun(session=session, requests=requests, keys=_signed_in(coordinators))
    try:
        yield run
    finally:
        with django_db_blocker.unblock():
            Enrollment.objects.filter(session=session).delete()  # notices cascade
            session.delete()
            Session.objects.filter(session_key__in=run.keys).delete()
            get_user_model().objects.filter(pk__in=[user.pk for user in coordinators]).delete()


@pytest.mark.django_db
def test_decide_http(decide_run, django_db_blocker):
    """Coordinators confirm 500 requests of an approval session, one row's button per POST,
    eight at a time, through the same kind of server: every decision locks the session,
    checks the seat, confirms, records the notice and the history entry."""
    run = decide_run
    session = run.session
    with django_db_blocker.unblock():
        database_url = _database_url()
    path = reverse("course_review:decide", args=[session.pk])
    expected = reverse("course_review:review", args=[session.pk])
    # Client i posts as coordinator i (_post_all deals the work out round-robin).
    keys = [run.keys[i % CLIENTS] for i in range(CANDIDATES)]
    bodies = [f"row={enrollment.pk}:confirmed" for enrollment in run.requests]
    started: list[Server] = []
    try:
        with gunicorn_server(database_url) as server:
            started.append(server)
            warm = _post_all(
                server.port,
                path,
                keys[:CLIENTS],
                CLIENTS,
                bodies=bodies[:CLIENTS],
                expected=expected,
            )
            assert not warm.errors, warm.errors[:5]
            cpu_before = _cpu_snapshot(server, django_db_blocker)
            outcome = _post_all(
                server.port,
                path,
                keys[CLIENTS:],
                CLIENTS,
                bodies=bodies[CLIENTS:],
                expected=expected,
            )
            cpu_after = _cpu_snapshot(server, django_db_blocker)
    finally:
        dropped = _drop_queued_tasks(started[0].worker_pids()) if started else 0
    with django_db_blocker.unblock():
        statuses = dict(
            Enrollment.objects.filter(session=session).values_list("status").annotate(n=Count("pk"))
        )
        notices = Notice.objects.filter(
            enrollment__session=session, kind=Notice.Kind.CONFIRMED
        ).count()
    decided = CANDIDATES - CLIENTS
    gunicorn_ms, postgres_ms, redis_ms = _cpu_spent(cpu_before, cpu_after)
    emit(
        "decide_http",
        per_s=round(decided / outcome.wall_s, 1),
        confirmed=statuses.get(Enrollment.Status.CONFIRMED, 0),
        errors=len(outcome.errors),
        median_ms=round(statistics.median(outcome.latencies_ms), 1),
        p95_ms=round(percentile(outcome.latencies_ms, 95), 1),
        cpu_ms=round((gunicorn_ms + postgres_ms + redis_ms) / decided, 2),
        gunicorn=round(gunicorn_ms / decided, 2),
        postgres=round(postgres_ms / decided, 2),
        redis=round(redis_ms / decided, 2),
    )
    for error in outcome.errors[:5]:
        print(f"# decide_http error: {error}", file=sys.stderr)
    assert not outcome.errors, outcome.errors[:5]
    assert statuses == {Enrollment.Status.CONFIRMED: CANDIDATES}, statuses
    assert notices == CANDIDATES
    assert dropped == CANDIDATES  # every confirmation queued its email


@pytest.fixture
def redis_cache(settings):
    """The cache of production (config.cache.ResilientRedisCache) on the test Redis."""
    settings.CACHES = redis_caches(settings.REDIS_URL)
    # As in production: the site's in-process copy trusts the content version a second.
    settings.CMS_LOCAL_CACHE_SECONDS = 1.0
    cache.clear()
    yield cache
    cache.clear()


def test_course_page_redis(client, bench_site, redis_cache):
    course = CoursePage.objects.live().child_of(bench_site.catalog).get(slug=COURSE_SLUG)
    measure("course_page_redis", lambda: client.get(course.url), check=expect_page(course.title))


def _sessions(course_ids, measured_id):
    """2,000 sessions: 20 upcoming on the measured course, 10 past ones on it, the rest
    spread over the other courses, a quarter of them over already."""
    now = timezone.now()
    today = timezone.localdate(now)
    others = itertools.cycle([pk for pk in course_ids if pk != measured_id])
    cities = itertools.cycle([("Nairobi", "KE"), ("Addis Ababa", "ET"), ("Dakar", "SN")])
    languages = itertools.cycle(["en", "fr"])
    rows = []
    for i in range(SESSIONS_TOTAL):
        if i < SESSIONS_ON_COURSE:
            course_id, past = measured_id, False
        elif i < SESSIONS_ON_COURSE + 10:
            course_id, past = measured_id, True
        else:
            course_id, past = next(others), i % 4 == 0
        starts_on = today + datetime.timedelta(days=(-200 if past else 10) + i % 150)
        online = i % 5 == 0
        city, country = ("", "") if online else next(cities)
        rows.append(
            CourseSession(
                course_id=course_id,
                code=f"bench-page-{i:04d}",
                starts_on=starts_on,
                ends_on=starts_on + datetime.timedelta(days=4),
                is_online=online,
                city=city,
                country=country,
                language=next(languages),
                capacity=20 + i % 30,
                enrollment_opens_at=now - datetime.timedelta(days=30),
                enrollment_closes_at=now + datetime.timedelta(days=5 + i % 20),
                policy=CourseSession.Policy.OPEN,
                status=CourseSession.Status.COMPLETED if past else CourseSession.Status.OPEN,
            )
        )
    return rows


def test_course_page_2000_sessions(client, bench_site):
    catalog = bench_site.catalog
    courses = CoursePage.objects.live().child_of(catalog)
    course = courses.get(slug=COURSE_SLUG)
    course_ids = list(courses.values_list("pk", flat=True))
    CourseSession.objects.bulk_create(_sessions(course_ids, course.pk), batch_size=500)
    assert CourseSession.objects.count() >= SESSIONS_TOTAL
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE courses_coursesession")
    rows = len(upcoming_sessions(user=AnonymousUser(), course=course))
    assert rows >= SESSIONS_ON_COURSE

    page_check = expect_page(course.title)

    def check(response):
        page_check(response)
        shown = response.content.decode().count('class="session-item"')
        assert shown == rows, f"{shown} sessions listed, not {rows}"

    measure("course_page_2000_sessions", lambda: client.get(course.url), check=check)
