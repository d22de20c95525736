"""One mail server connection per worker process, reused from one email to the next.

Opening an SMTP connection (TCP, greeting, EHLO, STARTTLS, login) costs more than sending
a message on it; a batch of certificates sends hundreds. ``send`` keeps the default
mailer's connection open between calls and opens a new one when the server has closed
it (an idle timeout); ``close`` ends it when the worker process stops.

Safe for several processes (each has its own connection, made after the fork) and for
threads (the backend locks its connection while it sends).
"""

from __future__ import annotations

import contextlib
import os
import smtplib
import threading

from django.core import mail
from django.core.mail import EmailMessage
from django.core.signals import setting_changed
from django.dispatch import receiver

_lock = threading.Lock()
_mailer = None
_owner_pid = None


def _current():
    global _mailer, _owner_pid
    with _lock:
        if _mailer is None or _owner_pid != os.getpid():
            # A connection inherited through fork() belongs to the parent: never reuse it.
            _mailer, _owner_pid = mail.mailers["default"], os.getpid()
        return _mailer


def send(message: EmailMessage) -> None:
    """Send ``message`` on this process's connection; raise if the server refused it.

    A connection found closed before the message went out (the server dropped it
    while idle) is opened again once; every other error closes the connection, so the
    next message starts on a fresh one, and is raised for the caller to judge.
    """
    mailer = _current()
    reused = False
    try:
        # Opened here, not by send_messages(), which would close what it opened itself.
        reused = mailer.open() is False  # False: it was open already
        sent = mailer.send_messages([message])
    except smtplib.SMTPServerDisconnected:
        close()
        if not reused:
            raise
        mailer = _current()
        try:
            mailer.open()
            sent = mailer.send_messages([message])
        except Exception:
            close()
            raise
    except Exception:
        close()
        raise
    if sent == 0 and message.recipients():
        raise smtplib.SMTPException("The mail backend did not send the message.")


def close() -> None:
    """Close this process's connection, if any (a worker process shutting down)."""
    global _mailer
    with _lock:
        mailer, _mailer = _mailer, None
    if mailer is not None:
        # Closing a broken connection may fail; it is gone either way.
        with contextlib.suppress(Exception):
            mailer.close()


@receiver(setting_changed)
def _forget_on_new_settings(*, setting, **kwargs):
    # Tests that swap MAILERS get a connection to the new mailer, not the cached one.
    if setting == "MAILERS":
        close()
