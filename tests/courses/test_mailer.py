"""One SMTP connection per process, reused, and opened again when the server drops it:
against a real SMTP server (aiosmtpd) on localhost."""

import pytest
from django.core.mail import EmailMessage

from config.settings.base import mailer_from_url
from courses import mailer
from tests.pipeline_harness import SmtpSink


@pytest.fixture
def sink(settings):
    server = SmtpSink().start()
    settings.MAILERS = {"default": mailer_from_url(server.url)}
    yield server
    mailer.close()
    server.stop()


def message(n):
    return EmailMessage(f"Message {n}", "Hello", to=[f"person{n}@example.org"])


def test_many_messages_share_one_connection(sink):
    for n in range(5):
        mailer.send(message(n))
    assert sink.wait_for(5, timeout=5)
    assert sink.sessions == 1
    assert [a.recipients for a in sink.accepted] == [[f"person{n}@example.org"] for n in range(5)]


def test_a_connection_the_server_dropped_is_opened_again(sink):
    mailer.send(message(1))
    sink.stop()  # the server goes away, and the connection with it
    restarted = SmtpSink(port=sink.port).start()
    try:
        mailer.send(message(2))
        assert restarted.wait_for(1, timeout=5)
        assert restarted.sessions == 1
        assert restarted.accepted[0].recipients == ["person2@example.org"]
    finally:
        mailer.close()
        restarted.stop()


def test_an_unreachable_server_raises_a_connection_error(settings):
    settings.MAILERS = {"default": mailer_from_url("smtp://127.0.0.1:9")}
    with pytest.raises(ConnectionError):
        mailer.send(message(1))


def test_a_compact_email_is_a_well_formed_mime_message():
    import email
    import email.policy
    import re

    from courses.mailer import CompactEmail

    pdf = bytes(range(256)) * 40
    message = CompactEmail(
        subject="Votre certificat : Médiation et négociation",
        body="Chère Amina,\n\nVoici votre certificat.",
        from_email="Équipe Concord <no-reply@concord.example.org>",
        to=["Amina Diallo <amina@example.org>"],
    )
    message.attach_alternative("<p>Chère Amina,</p>", "text/html")
    message.attach("certificate-ABCD.pdf", pdf, "application/pdf")
    raw = message.message(policy=email.policy.SMTP).as_bytes()
    assert raw.isascii() and not re.search(rb"[^\r]\n", raw)  # 7-bit, CRLF line ends only
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert parsed["Subject"] == "Votre certificat : Médiation et négociation"
    assert parsed["From"].addresses[0].display_name == "Équipe Concord"
    assert parsed["To"].addresses[0].addr_spec == "amina@example.org"
    assert parsed["Message-ID"] and parsed["Date"]
    assert parsed.get_body(("plain",)).get_content() == "Chère Amina,\n\nVoici votre certificat."
    assert parsed.get_body(("html",)).get_content() == "<p>Chère Amina,</p>"
    (attachment,) = parsed.iter_attachments()
    assert attachment.get_filename() == "certificate-ABCD.pdf"
    assert attachment.get_content() == pdf
