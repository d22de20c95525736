"""Cohort messages end to end: from "send" of a message to 500 people to the last email
accepted by a local SMTP server (aiosmtpd), with one Celery worker at concurrency 2.

Prints ``cohort_message_e2e`` (``count``, ``seconds``, ``per_s``, ``emails``). Target:
100 emails per second or more on a two-core machine. Also ``my_learning_20_sessions``:
the page of a participant in 20 sessions with agendas, links and messages (queries,
median milliseconds; the suite's test holds the queries equal to those of 2 sessions).

The worker reads what this test writes, so the data is committed and deleted at the end.
"""

from __future__ import annotations

import statistics
import time
import uuid

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry

from cms.demo import seed_site
from courses.messaging.services import send_cohort_message
from courses.models import CohortMessage, Enrollment, Notice
from courses.sessions.services import generate_meetings
from tests.bench.harness import emit
from tests.factories.certificates import make_completers
from tests.factories.courses import make_profile, make_session
from tests.factories.pages import make_course
from tests.factories.users import make_coordinator, make_participant

COUNT = 500
WARM_UP = 4


def _clean_up(course, sessions, usernames):
    ModelLogEntry.objects.filter(
        object_id__in=[str(s.pk) for s in sessions], action="concord.session.message"
    ).delete()
    Notice.objects.filter(enrollment__session__in=sessions).delete()
    CohortMessage.objects.filter(session__in=sessions).delete()
    Enrollment.objects.filter(session__in=sessions).delete()
    for session in sessions:
        session.delete()
    get_user_model().objects.filter(username__in=usernames).delete()
    course.delete()


def _send(session, coordinator, audience="completed"):
    return send_cohort_message(
        session=session,
        by=coordinator,
        audience=audience,
        subject="{course}: the evaluation survey",
        body="Dear {first_name},\n\nthank you for taking part in {course} ({session_dates}).",
    )


def test_cohort_message_e2e(pipeline, django_db_blocker):
    sink, worker = pipeline.sink, pipeline.worker
    with django_db_blocker.unblock():
        _home, catalog = seed_site()
        course = make_course(catalog, title="Benchmark: messaging a cohort")
        coordinator = make_coordinator(f"bench-coord-{uuid.uuid4().hex[:6]}")
        warm = make_session(course, code=f"bench-warm-{uuid.uuid4().hex[:6]}")
        session = make_session(course, code=f"bench-{uuid.uuid4().hex[:6]}")
        for each in (warm, session):
            each.coordinators.add(coordinator)
        people = make_completers(warm, WARM_UP) + make_completers(session, COUNT)
        usernames = [coordinator.username] + [e.participant.username for e in people]
        try:
            _send(warm, coordinator)
            assert sink.wait_for(WARM_UP, timeout=120), worker.log_tail()

            start = time.monotonic()
            message = _send(session, coordinator)
            assert sink.wait_for(WARM_UP + COUNT, timeout=600), worker.log_tail()
            seconds = sink.accepted[-1].at - start
            sent = Notice.objects.filter(message=message, sent_at__isnull=False)
            deadline = time.monotonic() + 30
            while sent.count() < COUNT and time.monotonic() < deadline:
                time.sleep(0.1)
            emit(
                "cohort_message_e2e",
                count=COUNT,
                seconds=round(seconds, 2),
                per_s=round(COUNT / seconds, 1),
                emails=sink.count() - WARM_UP,
                notices_sent=sent.count(),
                smtp_sessions=sink.sessions,
                target_per_s=100,
            )
        finally:
            _clean_up(course, [warm, session], usernames)


def test_my_learning_20_sessions(db):
    _home, catalog = seed_site()
    course = make_course(catalog, title="Benchmark: my learning")
    coordinator = make_coordinator("bench-ml-coord")
    user = make_participant("bench-ml")
    make_profile(user)
    for i in range(20):
        session = make_session(
            course,
            code=f"bench-ml-{i}",
            online_url=f"https://meet.example.org/{i}",
            venue_name="Kenyatta Centre",
            coordinators=[coordinator],
        )
        generate_meetings(session=session)
        Enrollment.objects.create(
            session=session,
            participant=user,
            organization=user.participant.organization,
            status="confirmed",
        )
        _send(session, coordinator, audience="confirmed")
    client = Client()
    client.force_login(user)
    client.get(reverse("my_learning"))
    timings = []
    for _ in range(20):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(reverse("my_learning"))
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    emit(
        "my_learning_20_sessions",
        queries=len(captured),
        median_ms=round(statistics.median(timings), 1),
        sittings=100,
        messages=20,
    )
