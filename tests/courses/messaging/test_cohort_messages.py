"""Cohort messages: written in the admin, previewed for one person, confirmed with the
count, sent through Celery once per person, logged in the session's history, read on My
learning; placeholders checked, attachments private."""

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import ModelLogEntry

from config.celery import app as celery_app
from courses.audit import MESSAGE_ACTION
from courses.enrollment import notifications
from courses.messaging import services
from courses.models import CohortMessage, Enrollment, Notice
from tests.factories.courses import make_cohort, make_session
from tests.factories.users import make_coordinator

pytestmark = pytest.mark.django_db

LINK = "https://meet.example.org/j/77"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def tasks_run_here():
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture
def session(course, coordinator):
    session = make_session(
        course,
        code="mpd-msg",
        online_url=LINK,
        venue_name="Kenyatta Centre",
        coordinators=[coordinator],
    )
    make_cohort(session, 3, prefix="c")
    make_cohort(session, 2, prefix="w", status="requested")
    Enrollment.objects.filter(status="requested").update(
        status="waitlisted", waitlisted_at=session.created_at
    )
    return session


def url(session):
    return reverse("course_messages:index", args=[session.pk])


def data(**changes):
    values = {
        "audience": "confirmed",
        "subject": "Pre-reading for {course}",
        "body": (
            "Dear {first_name},\nplease read chapter 2 before {session_dates}.\n"
            "Join: {joining_link}"
        ),
    }
    values.update(changes)
    return values


def test_unknown_placeholders_are_refused_with_the_valid_ones(client, session, coordinator, login):
    login(client, coordinator)
    response = client.post(url(session), data(body="Hello {firstname}", action="preview"))
    html = response.content.decode()
    assert "Unknown placeholder(s): {firstname}" in html
    assert "{first_name}" in html and "{joining_link}" in html
    response = client.post(url(session), data(body="Hello {first_name.__class__}", action="send"))
    assert "Unknown placeholder" in response.content.decode()
    assert not CohortMessage.objects.exists() and not mail.outbox


def test_a_message_to_nobody_is_refused(client, course, coordinator, login):
    empty = make_session(course, code="mpd-empty", coordinators=[coordinator])
    login(client, coordinator)
    response = client.post(url(empty), data(action="preview"))
    assert "Nobody matches these recipients" in response.content.decode()
    with pytest.raises(services.MessageError):
        services.send_cohort_message(
            session=empty, by=coordinator, audience="confirmed", subject="Hi", body="Hi"
        )
    assert not CohortMessage.objects.exists()


def test_preview_confirm_send_once_per_person_and_history(
    client, session, coordinator, login, django_capture_on_commit_callbacks
):
    login(client, coordinator)
    response = client.post(url(session), data(action="preview"))
    html = response.content.decode()
    assert "Send this message to 3 people?" in html
    assert "Pre-reading for Mediation process design" in html
    assert "Dear C000" in html and LINK in html  # a confirmed person's copy
    assert not CohortMessage.objects.exists() and not mail.outbox  # nothing sent yet

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(session), data(action="send", expected_count=3), follow=True)
    assert "on its way to 3 people" in response.content.decode()
    message = CohortMessage.objects.get()
    assert message.recipient_count == 3
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        e.participant.email for e in Enrollment.objects.filter(status="confirmed")
    )
    first = mail.outbox[0]
    assert first.subject == "Pre-reading for Mediation process design"
    assert LINK in first.body and "{" not in first.body
    assert Notice.objects.filter(message=message, sent_at__isnull=False).count() == 3

    # The sweep or a repeated task sends nobody twice.
    ids = list(Notice.objects.filter(message=message).values_list("pk", flat=True))
    assert services.deliver_batch(ids) == 0
    for notice_id in ids:
        assert notifications.deliver(notice_id) is False
    assert len(mail.outbox) == 3

    entry = ModelLogEntry.objects.get(action=MESSAGE_ACTION, object_id=str(session.pk))
    assert entry.data["body"].startswith("Dear {first_name}")
    assert entry.data["count"] == 3
    history = client.get(reverse("course_sessions:history", args=[session.pk])).content.decode()
    assert "Pre-reading for {course}" in history

    detail = client.get(reverse("course_messages:detail", args=[session.pk, message.pk]))
    assert "3 of 3 emails accepted" in detail.content.decode()


