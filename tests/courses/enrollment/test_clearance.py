"""Supervisor clearance: the signed link, its expiry and reuse, reminders, and deciding
with or without it."""

import datetime
import time

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from courses.audit import CLEARANCE_ACTION, WAIVE_CLEARANCE_ACTION
from courses.enrollment import clearance, notifications
from courses.enrollment.applications import Application, submit_application
from courses.enrollment.services import EnrollmentError, decide
from courses.models import Enrollment, Notice, SupervisorClearance
from tests.courses.enrollment.application_factories import (
    applicant,
    approval_session,
    make_form,
)
from tests.factories.courses import make_session
from tests.factories.users import make_coordinator

pytestmark = pytest.mark.django_db


class SignedLongAgo(signing.TimestampSigner):
    """Signs as if the link had been emailed longer ago than links live."""

    def timestamp(self):
        return signing.b62_encode(int(time.time()) - (clearance.LINK_DAYS + 1) * 86400)


@pytest.fixture
def session(course, coordinator):
    return approval_session(course, coordinators=[coordinator])


@pytest.fixture
def application(session):
    _form, questions = make_form(session, clearance=True, cv_required=False)
    user = applicant("amina")
    user.first_name, user.last_name = "Amina", "Diallo"
    user.save()
    return submit_application(
        participant=user,
        session=session,
        application=Application(
            answers={questions["role"].pk: "Mediator", questions["years"].pk: "7"},
            supervisor_email="boss@example.org",
            supervisor_name="Dr Okafor",
        ),
    )


def emailed_link(enrollment, kind="clearance_request"):
    notice = Notice.objects.get(enrollment=enrollment, kind=kind)
    mail.outbox.clear()
    assert notifications.deliver(notice.pk)
    (message,) = mail.outbox
    assert message.to == ["boss@example.org"]
    assert message.reply_to == [enrollment.participant.email]
    link = next(line for line in message.body.splitlines() if "/clearance/" in line)
    return message, link.strip().split("testserver", 1)[-1].replace("http://localhost:8000", "")


def path_of(link):
    return "/" + link.split("/", 3)[3] if link.startswith("http") else link


def test_the_supervisor_clears_through_the_emailed_link_and_the_link_then_shows_it(
    client, application
):
    message, link = emailed_link(application)
    assert "Amina Diallo" in message.subject and "Dr Okafor" in message.body
    url = path_of(link)
    page = client.get(url)
    assert page.status_code == 200
    assert "Amina Diallo" in page.content.decode() and 'value="clear"' in page.content.decode()
    response = client.post(url, {"decision": "clear", "comment": "Travel approved."})
    assert response.status_code == 302
    row = SupervisorClearance.objects.get(enrollment=application)
    assert (row.state, row.comment) == ("cleared", "Travel approved.")
    entry = ModelLogEntry.objects.get(action=CLEARANCE_ACTION)
    assert entry.object_id == str(application.pk)
    # Reuse: the decision, no form; a second answer changes nothing.
    again = client.get(url).content.decode()
    assert "You cleared Amina Diallo" in again and 'value="clear"' not in again
    client.post(url, {"decision": "decline", "comment": "Changed my mind"})
    row.refresh_from_db()
    assert (row.state, row.comment) == ("cleared", "Travel approved.")
    # The coordinator may now confirm.
    assert (
        decide(
            enrollment=application, decision="confirmed", by=application.session.coordinators.get()
        ).status
        == Enrollment.Status.CONFIRMED
    )


def test_a_decline_is_recorded_and_blocks_confirmation(client, application, coordinator):
    _message, link = emailed_link(application)
    client.post(path_of(link), {"decision": "decline", "comment": "Not this year."})
    assert SupervisorClearance.objects.get(enrollment=application).state == "declined"
    with pytest.raises(EnrollmentError, match="supervisor has not cleared"):
        decide(enrollment=application, decision="confirmed", by=coordinator)
    application.refresh_from_db()
    assert application.status == Enrollment.Status.REQUESTED


