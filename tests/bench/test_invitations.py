"""Invitations end to end: from the coordinator's "send" of one pasted list of 500 people
to the last invitation email accepted by a local SMTP server (aiosmtpd), with one Celery
worker at concurrency 2.

Prints ``invite_bulk`` (``count``, ``seconds``, ``per_s``, ``emails``). Target: 100
invitations per second or more on a two-core machine. The clock starts before the POST
of the confirmed list (parsing, checking, 500 rows and their notices under the session
lock, the queueing) and stops when the sink accepts the last email.

The worker reads what this test writes, so the data is committed and deleted at the end.
"""

from __future__ import annotations

import time
import uuid

from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from cms.demo import seed_site
from config.celery import app as celery_app
from courses.enrollment import invitations
from courses.models import Invitation
from tests.bench.harness import emit
from tests.factories.courses import make_session
from tests.factories.pages import make_course
from tests.factories.users import make_coordinator
from tests.support.pipeline_harness import SmtpSink, Worker, drop_queue, worker_env

COUNT = 500
WARM_UP = 4


def _pasted(prefix: str, count: int) -> str:
    return "\n".join(
        f"{prefix}{i:04d}@example.org,Invitee {i},Organization {i % 7}" for i in range(count)
    )


def test_invite_bulk(django_db_setup, django_db_blocker, tmp_path):
    queue = f"invitations-bench-{uuid.uuid4().hex[:8]}"
    previous_queue = celery_app.conf.task_default_queue
    celery_app.conf.task_default_queue = queue
    sink = SmtpSink().start()
    worker = None
    with django_db_blocker.unblock():
        _home, catalog = seed_site()
        course = make_course(catalog, title="Benchmark: inviting a list")
        coordinator = make_coordinator(f"bench-coord-{uuid.uuid4().hex[:6]}")
        warm = make_session(course, code=f"bench-warm-{uuid.uuid4().hex[:6]}", policy="invitation")
        session = make_session(course, code=f"bench-{uuid.uuid4().hex[:6]}", policy="invitation")
        for each in (warm, session):
            each.coordinators.add(coordinator)
        client = Client()
        client.force_login(coordinator)
        try:
            worker = Worker(
                queue=queue,
                env=worker_env(queue=queue, smtp=sink, site_url="http://testserver"),
                log_dir=tmp_path,
                concurrency=2,
            )
            worker.wait_ready()
            invitations.invite(
                session=warm,
                by=coordinator,
                rows=invitations.parse_list(_pasted("warm", WARM_UP)),
            )
            assert sink.wait_for(WARM_UP, timeout=120), worker.log_tail()

            start = time.monotonic()
            response = client.post(
                reverse("course_invitations:check", args=[session.pk]),
                {
                    "action": "send",
                    "rows": _pasted("bench", COUNT),
                    "expected_count": str(COUNT),
                    "outcome": "confirmed",
                },
            )
            posted = time.monotonic() - start
            assert response.status_code == 302
            assert sink.wait_for(WARM_UP + COUNT, timeout=600), worker.log_tail()
            seconds = sink.accepted[-1].at - start
            emit(
                "invite_bulk",
                count=COUNT,
                seconds=round(seconds, 2),
                per_s=round(COUNT / seconds, 1),
                request_seconds=round(posted, 2),
                emails=sink.count() - WARM_UP,
                invitations=Invitation.objects.filter(session=session).count(),
                smtp_sessions=sink.sessions,
                target_per_s=100,
            )
        finally:
            if worker is not None:
                worker.stop()
            sink.stop()
            celery_app.conf.task_default_queue = previous_queue
            drop_queue(queue)
            ModelLogEntry.objects.filter(object_id__in=[str(warm.pk), str(session.pk)]).delete()
            for each in (warm, session):
                each.delete()
            coordinator.delete()
            course.delete()
