"""Concord on several nodes, on one host (`make scale-test`): two gunicorn web processes on
different ports behind a round-robin proxy, two Celery workers and one beat, all with the
production settings, over one PostgreSQL, one Redis and an S3-compatible server (moto).

One test, in three acts over the same cluster (starting it is most of the time):
- 500 enrollments race through the proxy into 20 seats;
- a change published through one web process shows on the other at once;
- 200 certificates are issued, and one web process and one worker are killed with
  ``kill -9`` mid-batch: everyone gets theirs, downloadable from the other web process,
  with a QR code that verifies.
"""

from __future__ import annotations

import collections
import http.client
import os
import secrets
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from dataclasses import dataclass
from email.parser import BytesParser
from email.policy import default as email_policy
from pathlib import Path

import boto3
import pytest
import redis
from django.conf import settings
from django.db import connection
from django.urls import reverse

from cms.demo import seed_site
from cms.models import ThematicArea
from config.celery import app as celery_app
from courses.certificates.credentials import ensure_signing_key
from courses.certificates.services import issue_certificates
from courses.models import Certificate, Enrollment
from tests.bench.test_enrollment import _make_candidates, _organization, _post_all, _signed_in
from tests.factories.certificate_pdf import qr_codes
from tests.factories.certificates import make_completers
from tests.factories.courses import make_session
from tests.factories.pages import make_course
from tests.factories.users import make_coordinator, make_user
from tests.support.cluster import Beat, CeleryWorker, Web, wait_ready
from tests.support.pipeline_harness import REPO, SmtpSink, drop_queue, free_port
from tests.support.round_robin import RoundRobinProxy

CANDIDATES = 500
SEATS = 20
CLIENTS = 8
CERTIFICATES = 200
KILL_AFTER = 50  # certificates emailed before one web process and one worker are killed
WORKER_CONCURRENCY = 2
BUCKET = "concord-files"

# Committed by the test itself (other processes read it); flushed afterwards, and what the
# migrations made put back (tests/conftest.py).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@dataclass
class Cluster:
    web_a: Web
    web_b: Web
    worker_1: CeleryWorker
    worker_2: CeleryWorker
    beat: Beat
    proxy: RoundRobinProxy
    sink: SmtpSink
    s3: boto3.client
    queue: str
    files: Path  # the local folders a node would use without object storage

    @property
    def nodes(self):
        return [self.web_a, self.web_b, self.worker_1, self.worker_2, self.beat]


def database_url() -> str:
    db = connection.settings_dict
    auth = urllib.parse.quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        auth += ":" + urllib.parse.quote(db["PASSWORD"], safe="")
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}{port}/{db['NAME']}"


