"""Seat allocation under real concurrency: threads, their own connections, real commits."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from courses.enrollment.services import enroll
from courses.models import Enrollment
from participants.models import Organization, Participant
from tests.factories.courses import make_session
from tests.factories.pages import make_course

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CALLERS = 200
SEATS = 20
# PostgreSQL here accepts 100 connections; like a server's pool, at most this many of
# the 200 callers hold one at a time. All 200 are started before any may call.
CONNECTIONS = 40


def participants(n):
    User = get_user_model()
    users = User.objects.bulk_create(
        User(username=f"racer{i:03d}", email=f"racer{i:03d}@example.org") for i in range(n)
    )
    organization = Organization.objects.get(acronym="DPPA")
    Participant.objects.bulk_create(
        Participant(user=u, organization=organization, job_title="Officer", duty_station="CH")
        for u in users
    )
    return users


def race(calls):
    """Run each call in its own thread, all released at once; return their outcomes."""
    start = threading.Barrier(len(calls))
    pool = threading.BoundedSemaphore(CONNECTIONS)
    outcomes = [None] * len(calls)

    def run(index, call):
        start.wait()
        with pool:
            try:
                outcomes[index] = call()
            except Exception as error:  # reported by the test
                outcomes[index] = error
            finally:
                connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


def test_200_concurrent_enrollments_fill_20_seats_exactly(catalog):
    session = make_session(make_course(catalog), capacity=SEATS)
    users = participants(CALLERS)

    outcomes = race([lambda u=u: enroll(participant=u, session=session) for u in users])

    errors = [o for o in outcomes if isinstance(o, Exception)]
    assert errors == []
    rows = Enrollment.objects.filter(session=session)
    assert rows.count() == CALLERS
    assert rows.filter(status=Enrollment.Status.CONFIRMED).count() == SEATS
    waitlisted = rows.filter(status=Enrollment.Status.WAITLISTED).order_by("waitlisted_at", "pk")
    assert waitlisted.count() == CALLERS - SEATS
    # A strict order of arrival: no two waitlisted at the same instant and id out of step.
    line = list(waitlisted.values_list("waitlisted_at", "pk"))
    assert line == sorted(line) and len(set(line)) == len(line)


def test_the_same_person_enrolling_from_many_tabs_gets_one_enrollment(catalog):
    session = make_session(make_course(catalog), capacity=SEATS)
    (user,) = participants(1)

    outcomes = race([lambda: enroll(participant=user, session=session)] * 30)

    assert [o for o in outcomes if isinstance(o, Exception)] == []
    assert len({o.pk for o in outcomes}) == 1
    assert Enrollment.objects.filter(session=session).count() == 1
