"""One SMTP connection per process, reused, and opened again when the server drops it:
against a real SMTP server (aiosmtpd) on localhost."""

import email
import email.policy
import io
import re
from email import encoders
from email.generator import BytesGenerator
from email.mime.application import MIMEApplication

import pytest
from django.core.mail import EmailMessage

from config.settings.base import mailer_from_url
from courses import mailer
from courses.mailer import CompactEmail, _base64
from tests.support.pipeline_harness import SmtpSink


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


@pytest.mark.parametrize(
    "subject",
    [
        "Your certificate",
        "Votre certificat : Médiation et négociation",
        "A subject long enough to need folding, " * 4,
        "Spaces  inside, =?and what looks like an encoded word?=",
    ],
)
def test_a_compact_email_has_the_bytes_the_standard_library_writes(subject):
    """The fast writer (whole bodies, short headers as they are) and the one-call base64
    lines give the bytes of ``email``'s own generator and encoder, whatever the
    Python version does inside them."""

    pdf = bytes(range(256)) * 300
    compact = CompactEmail(
        subject=subject,
        body="Dear Amina,\n\n.Here is your certificate.\nFrom us",
        from_email="Concord <no-reply@concord.example.org>",
        to=["Amina Diallo <amina@example.org>"],
    )
    compact.attach_alternative("<p>Dear Amina,</p>", "text/html")
    compact.attach("certificate.pdf", pdf, "application/pdf")
    built = compact.message(policy=email.policy.SMTP)
    standard = io.BytesIO()
    BytesGenerator(standard, mangle_from_=False, policy=built.policy).flatten(built)
    assert built.as_bytes() == standard.getvalue()

    ours = MIMEApplication(pdf, "pdf", _encoder=_base64)
    theirs = MIMEApplication(pdf, "pdf", _encoder=encoders.encode_base64)
    assert ours.get_payload() == theirs.get_payload()
    assert ours["Content-Transfer-Encoding"] == theirs["Content-Transfer-Encoding"] == "base64"


@pytest.mark.parametrize("to", ["amina@example.org", "amina@例え.jp"])  # compact, then Django's
def test_an_email_sent_again_keeps_the_message_id_its_key_gives(to):
    """A crash between the server's acceptance and its record sends an email twice: both
    copies carry one Message-ID, so a mail system shows it once. Without a key each
    email gets a fresh one."""

    def message_id(**kwargs):
        built = CompactEmail(subject="Your certificate", body="Hello", to=[to], **kwargs)
        raw = built.message(policy=email.policy.SMTP).as_bytes()
        return email.message_from_bytes(raw, policy=email.policy.default)["Message-ID"]

    first, again = message_id(key="certificate-42"), message_id(key="certificate-42")
    assert first == again and first.startswith("<certificate-42@")
    assert message_id(key="certificate-43") != first
    assert message_id() != message_id()
