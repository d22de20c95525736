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