def test_the_joining_link_goes_to_the_confirmed_only(
    session, coordinator, django_capture_on_commit_callbacks
):
    picked = Enrollment.objects.filter(session=session).order_by("status", "pk")
    with django_capture_on_commit_callbacks(execute=True):
        services.send_cohort_message(
            session=session,
            by=coordinator,
            audience="picked",
            picked=[e.pk for e in picked],
            subject="Link",
            body="Link: {joining_link}.",
        )
    by_address = {m.to[0]: m.body for m in mail.outbox}
    assert len(by_address) == 5
    for enrollment in picked:
        body = by_address[enrollment.participant.email]
        assert (LINK in body) is (enrollment.status == "confirmed")


def test_a_changed_count_since_confirming_is_refused(session, coordinator):
    with pytest.raises(services.MessageError, match="changed since you confirmed"):
        services.send_cohort_message(
            session=session,
            by=coordinator,
            audience="confirmed",
            subject="Hi",
            body="Hi",
            expected_count=2,
        )


def test_another_coordinator_cannot_see_or_send(client, session, login):
    login(client, make_coordinator("stranger"))
    assert client.get(url(session)).status_code == 404
    assert client.post(url(session), data(action="send")).status_code == 404
    assert not CohortMessage.objects.exists()


def test_attachment_is_private_checked_and_readable_by_recipients_only(
    client, session, coordinator, login, django_capture_on_commit_callbacks
):
    login(client, coordinator)
    bad = SimpleUploadedFile("notes.pdf", b"MZ not a pdf", content_type="application/pdf")
    response = client.post(url(session), {**data(action="preview"), "attachment": bad})
    assert "not a PDF" in response.content.decode()
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * (10 * 1024 * 1024), "application/pdf")
    response = client.post(url(session), {**data(action="preview"), "attachment": big})
    assert "larger than 10 MB" in response.content.decode()

    good = SimpleUploadedFile("visa-letter.pdf", PDF, content_type="application/pdf")
    response = client.post(url(session), {**data(action="preview"), "attachment": good})
    assert "With the PDF attachment" in response.content.decode()
    draft = response.context["form"]["draft"].value()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(session), data(action="send", expected_count=3, draft=draft))
    message = CohortMessage.objects.get()
    assert message.attachment_name == "visa-letter.pdf"
    assert not message.attachment.path.startswith(str(settings.MEDIA_ROOT))
    assert mail.outbox[0].attachments[0][0] == "visa-letter.pdf"
    assert mail.outbox[0].attachments[0][1] == PDF

    download = reverse("message_attachment", args=[message.pk])
    recipient = Notice.objects.filter(message=message).first().enrollment.participant
    waitlisted = Enrollment.objects.filter(status="waitlisted").first().participant
    client.force_login(recipient)
    response = client.get(download)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    client.force_login(waitlisted)
    assert client.get(download).status_code == 404
    client.logout()
    assert client.get(download).status_code == 302  # to sign in


def test_an_attachment_in_the_bucket_is_mailed_and_served_to_recipients_only(
    bucket, client, session, coordinator, login, django_capture_on_commit_callbacks
):
    login(client, coordinator)
    good = SimpleUploadedFile("visa-letter.pdf", PDF, content_type="application/pdf")
    response = client.post(url(session), {**data(action="preview"), "attachment": good})
    draft = response.context["form"]["draft"].value()
    assert any(key.startswith("messages/drafts/") for key in bucket.object_keys())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(session), data(action="send", expected_count=3, draft=draft))
    message = CohortMessage.objects.get()
    key = f"messages/{message.attachment.name}"
    assert key in bucket.object_keys() and bucket.anonymous_get(key) == 403
    assert not any(key.startswith("messages/drafts/") for key in bucket.object_keys())
    assert mail.outbox[0].attachments[0][1] == PDF

    download = reverse("message_attachment", args=[message.pk])
    client.force_login(Notice.objects.filter(message=message).first().enrollment.participant)
    response = client.get(download)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    client.force_login(Enrollment.objects.filter(status="waitlisted").first().participant)
    assert client.get(download).status_code == 404


def test_participants_read_their_messages_on_my_learning(
    client, session, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.send_cohort_message(
            session=session,
            by=coordinator,
            audience="confirmed",
            subject="Visa help for {course}",
            body="Dear {first_name}, the visa letters are ready. {joining_link}",
        )
    confirmed = Enrollment.objects.filter(status="confirmed").first().participant
    client.force_login(confirmed)
    html = client.get(reverse("my_learning")).content.decode()
    assert "1 message from the coordinators" in html
    assert "Visa help for Mediation process design" in html
    assert f"Dear {confirmed.first_name}, the visa letters are ready." in html
    waitlisted = Enrollment.objects.filter(status="waitlisted").first().participant
    client.force_login(waitlisted)
    assert "Visa help" not in client.get(reverse("my_learning")).content.decode()