def test_tampered_replaced_and_expired_links_are_refused(client, application):
    token = clearance.token_for(application.clearance)
    url = reverse("supervisor_clearance", args=[token])
    tampered = reverse("supervisor_clearance", args=[token[:-2] + "xx"])
    assert client.get(tampered).status_code == 404
    assert client.post(tampered, {"decision": "clear"}).status_code == 404
    # A new request (another supervisor address) makes the old link stop working.
    clearance.request_clearance(enrollment=application, supervisor_email="new@example.org")
    assert client.get(url).status_code == 404
    assert client.post(url, {"decision": "clear"}).status_code == 404
    assert SupervisorClearance.objects.get(enrollment=application).state == "pending"
    # Expired: said so, and nothing recorded.
    row = SupervisorClearance.objects.get(enrollment=application)
    row.expires_at = timezone.now() - datetime.timedelta(minutes=1)
    row.save()
    fresh = reverse("supervisor_clearance", args=[clearance.token_for(row)])
    expired = client.post(fresh, {"decision": "clear"})
    assert expired.status_code == 410 and "This link has expired" in expired.content.decode()
    row.refresh_from_db()
    assert row.state == "pending"
    # A link signed longer ago than links live is expired, whatever the row says.
    row.expires_at = timezone.now() + datetime.timedelta(days=30)
    row.save()
    assert clearance.find(clearance.token_for(row)) == (row, "valid")
    late = SignedLongAgo(salt=clearance.SALT).sign_object(
        {"c": row.pk, "n": row.nonce}, compress=True
    )
    assert clearance.find(late) == (None, "expired")
    assert client.get(reverse("supervisor_clearance", args=[late])).status_code == 410


def test_the_coordinator_decides_without_clearance_with_a_reason(
    client, login, application, coordinator
):
    with pytest.raises(EnrollmentError, match="supervisor has not cleared"):
        decide(enrollment=application, decision="confirmed", by=coordinator)
    login(client, coordinator)
    review = reverse("course_review:review", args=[application.session_id])
    waive = reverse("course_review:waive", args=[application.session_id])
    page = client.get(review).content.decode()
    assert "Waiting for the supervisor" in page and f'formaction="{waive}"' in page
    refused = client.post(
        waive, {"waive": application.pk, f"waive-reason-{application.pk}": ""}, follow=True
    )
    assert "Give the reason" in refused.content.decode()
    assert SupervisorClearance.objects.get(enrollment=application).state == "pending"
    client.post(
        waive, {"waive": application.pk, f"waive-reason-{application.pk}": "Supervisor on leave."}
    )
    row = SupervisorClearance.objects.get(enrollment=application)
    assert (row.state, row.waive_reason, row.waived_by) == (
        "waived",
        "Supervisor on leave.",
        coordinator,
    )
    entry = ModelLogEntry.objects.get(action=WAIVE_CLEARANCE_ACTION)
    assert entry.user == coordinator and entry.data["reason"] == "Supervisor on leave."
    response = client.post(
        reverse("course_review:decide", args=[application.session_id]),
        {"row": f"{application.pk}:confirmed"},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Enrollment.Status.CONFIRMED


def test_another_coordinator_cannot_waive(client, login, application, course):
    other = make_coordinator("other")
    make_session(course, coordinators=[other])
    with pytest.raises(clearance.ClearanceError):
        clearance.waive(enrollment=application, by=other, reason="Because")
    login(client, other)
    url = reverse("course_review:waive", args=[application.session_id])
    assert client.post(url, {"waive": application.pk}).status_code == 404
    assert SupervisorClearance.objects.get(enrollment=application).state == "pending"


def test_reminders_go_after_three_and_seven_days_once_each(application):
    requested = SupervisorClearance.objects.get(enrollment=application).requested_at
    assert clearance.owe_reminders(requested + datetime.timedelta(days=2)) == 0
    assert clearance.owe_reminders(requested + datetime.timedelta(days=3, hours=1)) == 1
    assert clearance.owe_reminders(requested + datetime.timedelta(days=4)) == 0
    assert clearance.owe_reminders(requested + datetime.timedelta(days=7, hours=1)) == 1
    assert clearance.owe_reminders(requested + datetime.timedelta(days=8)) == 0
    reminders = Notice.objects.filter(enrollment=application, kind="clearance_reminder")
    assert reminders.count() == 2
    notice = reminders.first()
    mail.outbox.clear()
    notifications.deliver(notice.pk)
    assert mail.outbox[0].subject.startswith("Reminder:") and mail.outbox[0].to == [
        "boss@example.org"
    ]


def test_no_reminder_once_answered_or_decided(application, coordinator):
    row = SupervisorClearance.objects.get(enrollment=application)
    clearance.answer(clearance=row, cleared=True)
    assert clearance.owe_reminders(row.requested_at + datetime.timedelta(days=8)) == 0