def production_env(*, queue, proxy_port, smtp, s3_url, files: Path) -> dict:
    """What every node gets: the production settings, the shared services, and nothing
    of this process's own (no test settings, no folder of the suite's)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CONCORD_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        # The key the sessions this test signs in were made with.
        SECRET_KEY=settings.SECRET_KEY,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL=f"http://127.0.0.1:{proxy_port}",
        # Plain HTTP here: no TLS-terminating proxy in front.
        SECURE_SSL_REDIRECT="False",
        TRUSTED_PROXY_COUNT="0",
        DATABASE_URL=database_url(),
        REDIS_URL=settings.REDIS_URL,
        EMAIL_URL=smtp.url,
        CELERY_QUEUE=queue,
        CONN_MAX_AGE="60",
        LOG_FORMAT="text",
        # The files every node shares: the object store.
        STORAGE_URL=f"s3://{BUCKET}?endpoint_url={s3_url}&region_name=us-east-1",
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        # Without object storage these folders would be used: they must stay empty.
        MEDIA_ROOT=str(files / "media"),
        CERTIFICATES_ROOT=str(files / "certificates"),
        MESSAGES_ROOT=str(files / "messages"),
        APPLICATIONS_ROOT=str(files / "applications"),
        PERSONAL_DATA_ROOT=str(files / "personal-data"),
        CREDENTIALS_KEY_DIR=str(files.parent / "credentials"),
        # The sweep steps in within the test's patience; 200 verifications from one address.
        CERTIFICATE_STUCK_AFTER="5",
        CERTIFICATE_SWEEP_EVERY="1",
        CERTIFICATE_VERIFY_LIMIT="10000",
        PYTHONUNBUFFERED="1",
    )
    return env


@pytest.fixture
def cluster(tmp_path, s3_server):
    # The nodes' cache is this Redis database (production settings): what an earlier run
    # cached under a content version of its own database must not be served to this one.
    redis.Redis.from_url(settings.REDIS_URL).flushdb()
    queue = f"scale-{uuid.uuid4().hex[:8]}"
    previous_queue = celery_app.conf.task_default_queue
    celery_app.conf.task_default_queue = queue  # what this process queues goes there too
    s3_url = s3_server  # moto's S3 server (tests/conftest.py)
    s3 = boto3.client(
        "s3",
        endpoint_url=s3_url,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    s3.create_bucket(Bucket=BUCKET)
    sink = SmtpSink().start()
    files = tmp_path / "files"
    proxy_port = free_port()
    env = production_env(queue=queue, proxy_port=proxy_port, smtp=sink, s3_url=s3_url, files=files)
    # The signing key, made once before the nodes start (the `migrate` service's job).
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(settings, "CREDENTIALS_KEY_DIR", env["CREDENTIALS_KEY_DIR"])
        ensure_signing_key()
    logs = tmp_path / "logs"
    logs.mkdir()
    nodes = []
    proxy = None
    try:
        # The workers and beat start while the static files are collected: only web
        # serves them.
        nodes = [
            CeleryWorker("worker-1", queue=queue, env=env, log_dir=logs),
            CeleryWorker("worker-2", queue=queue, env=env, log_dir=logs),
            Beat("beat", env=env, log_dir=logs),
        ]
        # What the image's build does: the production settings serve hashed static names.
        collected = subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert collected.returncode == 0, collected.stderr
        nodes += [Web("web-a", env=env, log_dir=logs), Web("web-b", env=env, log_dir=logs)]
        wait_ready(nodes, timeout=180)
        worker_1, worker_2, beat, web_a, web_b = nodes
        proxy = RoundRobinProxy(
            [("127.0.0.1", web_a.port), ("127.0.0.1", web_b.port)], port=proxy_port
        ).start()
        yield Cluster(web_a, web_b, worker_1, worker_2, beat, proxy, sink, s3, queue, files)
    finally:
        for node in nodes:
            node.stop()
            print(node.log_tail())  # shown when the test failed
        if proxy is not None:
            proxy.stop()
        sink.stop()
        celery_app.conf.task_default_queue = previous_queue
        drop_queue(queue)


def request(base: str, method: str, path: str, *, session_key=None, body=b"", headers=None):
    """One request, no redirect followed: (status, headers, body)."""
    parts = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    csrf = secrets.token_hex(16)
    all_headers = {"X-CSRFToken": csrf, **(headers or {})}
    cookies = [f"{settings.CSRF_COOKIE_NAME}={csrf}"]
    if session_key:
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={session_key}")
    all_headers["Cookie"] = "; ".join(cookies)
    if method == "POST":
        all_headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
    try:
        conn.request(method, path, body=body, headers=all_headers)
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def wait_until(predicate, timeout: float, step: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


def race_for_seats(cluster: Cluster, catalog):
    course = make_course(catalog, title="Scale-out: seats")
    session = make_session(course, capacity=SEATS, code="scale-seats")
    users = _make_candidates("scale", CANDIDATES, _organization())
    cookies = _signed_in(users)

    outcome = _post_all(
        cluster.proxy.port, reverse("enroll", args=[session.code]), cookies, CLIENTS
    )

    assert outcome.errors == [], outcome.errors[:5]
    # Both web processes took their share of the race.
    assert all(count >= CANDIDATES // 4 for count in cluster.proxy.connections.values()), (
        cluster.proxy.connections
    )
    line = list(
        Enrollment.objects.filter(session=session)
        .order_by("pk")
        .values_list("status", "waitlisted_at", "requested_at")
    )
    statuses = collections.Counter(status for status, _, _ in line)
    assert statuses == {"confirmed": SEATS, "waitlisted": CANDIDATES - SEATS}, statuses
    # In the order the session's lock let them in: the first 20 rows hold the seats, the
    # line behind them follows the same order, with no two at one place.
    assert [status for status, _, _ in line[:SEATS]] == ["confirmed"] * SEATS
    waiting = [at for _, at, _ in line[SEATS:]]
    assert waiting == sorted(waiting) and len(set(waiting)) == len(waiting)
    requested = [at for _, _, at in line]
    assert requested == sorted(requested)


def publish_on_one_see_on_the_other(cluster: Cluster, catalog):
    admin = make_user(f"scale-admin-{uuid.uuid4().hex[:6]}", superuser=True)
    (admin_key,) = _signed_in([admin])
    area = ThematicArea.objects.get(slug="mediation")
    old_name, new_name = area.name, f"Dialogue facilitation {uuid.uuid4().hex[:6]}"
    page = catalog.url
    for web in (cluster.web_a, cluster.web_b):  # both have the catalogue cached
        status, _, body = request(web.url, "GET", page)
        assert status == 200 and old_name.encode() in body, status

    form = urllib.parse.urlencode({"name": new_name, "slug": area.slug, "description": ""})
    status, _, body = request(
        cluster.web_a.url,
        "POST",
        f"/admin/snippets/cms/thematicarea/edit/{area.pk}/",
        session_key=admin_key,
        body=form.encode(),
    )
    assert status == 302, (status, body[:500])

    status, _, body = request(cluster.web_b.url, "GET", page)
    assert status == 200
    assert new_name.encode() in body and old_name.encode() not in body


def certificates_survive_a_lost_node(cluster: Cluster, catalog):
    coordinator = make_coordinator(f"scale-coordinator-{uuid.uuid4().hex[:6]}")
    course = make_course(catalog, title="Scale-out: certificates")
    session = make_session(course, code="scale-certificates", coordinators=[coordinator])
    enrollments = make_completers(session, CERTIFICATES)
    holders = {e.participant.email: e.participant for e in enrollments}
    keys = dict(zip(holders, _signed_in(list(holders.values())), strict=True))

    def emailed():
        return [
            accepted
            for accepted in list(cluster.sink.accepted)
            if accepted.recipients[0] in holders
        ]

    # A client keeps reading through the proxy while the nodes fall.
    polling, poll_errors, polls = threading.Event(), [], []

    def poll():
        while not polling.is_set():
            try:
                status, _, _ = request(cluster.proxy.url, "GET", "/healthz/")
                polls.append((time.monotonic(), status))
            # A response cut off by the kill (the web process died mid-answer) is an
            # error at that moment, like a refused connection, not the poller's end.
            except (OSError, http.client.HTTPException) as error:
                poll_errors.append((time.monotonic(), repr(error)))
            time.sleep(0.05)

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    issue_certificates(session=session, by=coordinator)  # committed: the tasks are queued
    assert wait_until(lambda: len(emailed()) >= KILL_AFTER, timeout=120, step=0.01), (
        cluster.worker_1.log_tail() + cluster.worker_2.log_tail()
    )
    cluster.worker_1.kill9()
    cluster.web_a.kill9()
    killed_at, emailed_at_kill = time.monotonic(), len(emailed())
    assert emailed_at_kill < CERTIFICATES, "the batch ended before the kill: nothing was tested"

    sent = Certificate.objects.filter(enrollment__session=session, state=Certificate.State.SENT)
    assert wait_until(lambda: sent.count() == CERTIFICATES, timeout=180, step=0.5), (
        f"{sent.count()} sent: "
        f"{collections.Counter(Certificate.objects.values_list('state', flat=True))}\n"
        + cluster.worker_2.log_tail()
        + cluster.beat.log_tail()
    )
    time.sleep(1)  # anything still in flight arrives now
    polling.set()
    poller.join(10)

    certificates = {
        c.enrollment.participant.email: c for c in sent.select_related("enrollment__participant")
    }
    assert len(certificates) == CERTIFICATES
    mailed = collections.Counter(accepted.recipients[0] for accepted in emailed())
    assert set(mailed) == set(holders)  # everyone got theirs
    # SMTP has no transaction: an email accepted by the server just before its worker
    # died, the mark not yet committed, is sent again by the sweep (at most one per pool
    # process of the killed worker, each had one email in flight). The copy carries the
    # first one's Message-ID, one per certificate, so a mail system shows it once.
    ids = collections.defaultdict(set)
    for accepted in emailed():
        headers = BytesParser(policy=email_policy).parsebytes(accepted.content, headersonly=True)
        ids[accepted.recipients[0]].add(headers["Message-ID"])
    wrong = {
        address: found
        for address, found in ids.items()
        if len(found) != 1
        or not next(iter(found)).startswith(f"<certificate-{certificates[address].pk}@")
    }
    assert not wrong, wrong
    twice = sum(mailed.values()) - len(mailed)
    print(f"emailed {emailed_at_kill} before the kill; {twice} sent twice")
    assert twice <= WORKER_CONCURRENCY, mailed.most_common(5)

    # The proxy kept answering once it had seen the killed web process refuse.
    after = [status for at, status in polls if at > killed_at + 1]
    late_errors = [error for at, error in poll_errors if at > killed_at + 1]
    assert after and set(after) == {200} and not late_errors, late_errors[:3]

    # Every PDF from the web process that survived, to its holder; its QR code verifies.
    for email, certificate in certificates.items():
        status, headers, pdf = request(
            cluster.web_b.url,
            "GET",
            reverse("certificate_download", args=[certificate.code]),
            session_key=keys[email],
        )
        assert status == 200, (status, pdf[:300])
        assert headers["Content-Type"] == "application/pdf" and pdf.startswith(b"%PDF")
        (url,) = qr_codes(pdf, scale=2)
        verify = reverse("certificate_verify", args=[certificate.code])
        assert url == f"{cluster.proxy.url}{verify}"
        status, _, page = request(cluster.web_b.url, "GET", verify)
        assert status == 200 and b"Valid certificate" in page, status

    # The PDFs are objects of the shared bucket, private, and none is on a local disk.
    stored = [
        item["Key"]
        for page in cluster.s3.get_paginator("list_objects_v2").paginate(
            Bucket=BUCKET, Prefix="certificates/"
        )
        for item in page.get("Contents", [])
    ]
    pdfs = {key for key in stored if key.endswith(".pdf")}
    assert {c.pdf.name for c in certificates.values()} <= {
        key.removeprefix("certificates/") for key in pdfs
    }
    some = sorted(pdfs)[0]
    grants = cluster.s3.get_object_acl(Bucket=BUCKET, Key=some)["Grants"]
    assert not [g for g in grants if g["Grantee"].get("URI", "").endswith("AllUsers")]
    assert not [path for path in cluster.files.rglob("*") if path.is_file()]


def test_two_web_processes_two_workers_and_one_beat_behave_as_one_site(cluster):
    _home, catalog = seed_site()
    race_for_seats(cluster, catalog)
    publish_on_one_see_on_the_other(cluster, catalog)
    certificates_survive_a_lost_node(cluster, catalog)
