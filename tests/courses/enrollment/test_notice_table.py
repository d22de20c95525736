"""One outbound email table: an invitation's email is a ``Notice`` (no enrollment), sent
by the same tasks and the same sweep as every other, once, with a Message-ID its row
fixes; the CHECK constraint keeps each row to one recipient; migration 0020 turned the
``InvitationNotice`` rows into notices."""

import datetime

import pytest
from django.core import mail
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from config.celery import app as celery_app
from courses.enrollment import invitations, notifications
from courses.enrollment.invitations import Invitee
from courses.enrollment.services import enroll
from courses.mailer import DNS_NAME
from courses.models import Enrollment, Invitation, Notice
from tests.factories.courses import make_profile, make_session
from tests.factories.users import make_participant

pytestmark = pytest.mark.django_db

BEFORE = ("courses", "0019_decide_function")
AFTER = ("courses", "0020_notices_for_invitations")


@pytest.fixture(autouse=True)
def tasks_run_here():
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture
def session(course, coordinator):
    return make_session(course, policy="invitation", coordinators=[coordinator])


def invite(session, coordinator, email="amina@example.org", language=""):
    (invitation,) = invitations.invite(
        session=session, by=coordinator, rows=[Invitee(1, email, "Amina Diallo", "AU")]
    )
    if language:
        Invitation.objects.filter(pk=invitation.pk).update(language=language)
    return invitation


def message_id(message) -> str:
    return message.message()["Message-ID"]


# ---------------------------------------------------------------------- the constraint


def test_the_check_refuses_a_notice_to_both_to_neither_or_of_the_wrong_kind(
    course, session, coordinator
):
    invitation = invite(session, coordinator)
    other = make_session(course)
    user = make_participant("kofi")
    make_profile(user, "AUC")
    enrollment = Enrollment.objects.create(
        session=other, participant=user, organization=user.participant.organization
    )
    refused = [
        {"enrollment": enrollment, "invitation": invitation, "kind": "invitation"},
        {"enrollment": enrollment, "invitation": invitation, "kind": "confirmed"},
        {"enrollment": None, "invitation": None, "kind": "invitation"},
        {"enrollment": None, "invitation": None, "kind": "confirmed"},
        {"enrollment": enrollment, "invitation": None, "kind": "invitation"},
        {"enrollment": None, "invitation": invitation, "kind": "confirmed"},
    ]
    for fields in refused:
        with (
            pytest.raises(IntegrityError, match="notice_to_an_enrollment_or_an_invitation"),
            transaction.atomic(),
        ):
            Notice.objects.create(key="x", **fields)
    # What the SQL functions of migrations 0017-0019 insert: their very column list.
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO courses_notice (enrollment_id, kind, key, created_at, attempts,"
            " last_error) VALUES (%s, 'confirmed', 'k', clock_timestamp(), 0, '')"
            " ON CONFLICT ON CONSTRAINT one_notice_per_event DO NOTHING RETURNING id",
            [enrollment.pk],
        )
        assert cursor.fetchone() is not None
    assert Notice.objects.filter(enrollment=enrollment, kind="confirmed").count() == 1
    assert Notice.objects.filter(invitation=invitation, kind="invitation").count() == 1


def test_one_notice_per_sending_of_an_invitation_link(session, coordinator):
    invitation = invite(session, coordinator)
    with (
        pytest.raises(IntegrityError, match="one_notice_per_invitation_link"),
        transaction.atomic(),
    ):
        Notice.objects.create(invitation=invitation, kind="invitation", key=invitation.nonce)


# ---------------------------------------------------------------------- sending


