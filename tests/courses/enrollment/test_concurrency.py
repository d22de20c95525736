"""Seat allocation under real concurrency: threads, their own connections, real commits."""

import threading
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.urls import reverse

from courses.enrollment.services import enroll, withdraw
from courses.models import Enrollment, Notice, SeatQuota
from participants.models import Organization, Participant
from tests.factories.courses import make_session
from tests.factories.pages import make_course

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CALLERS = 200
SEATS = 20
# PostgreSQL here accepts 100 connections; like a server's pool, at most this many of
# the 200 callers hold one at a time. All 200 are started before any may call.
CONNECTIONS = 40


def participants(n, acronym="DPPA", prefix="racer"):
    User = get_user_model()
    users = User.objects.bulk_create(
        User(username=f"{prefix}{i:03d}", email=f"{prefix}{i:03d}@example.org") for i in range(n)
    )
    organization = Organization.objects.get(acronym=acronym)
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


def test_quotas_by_organization_and_kind_hold_in_the_race(catalog):
    """DPPA (a UN entity) may have 6 seats, regional organizations 8 between them; the
    sub-regional staff are bound by the capacity alone. Every waitlisted person was
    refused a seat by the rules as they stood when their turn came."""
    session = make_session(make_course(catalog), capacity=SEATS)
    dppa = Organization.objects.get(acronym="DPPA")
    SeatQuota.objects.create(session=session, organization=dppa, seats=6)
    SeatQuota.objects.create(session=session, organization_kind=Organization.Kind.REGIONAL, seats=8)
    users = (
        participants(60, "DPPA", "un")
        + participants(40, "AUC", "au")
        + participants(40, "OSCE", "osce")
        + participants(60, "ECOWAS", "ecowas")
    )
    # Interleaved, so that every organization is in the race from the start.
    users = [users[i] for i in sorted(range(len(users)), key=lambda i: (i % 50, i))]

    outcomes = race([lambda u=u: enroll(participant=u, session=session) for u in users])

    assert [o for o in outcomes if isinstance(o, Exception)] == []
    rows = list(Enrollment.objects.filter(session=session).select_related("organization"))
    assert len(rows) == CALLERS
    confirmed = [e for e in rows if e.status == Enrollment.Status.CONFIRMED]
    waitlisted = [e for e in rows if e.status == Enrollment.Status.WAITLISTED]
    assert len(confirmed) == SEATS and len(waitlisted) == CALLERS - SEATS
    by_org = Counter(e.organization.acronym for e in confirmed)
    by_kind = Counter(e.organization.kind for e in confirmed)
    assert by_org["DPPA"] <= 6 and by_kind[Organization.Kind.REGIONAL] <= 8
    for person in waitlisted:
        before = [e for e in confirmed if e.decided_at < person.waitlisted_at]
        org = person.organization
        assert (
            len(before) >= SEATS
            or (org.pk == dppa.pk and sum(e.organization_id == dppa.pk for e in before) >= 6)
            or (
                org.kind == Organization.Kind.REGIONAL
                and sum(e.organization.kind == org.kind for e in before) >= 8
            )
        ), f"{org.acronym} waitlisted with a seat free for them"
    line = sorted((e.waitlisted_at, e.pk) for e in waitlisted)
    assert len({at for at, _pk in line}) == len(line)


def test_withdrawals_racing_enrollments_keep_the_seats_full_and_the_line_in_order(catalog):
    """20 confirmed people withdraw while 100 newcomers enroll (and 10 wait already):
    every freed seat goes to the first in line, and nobody jumps the line."""
    session = make_session(make_course(catalog), capacity=SEATS)
    first = participants(SEATS + 10, prefix="first")
    for user in first:
        enroll(participant=user, session=session)
    holders = list(Enrollment.objects.filter(session=session, status=Enrollment.Status.CONFIRMED))
    assert len(holders) == SEATS
    newcomers = participants(100, prefix="new")

    calls = [lambda e=e: withdraw(enrollment=e, by=e.participant) for e in holders]
    calls += [lambda u=u: enroll(participant=u, session=session) for u in newcomers]
    calls = [calls[i] for i in sorted(range(len(calls)), key=lambda i: (i % 6, i))]
    outcomes = race(calls)

    assert [o for o in outcomes if isinstance(o, Exception)] == []
    rows = Enrollment.objects.filter(session=session)
    counts = Counter(rows.values_list("status", flat=True))
    assert counts == {
        Enrollment.Status.CONFIRMED: SEATS,
        Enrollment.Status.WITHDRAWN: SEATS,
        Enrollment.Status.WAITLISTED: 10 + 100 - SEATS,
    }
    # Promoted people were all ahead of everybody still waiting.
    promoted = rows.filter(
        status=Enrollment.Status.CONFIRMED, waitlisted_at__isnull=False
    ).values_list("waitlisted_at", "pk")
    waiting = rows.filter(status=Enrollment.Status.WAITLISTED).values_list("waitlisted_at", "pk")
    assert max(promoted) < min(waiting)
    notices = Notice.objects.filter(enrollment__session=session)
    assert notices.filter(kind=Notice.Kind.WITHDRAWN).count() == SEATS
    assert notices.filter(kind=Notice.Kind.PROMOTED).count() == len(promoted)


class LockedStatements:
    """Records the statements run from the one that locks a session row until COMMIT
    (an on_commit hook registered when the lock is taken marks the end)."""

    def __init__(self):
        self.under_lock: list[str] | None = None
        self.done: list[list[str]] = []

    def __call__(self, execute, sql, params, many, context):
        if self.under_lock is None and (
            "concord_enroll" in sql or ("FOR UPDATE" in sql and "coursesession" in sql)
        ):
            self.under_lock = []
            transaction.on_commit(self.committed)
        if self.under_lock is not None:
            self.under_lock.append(sql)
        return execute(sql, params, many, context)

    def committed(self):
        self.done.append(self.under_lock)
        self.under_lock = None


def test_an_enrollment_runs_at_most_two_statements_under_the_session_lock(catalog, client):
    """Through the page, for a seat and for the waitlist: the locking statement (which
    also decides and inserts), then COMMIT."""
    session = make_session(make_course(catalog), capacity=1)
    users = participants(2)
    recorder = LockedStatements()
    for user in users:
        client.force_login(user)
        with connection.execute_wrapper(recorder):
            response = client.post(reverse("enroll", args=[session.code]))
        assert response.status_code == 302 and response.url == reverse("my_learning")
    statuses = list(
        Enrollment.objects.filter(session=session).order_by("pk").values_list("status", flat=True)
    )
    assert statuses == [Enrollment.Status.CONFIRMED, Enrollment.Status.WAITLISTED]
    assert len(recorder.done) == 2
    for statements in recorder.done:
        assert len(statements) <= 2, statements  # plus COMMIT, which is not a statement here
    assert Notice.objects.filter(enrollment__session=session).count() == 2
