"""Two acceptances of one invitation at once (two tabs, a double click): one enrollment,
under the session lock. Real threads, their own connections, real commits."""

import pytest
from django.contrib.auth import get_user_model

from courses.enrollment import invitations
from courses.enrollment.invitations import Invitee
from courses.models import Enrollment, Invitation
from participants.models import Organization, Participant
from tests.courses.enrollment.test_concurrency import race
from tests.factories.courses import make_session
from tests.factories.pages import make_course
from tests.factories.users import make_coordinator

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_two_acceptances_of_one_invitation_make_one_enrollment(catalog):
    coordinator = make_coordinator("coord")
    session = make_session(
        make_course(catalog), policy="invitation", capacity=5, coordinators=[coordinator]
    )
    (invitation,) = invitations.invite(
        session=session, by=coordinator, rows=[Invitee(1, "amina@example.org")]
    )
    user = get_user_model().objects.create_user(username="amina", email="amina@example.org")
    Participant.objects.create(
        user=user,
        organization=Organization.objects.get(acronym="AUC"),
        job_title="Officer",
        duty_station="ET",
    )

    outcomes = race(
        [lambda: invitations.accept(invitation=Invitation.objects.get(), user=user)] * 12
    )

    assert [o for o in outcomes if isinstance(o, Exception)] == []
    assert len({o.pk for o in outcomes}) == 1
    assert Enrollment.objects.filter(session=session).count() == 1
    invitation.refresh_from_db()
    assert invitation.accepted_by == user and invitation.enrollment_id == outcomes[0].pk


def test_an_invitation_revoked_during_acceptances_lets_at_most_the_earlier_ones_in(catalog):
    coordinator = make_coordinator("coord")
    session = make_session(make_course(catalog), policy="invitation", coordinators=[coordinator])
    (invitation,) = invitations.invite(
        session=session, by=coordinator, rows=[Invitee(1, "amina@example.org")]
    )
    user = get_user_model().objects.create_user(username="amina", email="amina@example.org")
    Participant.objects.create(
        user=user,
        organization=Organization.objects.get(acronym="AUC"),
        job_title="Officer",
        duty_station="ET",
    )

    def accept():
        return invitations.accept(invitation=Invitation.objects.get(), user=user)

    def revoke():
        return invitations.revoke(invitation=Invitation.objects.get(), by=coordinator)

    outcomes = race([accept, revoke, accept, revoke])

    invitation.refresh_from_db()
    enrollments = Enrollment.objects.filter(session=session).count()
    if invitation.accepted_at:
        assert enrollments == 1
        assert invitation.revoked_at is None  # revoking an accepted one is refused
    else:
        assert enrollments == 0 and invitation.revoked_at is not None
    assert all(
        not isinstance(o, Exception) or isinstance(o, invitations.InvitationError) for o in outcomes
    )