def test_an_invitation_email_goes_once_in_the_invitees_language_with_a_fixed_message_id(
    session, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite(session, coordinator)
    Invitation.objects.filter(pk=invitation.pk).update(language="fr")
    notice = Notice.objects.get(invitation=invitation)
    assert (notice.kind, notice.enrollment_id) == (Notice.Kind.INVITATION, None)
    assert notice.sent_at is not None and notice.attempts == 1
    (first,) = mail.outbox
    assert message_id(first) == f"<notice-{notice.pk}@{DNS_NAME}>"
    assert invitations.link_of(invitation) in first.body

    # Sent is sent: the task again, the batch again, the sweep: nothing more goes.
    assert notifications.deliver(notice.pk) is False
    assert notifications.deliver_batch([notice.pk]) == 0
    later = timezone.now() + notifications.UNSENT_GRACE + datetime.timedelta(minutes=1)
    assert notifications.requeue_unsent(now=later) == 0
    assert len(mail.outbox) == 1

    # A worker that died after the mail server took it, before its commit: the notice
    # is still unsent, so it goes again, as the same message (its Message-ID), now in
    # the language the invitation says, text and HTML, with the same link.
    Notice.objects.filter(pk=notice.pk).update(sent_at=None)
    assert notifications.deliver(notice.pk) is True
    again = mail.outbox[-1]
    assert message_id(again) == message_id(first)
    assert again.subject == "Invitation : Mediation process design"
    assert invitations.link_of(invitation) in again.body
    assert [kind for _content, kind in again.alternatives] == ["text/html"]
    assert 'lang="fr"' in again.alternatives[0][0]


def test_the_one_sweep_sends_what_lost_tasks_left_of_both_kinds(course, session, coordinator):
    """No on-commit callback runs here: as if the broker had lost both tasks."""
    invitation = invite(session, coordinator)
    user = make_participant("kofi")
    make_profile(user, "AUC")
    enrollment = enroll(participant=user, session=make_session(course))
    unsent = Notice.objects.filter(sent_at__isnull=True)
    assert set(unsent.values_list("kind", flat=True)) == {"invitation", "confirmed"}
    assert not mail.outbox

    assert notifications.requeue_unsent() == 0  # too young: their tasks may be on the way
    later = timezone.now() + notifications.UNSENT_GRACE + datetime.timedelta(minutes=1)
    assert notifications.requeue_unsent(now=later) == 2
    assert not unsent.exists()
    assert sorted(m.to[0] for m in mail.outbox) == sorted([invitation.email, user.email])
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.SENT
    assert Notice.objects.get(enrollment=enrollment).attempts == 1
    assert notifications.requeue_unsent(now=later) == 0
    assert len(mail.outbox) == 2


def test_a_replaced_link_is_never_mailed(session, coordinator):
    invitation = invite(session, coordinator)
    invitations.resend(invitation=invitation, by=coordinator)
    old, new = Notice.objects.filter(invitation=invitation).order_by("pk")
    assert notifications.deliver_batch([old.pk, new.pk]) == 1
    old.refresh_from_db()
    assert old.sent_at is not None and "replaced" in old.last_error
    (message,) = mail.outbox
    invitation.refresh_from_db()
    assert invitations.link_of(invitation) in message.body
    assert message_id(message) == f"<notice-{new.pk}@{DNS_NAME}>"


# ---------------------------------------------------------------------- the migration


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_makes_each_invitation_notice_a_notice(course, coordinator):
    session = make_session(course, policy="invitation", coordinators=[coordinator])
    invitation = invite(session, coordinator)
    sent_at = timezone.now() - datetime.timedelta(days=2)
    executor = MigrationExecutor(connection)
    try:
        executor.migrate([BEFORE])
        old = executor.loader.project_state([BEFORE]).apps
        OldNotice = old.get_model("courses", "InvitationNotice")
        # Going back put the invitation's notice where it was.
        assert OldNotice.objects.filter(invitation_id=invitation.pk).count() == 1
        OldNotice.objects.create(
            invitation_id=invitation.pk,
            key="an-earlier-link",
            created_at=sent_at,
            sent_at=sent_at,
            attempts=2,
            last_error="",
        )
        executor.loader.build_graph()
        executor.migrate([AFTER])
    finally:
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes("courses"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('courses_invitationnotice')")
        assert cursor.fetchone() == (None,)
    rows = Notice.objects.filter(invitation=invitation).order_by("created_at")
    assert [(n.kind, n.enrollment_id) for n in rows] == [("invitation", None)] * 2
    earlier, current = rows
    assert (earlier.key, earlier.sent_at, earlier.attempts) == ("an-earlier-link", sent_at, 2)
    assert current.key == invitation.nonce
