"""Certificates end to end: from "issue" for a session of 200 completers to the last email
accepted by a local SMTP server (aiosmtpd), with one Celery worker at concurrency 2.

Prints ``certificates_e2e`` (``count``, ``seconds``, ``per_s``, ``emails``,
``worker_rss_mb``; ``worker_rss_start_mb`` is the worker's memory after a warm-up batch
of four, so the two show whether memory stays flat). Target: 60 certificates per second
or more on a two-core machine.

The worker reads what this test writes, so the data is committed (not rolled back like
the other benchmarks' writes) and deleted at the end, leaving the catalogue as it was.
"""

from __future__ import annotations

import os
import re
import statistics
import time
import uuid

from django.contrib.auth import get_user_model
from wagtail.models import ModelLogEntry

from cms.demo import seed_site
from courses.certificates.services import issue_certificates
from courses.models import Certificate, Enrollment
from tests.bench.harness import emit
from tests.factories.certificates import make_completers
from tests.factories.courses import make_session
from tests.factories.pages import make_course
from tests.factories.users import make_coordinator

COUNT = 200
WARM_UP = 4


def _clean_up(course, sessions, usernames):

    certificates = Certificate.objects.filter(enrollment__session__in=sessions)
    ids = [str(pk) for pk in certificates.values_list("pk", flat=True)]
    ModelLogEntry.objects.filter(
        object_id__in=ids, action__startswith="concord.certificate."
    ).delete()
    certificates.delete()
    Enrollment.objects.filter(session__in=sessions).delete()
    for session in sessions:
        session.delete()
    get_user_model().objects.filter(username__in=usernames).delete()
    course.delete()


def test_certificates_e2e(pipeline, django_db_blocker):
    sink, worker = pipeline.sink, pipeline.worker
    with django_db_blocker.unblock():
        _home, catalog = seed_site()
        course = make_course(catalog, title="Benchmark: mediation process design")
        coordinator = make_coordinator(f"bench-coord-{uuid.uuid4().hex[:6]}")
        warm = make_session(course, code=f"bench-warm-{uuid.uuid4().hex[:6]}")
        session = make_session(course, code=f"bench-{uuid.uuid4().hex[:6]}")
        for each in (warm, session):
            each.coordinators.add(coordinator)
        people = make_completers(warm, WARM_UP) + make_completers(session, COUNT)
        usernames = [coordinator.username] + [e.participant.username for e in people]
        try:
            # Both pool processes load the renderer and its fonts, and open a connection.
            issue_certificates(session=warm, by=coordinator)
            assert sink.wait_for(WARM_UP, timeout=120), worker.log_tail()
            rss_start = worker.rss_mb()
            cpu_start = worker.cpu_seconds()
            pool_cpu_start = worker.cpu_seconds(pool_only=True)

            log_start = len(worker.log_path.read_bytes())
            start = time.monotonic()
            issue_certificates(session=session, by=coordinator)
            assert sink.wait_for(WARM_UP + COUNT, timeout=600), worker.log_tail()
            seconds = sink.accepted[-1].at - start
            cpu = worker.cpu_seconds() - cpu_start
            pool_cpu = worker.cpu_seconds(pool_only=True) - pool_cpu_start
            sent = Certificate.objects.filter(
                enrollment__session=session, state=Certificate.State.SENT
            )
            deadline = time.monotonic() + 30
            while sent.count() < COUNT and time.monotonic() < deadline:
                time.sleep(0.1)
            assert sent.count() == COUNT, worker.log_tail()
            # Per task: a batch of CERTIFICATE_TASK_BATCH certificates (a lone one alone).
            durations = [
                float(match) * 1000
                for match in re.findall(
                    r"process_certificates?\[[^\]]+\] succeeded in ([0-9.]+)s",
                    worker.log_path.read_bytes()[log_start:].decode(errors="replace"),
                )
            ]
            emit(
                "certificates_e2e",
                count=COUNT,
                seconds=round(seconds, 2),
                per_s=round(COUNT / seconds, 1),
                emails=sink.count() - WARM_UP,
                smtp_sessions=sink.sessions,
                worker_rss_mb=worker.rss_mb(),
                worker_rss_start_mb=rss_start,
                task_median_ms=round(statistics.median(durations), 1) if durations else None,
                worker_cpu_ms_each=round(cpu * 1000 / COUNT, 1),
                pool_cpu_ms_each=round(pool_cpu * 1000 / COUNT, 1),
                load_1min=round(os.getloadavg()[0], 1),
            )
        finally:
            _clean_up(course, [warm, session], usernames)
