"""People inactive for the retention period are erased, after a notice 30 days before;
signing in again keeps the account; people who work in the admin are never erased."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from courses.models import Enrollment
from courses.sessions.selectors import sessions_past_record_keeping
from participants import retention
from participants.models import ErasureRequest, Participant, RetentionNotice
from participants.retention import apply_retention, register_expiring_records
from participants.tasks import apply_retention as apply_retention_task
from tests.factories.certificates import make_completers
from tests.factories.courses import make_session
from tests.factories.pages import make_course
from tests.factories.users import make_coordinator, make_participant

pytestmark = pytest.mark.django_db

User = get_user_model()
YEARS = datetime.timedelta(days=6 * 365 + 1)


def age(user, *, by):
    User.objects.filter(pk=user.pk).update(
        last_login=timezone.now() - by, date_joined=timezone.now() - by
    )


def test_inactive_people_are_warned_then_erased(catalog, django_capture_on_commit_callbacks):
    course = make_course(catalog)
    coordinator = make_coordinator("coord")
    session = make_session(course, coordinators=[coordinator])
    (enrollment,) = make_completers(session, names=[("Amina", "Diallo")])
    amina = enrollment.participant
    long_ago = timezone.now() - YEARS - datetime.timedelta(days=40)
    Enrollment.objects.filter(pk=enrollment.pk).update(requested_at=long_ago, decided_at=long_ago)
    Participant.objects.filter(user=amina).update(updated_at=long_ago)
    age(amina, by=YEARS + datetime.timedelta(days=40))
    recent = make_participant("recent")
    age(make_coordinator("old-coordinator"), by=YEARS * 2)

    with django_capture_on_commit_callbacks(execute=True):
        assert apply_retention() == {"warned": 1, "erased": 0}
    (message,) = mail.outbox
    assert message.to == [amina.email] and "30 days" in message.subject
    assert apply_retention() == {"warned": 0, "erased": 0}  # warned once; not yet due

    in_31_days = timezone.now() + datetime.timedelta(days=31)
    assert apply_retention(now=in_31_days) == {"warned": 0, "erased": 1}
    erased = User.objects.get(pk=amina.pk)
    assert erased.email == "" and not erased.is_active
    assert Enrollment.objects.filter(participant=erased).count() == 1
    assert ErasureRequest.objects.get().decided_by is None
    assert User.objects.get(pk=recent.pk).is_active
    assert User.objects.get(username="old-coordinator").is_active


def test_signing_in_after_the_notice_keeps_the_account(django_capture_on_commit_callbacks):
    kofi = make_participant("kofi")
    age(kofi, by=YEARS)
    with django_capture_on_commit_callbacks(execute=True):
        assert apply_retention()["warned"] == 1
    User.objects.filter(pk=kofi.pk).update(last_login=timezone.now())
    in_31_days = timezone.now() + datetime.timedelta(days=31)
    assert apply_retention(now=in_31_days) == {"warned": 0, "erased": 0}
    assert User.objects.get(pk=kofi.pk).is_active
    assert RetentionNotice.objects.count() == 1


@pytest.fixture
def registry(monkeypatch):
    """An empty registry of expiring records for the test (apps may have filled it)."""
    monkeypatch.setattr(retention, "_expiring_records", {})


def test_the_daily_task_runs_every_registered_purge_over_sessions_past_keeping(
    catalog, settings, registry
):
    """How application files and supervisor comments plug in: a purge registered with
    ``register_expiring_records`` runs daily, given the sessions past keeping."""
    settings.APPLICATION_RECORDS_RETENTION_DAYS = 30
    course = make_course(catalog)
    today = timezone.localdate()
    old = make_session(
        course,
        starts_on=today - datetime.timedelta(days=35),
        ends_on=today - datetime.timedelta(days=31),
    )
    make_session(
        course,
        starts_on=today - datetime.timedelta(days=32),
        ends_on=today - datetime.timedelta(days=30),
    )
    make_session(course)  # still to come

    def clear_old_justifications(*, now):
        past = sessions_past_record_keeping(now=now)
        return (
            Enrollment.objects.filter(session__in=past)
            .exclude(justification="")
            .update(justification="")
        )

    def broken(*, now):
        raise RuntimeError("storage is down")

    (enrollment,) = make_completers(old, names=[("Amina", "Diallo")])
    Enrollment.objects.filter(pk=enrollment.pk).update(justification="I lead talks in Mopti.")
    register_expiring_records("application files", clear_old_justifications)
    register_expiring_records("a broken kind", broken)

    result = apply_retention_task.apply().get()

    assert result["purged"] == {"a broken kind": None, "application files": 1}
    assert Enrollment.objects.get(pk=enrollment.pk).justification == ""
    assert list(sessions_past_record_keeping(now=timezone.now())) == [old]
    # Safe to run again: nothing left to purge.
    assert apply_retention_task.apply().get()["purged"]["application files"] == 0
