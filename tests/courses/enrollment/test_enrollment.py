"""Seat rules: policies, quotas, the waitlist, and refusals that change nothing."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from courses.enrollment.selectors import waitlist_position
from courses.enrollment.services import EnrollmentError, decide, enroll, set_quota, withdraw
from courses.models import CourseSession, Enrollment, SeatQuota
from courses.sessions.services import change_capacity
from participants.models import FocalPoint, Organization
from tests.factories.courses import make_profile, make_session
from tests.factories.users import make_coordinator, make_participant

pytestmark = pytest.mark.django_db

S = Enrollment.Status


@pytest.fixture
def coordinator():
    return make_coordinator()


def people(n, acronym="DPPA", prefix="p"):
    users = []
    for i in range(n):
        user = make_participant(f"{prefix}{acronym.lower()}{i}")
        make_profile(user, acronym)
        users.append(user)
    return users


def statuses(session):
    return list(
        Enrollment.objects.filter(session=session)
        .order_by("requested_at", "pk")
        .values_list("status", flat=True)
    )


def test_open_policy_confirms_until_full_then_waitlists_in_order(course):
    session = make_session(course, capacity=2)
    first, second, third, fourth = (enroll(participant=u, session=session) for u in people(4))
    assert [first.status, second.status] == [S.CONFIRMED, S.CONFIRMED]
    assert [third.status, fourth.status] == [S.WAITLISTED, S.WAITLISTED]
    assert [waitlist_position(third), waitlist_position(fourth)] == [1, 2]
    assert waitlist_position(first) is None


def test_enrolling_twice_returns_the_same_enrollment(course):
    session = make_session(course, capacity=1)
    (user,) = people(1)
    first = enroll(participant=user, session=session)
    again = enroll(participant=user, session=session)
    assert again.pk == first.pk and again.status == S.CONFIRMED
    assert Enrollment.objects.filter(session=session).count() == 1


def test_the_database_refuses_a_second_row_for_the_same_pair(course):
    session = make_session(course)
    (user,) = people(1)
    enrollment = enroll(participant=user, session=session)
    with pytest.raises(IntegrityError), transaction.atomic():
        Enrollment.objects.create(
            session=session,
            participant=user,
            organization=enrollment.organization,
            status=S.REQUESTED,
        )


def test_organization_and_kind_quotas_cap_confirmed_seats(course):
    session = make_session(course, capacity=10)
    SeatQuota.objects.create(
        session=session, organization=Organization.objects.get(acronym="AUC"), seats=1
    )
    SeatQuota.objects.create(session=session, organization_kind="un", seats=2)
    auc = [enroll(participant=u, session=session) for u in people(2, "AUC")]
    un = [enroll(participant=u, session=session) for u in people(2, "DPPA") + people(1, "UNDP")]
    osce = [enroll(participant=u, session=session) for u in people(3, "OSCE")]
    assert [e.status for e in auc] == [S.CONFIRMED, S.WAITLISTED]
    assert [e.status for e in un] == [S.CONFIRMED, S.CONFIRMED, S.WAITLISTED]
    assert [e.status for e in osce] == [S.CONFIRMED] * 3  # no quota names them


def test_withdrawal_promotes_the_first_in_line_who_fits_the_quotas(course):
    session = make_session(course, capacity=2)
    SeatQuota.objects.create(session=session, organization_kind="un", seats=1)
    (dppa,) = people(1, "DPPA")
    (auc,) = people(1, "AUC")
    (undp,) = people(1, "UNDP")  # waitlisted first, but UN seats are full
    (osce,) = people(1, "OSCE")
    held = enroll(participant=dppa, session=session)
    leaving = enroll(participant=auc, session=session)
    passed_over = enroll(participant=undp, session=session)
    next_in_line = enroll(participant=osce, session=session)
    assert [passed_over.status, next_in_line.status] == [S.WAITLISTED, S.WAITLISTED]

    withdraw(enrollment=leaving, by=auc)
    passed_over.refresh_from_db()
    next_in_line.refresh_from_db()
    assert next_in_line.status == S.CONFIRMED
    assert passed_over.status == S.WAITLISTED and waitlist_position(passed_over) == 1

    withdraw(enrollment=held, by=dppa)  # a UN seat frees up: the UNDP officer gets it
    passed_over.refresh_from_db()
    assert passed_over.status == S.CONFIRMED


def test_capacity_rise_promotes_and_a_cut_below_confirmed_is_refused(course, coordinator):
    session = make_session(course, capacity=1, coordinators=[coordinator])
    enrollments = [enroll(participant=u, session=session) for u in people(3)]
    promoted = change_capacity(session=session, capacity=2, by=coordinator)
    assert [e.pk for e in promoted] == [enrollments[1].pk]
    with pytest.raises(EnrollmentError, match="already confirmed"):
        change_capacity(session=session, capacity=1, by=coordinator)
    session.refresh_from_db()
    assert session.capacity == 2


def test_quota_change_promotes(course, coordinator):
    session = make_session(course, capacity=5, coordinators=[coordinator])
    auc = Organization.objects.get(acronym="AUC")
    set_quota(session=session, organization=auc, seats=1, by=coordinator)
    waiting = [enroll(participant=u, session=session) for u in people(3, "AUC")][1:]
    assert {e.status for e in waiting} == {S.WAITLISTED}
    promoted = set_quota(session=session, organization=auc, seats=2, by=coordinator)
    assert [e.pk for e in promoted] == [waiting[0].pk]
    promoted = set_quota(session=session, organization=auc, seats=None, by=coordinator)
    assert [e.pk for e in promoted] == [waiting[1].pk]


def test_approval_policy_waits_for_a_coordinator(course, coordinator):
    session = make_session(course, capacity=1, policy="approval", coordinators=[coordinator])
    first, second = (enroll(participant=u, session=session) for u in people(2))
    assert [first.status, second.status] == [S.REQUESTED, S.REQUESTED]

    with pytest.raises(EnrollmentError, match="reason"):
        decide(enrollment=second, decision=S.REJECTED, by=coordinator)
    decide(enrollment=first, decision=S.CONFIRMED, by=coordinator)
    with pytest.raises(EnrollmentError, match="No seat"):
        decide(enrollment=second, decision=S.CONFIRMED, by=coordinator)
    second = decide(enrollment=second, decision=S.WAITLISTED, by=coordinator)
    assert second.decided_by == coordinator

    # Rejecting a confirmed person frees the seat for the waitlist.
    first = decide(enrollment=first, decision=S.REJECTED, by=coordinator, reason="Not eligible.")
    assert first.reason == "Not eligible."
    second.refresh_from_db()
    assert second.status == S.CONFIRMED


def test_only_the_sessions_coordinators_decide(course, coordinator):
    session = make_session(course, policy="approval", coordinators=[coordinator])
    (user,) = people(1)
    enrollment = enroll(participant=user, session=session)
    other = make_coordinator("other-coordinator")
    with pytest.raises(EnrollmentError, match="coordinator of this session"):
        decide(enrollment=enrollment, decision=S.CONFIRMED, by=other)
    enrollment.refresh_from_db()
    assert enrollment.status == S.REQUESTED


def test_nomination_policy(course, coordinator):
    session = make_session(course, policy="nomination", coordinators=[coordinator])
    nominee, outsider = people(2, "AUC")
    focal = make_participant("focal-auc")
    FocalPoint.objects.create(organization=Organization.objects.get(acronym="AUC"), user=focal)
    stranger = make_participant("focal-of-nobody")

    with pytest.raises(EnrollmentError, match="focal point"):
        enroll(participant=nominee, session=session)
    with pytest.raises(EnrollmentError, match="Only a focal point of AUC"):
        enroll(participant=nominee, session=session, nominated_by=stranger, justification="x")
    with pytest.raises(EnrollmentError, match="why"):
        enroll(participant=nominee, session=session, nominated_by=focal, justification="  ")
    nominated = enroll(
        participant=nominee, session=session, nominated_by=focal, justification="Leads the desk."
    )
    assert (nominated.status, nominated.nominated_by) == (S.REQUESTED, focal)
    by_coordinator = enroll(
        participant=outsider, session=session, nominated_by=coordinator, justification="Key."
    )
    assert by_coordinator.status == S.REQUESTED


@pytest.mark.parametrize(
    "change, message",
    [
        ({"status": "draft"}, "not open"),
        ({"status": "cancelled"}, "cancelled"),
        ({"status": "closed"}, "not open"),
        ({"enrollment_opens_at": timezone.now() + datetime.timedelta(days=1)}, "not open"),
        ({"enrollment_closes_at": timezone.now() - datetime.timedelta(minutes=1)}, "not open"),
    ],
)
def test_enrollment_outside_an_open_window_is_refused(course, change, message):
    session = make_session(course)
    if "enrollment_closes_at" in change:
        session.enrollment_opens_at = timezone.now() - datetime.timedelta(days=2)
    for field, value in change.items():
        setattr(session, field, value)
    session.save()
    (user,) = people(1)
    with pytest.raises(EnrollmentError, match=message):
        enroll(participant=user, session=session)
    assert not Enrollment.objects.exists()


def test_a_profile_comes_first(course):
    session = make_session(course)
    with pytest.raises(EnrollmentError, match="profile"):
        enroll(participant=make_participant("no-profile"), session=session)
    assert not Enrollment.objects.exists()


def test_withdrawal_rules(course):
    session = make_session(course)
    mine, theirs = people(2)
    enrollment = enroll(participant=mine, session=session)
    with pytest.raises(EnrollmentError, match="Only the participant"):
        withdraw(enrollment=enrollment, by=theirs)
    started = session.starts_on + datetime.timedelta(days=1)
    with pytest.raises(EnrollmentError, match="started"):
        withdraw(
            enrollment=enrollment,
            by=mine,
            now=timezone.make_aware(datetime.datetime.combine(started, datetime.time(9))),
        )
    enrollment.refresh_from_db()
    assert enrollment.status == S.CONFIRMED
    assert withdraw(enrollment=enrollment, by=mine).status == S.WITHDRAWN
    assert withdraw(enrollment=enrollment, by=mine).status == S.WITHDRAWN  # no-op
    # One enrollment per pair, ever: enrolling again (while open) reuses the withdrawn row.
    again = enroll(participant=mine, session=session)
    assert (again.pk, again.status) == (enrollment.pk, S.CONFIRMED)
    assert Enrollment.objects.filter(session=session, participant=mine).count() == 1


def test_session_constraints_hold_in_the_database(course):
    session = make_session(course)
    for field, value in [("capacity", 0), ("ends_on", session.starts_on - datetime.timedelta(1))]:
        with pytest.raises(IntegrityError), transaction.atomic():
            CourseSession.objects.filter(pk=session.pk).update(**{field: value})
    with pytest.raises(IntegrityError), transaction.atomic():
        SeatQuota.objects.create(session=session, seats=3)  # neither organization nor kind
