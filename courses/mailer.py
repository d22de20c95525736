"""One mail server connection per worker process, reused from one email to the next.

Opening an SMTP connection (TCP, greeting, EHLO, STARTTLS, login) costs more than sending
a message on it; a batch of certificates sends hundreds. ``send`` keeps the default
mailer's connection open between calls and opens a new one when the server has closed
it (an idle timeout); ``close`` ends it when the worker process stops.

Safe for several processes (each has its own connection, made after the fork) and for
threads (the backend locks its connection while it sends).
"""

from __future__ import annotations

import binascii
import contextlib
import contextvars
import email.policy
import io
import os
import re
import secrets
import smtplib
import socket
import threading
from email.generator import NLCRE, BytesGenerator
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.utils import formataddr, formatdate, make_msgid, parseaddr

from django.core import mail
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.utils import DNS_NAME
from django.core.signals import setting_changed
from django.db import InterfaceError, OperationalError
from django.dispatch import receiver

# What sending a message can raise: the server's refusals, the network, a malformed
# address. Anything else (a time limit, a bug) goes up to the task, which records it.
MAIL_ERRORS = (smtplib.SMTPException, OSError, ValueError)


def is_temporary(error: BaseException) -> bool:
    """Worth retrying: the mail server, the network or the database may do better soon.

    The one rule for every email (notices and certificates): a 4xx reply (for every
    refused recipient), a dropped or refused connection, a time-out, a name that did not
    resolve, a database that went away. Anything else is permanent."""
    if isinstance(error, smtplib.SMTPServerDisconnected | smtplib.SMTPConnectError):
        return True
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        return bool(codes) and all(400 <= code < 500 for code in codes)
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    return isinstance(
        error,
        ConnectionError | TimeoutError | socket.gaierror | OperationalError | InterfaceError,
    )


_lock = threading.Lock()
_mailer = None
_owner_pid = None
_discarding = contextvars.ContextVar("discarding", default=False)


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
    if _discarding.get():
        return
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


@contextlib.contextmanager
def discarding():
    """Within this block ``send`` accepts every message and delivers none: the demo
    data's made-up addresses must never reach a real mail server."""
    token = _discarding.set(True)
    try:
        yield
    finally:
        _discarding.reset(token)


def close() -> None:
    """Close this process's connection, if any (a worker process shutting down)."""
    global _mailer
    with _lock:
        mailer, _mailer = _mailer, None
    if mailer is not None:
        # Closing a broken connection may fail; it is gone either way.
        with contextlib.suppress(Exception):
            mailer.close()


# Every line-breaking character str.splitlines() knows, and the other C0 controls: none
# belongs in a header, where CR or LF make Django refuse the whole message.
_HEADER_BREAKS = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")
_SPACES = re.compile(r" {2,}")


def header_text(value) -> str:
    """``value`` fit for an email header (a subject, a display name): line breaks and
    control characters become spaces, runs of spaces one space, no space at either end.
    Text that people typed (a course title, a name) reaches headers only through here."""
    return _SPACES.sub(" ", _HEADER_BREAKS.sub(" ", str(value))).strip()


# The standard library's original MIME classes, writing CRLF line ends as SMTP wants.
COMPACT_POLICY = email.policy.compat32.clone(linesep="\r\n")


class CompactEmail(EmailMultiAlternatives):
    """An email with alternatives and attachments, built with the standard library's
    original MIME classes instead of the ``email.message.EmailMessage`` Django builds.

    The same structure (multipart/mixed: text and HTML alternatives, then attachments)
    costs about a fifth of the time to build and serialize: the modern API parses every
    header into objects, some 10 ms for a message with a PDF, and a batch of
    certificates sends hundreds. Messages with a non-ASCII address or extra headers are
    built by Django as usual.

    The subject is made one line (``header_text``) and encoded with the standard
    library's ``Header``: the modern API's folding (Python 3.13.0) splits a space into an
    encoded word of its own after a fold, which readers show as a double space.
    """

    def __init__(self, subject="", *args, key: str = "", **kwargs):
        super().__init__(header_text(subject), *args, **kwargs)
        # ``key`` names what the email is the one sending of (``certificate-42``): its
        # Message-ID is then the same however often a crash makes it go out again, so
        # mail systems that see it twice show it once. SMTP has no transaction: a server
        # may accept a message whose sender dies before it can record the acceptance.
        self.message_id = f"<{key}@{DNS_NAME}>" if key else None

    def message(self, *, policy=email.policy.default):
        addresses = [self.from_email, *self.to, *self.cc, *self.reply_to]
        if self.extra_headers or not all(
            str(a).isascii() or parseaddr(a)[1].isascii() for a in addresses
        ):
            return self._by_django(policy)
        # Every part is base64 (see _text), whose lines never start with "--": a random
        # boundary needs no search through the parts for a clash.
        root = _CompactMultipart("mixed", boundary=_boundary(), policy=COMPACT_POLICY)
        subject = str(self.subject)
        root["Subject"] = subject if subject.isascii() else Header(subject, "utf-8")
        root["From"] = _address(self.from_email)
        for name, values in (("To", self.to), ("Cc", self.cc), ("Reply-To", self.reply_to)):
            if values:
                root[name] = ", ".join(_address(v) for v in values)
        root["Date"] = formatdate(usegmt=True)
        root["Message-ID"] = self.message_id or make_msgid(domain=DNS_NAME)
        bodies = MIMEMultipart("alternative", boundary=_boundary(), policy=COMPACT_POLICY)
        bodies.attach(_text(self.body, self.content_subtype))
        for content, mimetype in self.alternatives:
            maintype, subtype = mimetype.split("/", 1)
            if maintype != "text":
                return self._by_django(policy)
            bodies.attach(_text(content, subtype))
        root.attach(bodies)
        for attachment in self.attachments:
            filename, content, mimetype = attachment
            maintype, subtype = (mimetype or "application/octet-stream").split("/", 1)
            if maintype == "text" and isinstance(content, str):
                # A calendar file (text/calendar): base64 like the rest, UTF-8 declared.
                content = content.encode()
            if not isinstance(content, bytes):
                return self._by_django(policy)
            part = (
                MIMEApplication(content, subtype, _encoder=_base64, policy=COMPACT_POLICY)
                if maintype == "application"
                else _binary_part(maintype, subtype, content)
            )
            if maintype == "text":
                part.set_param("charset", "utf-8")
            part.add_header("Content-Disposition", "attachment", filename=filename)
            root.attach(part)
        return root

    def _by_django(self, policy):
        built = super().message(policy=policy)
        if self.message_id and "Message-ID" not in self.extra_headers:
            del built["Message-ID"]
            built["Message-ID"] = self.message_id
        return built


class _LineGenerator(BytesGenerator):
    """The standard library's BytesGenerator, writing the same bytes with less work: a
    body in one piece instead of line by line (two Python calls per line of a base64
    attachment, and a certificate's PDF has a thousand lines), and a short ASCII header
    as it is instead of through the folding machinery, which leaves it as it is."""

    def _write_lines(self, lines):
        if lines:
            self.write(NLCRE.sub(self._NL, lines))

    def _write_headers(self, msg):
        limit = self.policy.max_line_length or 998
        for name, value in msg.raw_items():
            if (
                isinstance(value, str)
                and value.isascii()
                and len(name) + len(value) + 2 <= limit
                and not _FOLDED.search(value)
            ):
                self.write(f"{name}: {value}{self._NL}")
            else:
                self._fp.write(self.policy.fold_binary(name, value))
        self.write(self._NL)


# What folding would change in a short header: line breaks, runs of white space, white
# space at either end, or a "=?" that could read as an encoded word.
_FOLDED = re.compile(r"[\r\n\t]|  |^\s|\s$|=\?")


class _CompactMultipart(MIMEMultipart):
    def as_bytes(self, unixfrom=False, policy=None):
        out = io.BytesIO()
        generator = _LineGenerator(out, mangle_from_=False, policy=policy or self.policy)
        generator.flatten(self, unixfrom=unixfrom)
        return out.getvalue()


def _boundary() -> str:
    return f"=_{secrets.token_hex(16)}"


# A bare address that parsing and formatting give back as it is.
_PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+")


def _address(value) -> str:
    """``formataddr(parseaddr(value))``, without parsing a bare address (most are):
    the parser costs as much as the rest of a short message's headers."""
    value = str(value)
    if _PLAIN_ADDRESS.fullmatch(value):
        return value
    return formataddr(parseaddr(value), charset="utf-8")


def _text(content, subtype):
    """What ``MIMEText(content, subtype, "utf-8")`` makes (base64, as the standard
    library encodes UTF-8 text), without its charset machinery: a fifth of the cost,
    and a message with text and HTML has two."""
    part = MIMENonMultipart("text", subtype, policy=COMPACT_POLICY, charset="utf-8")
    data = str(content).encode("utf-8", "surrogateescape")
    encoded = binascii.b2a_base64(data, newline=False).decode("ascii")
    part.set_payload(_BASE64_LINE.sub("\\g<0>\\n", encoded))
    part["Content-Transfer-Encoding"] = "base64"
    return part


def _binary_part(maintype, subtype, content):
    part = MIMEBase(maintype, subtype, policy=COMPACT_POLICY)
    part.set_payload(content)
    _base64(part)
    return part


_BASE64_LINE = re.compile(r".{1,76}", re.DOTALL)


def _base64(part) -> None:
    """``email.encoders.encode_base64``, the same lines of 76 characters, made from one
    call to the base64 encoder instead of one per 57 bytes (a thousand for a PDF)."""
    encoded = binascii.b2a_base64(part.get_payload(decode=True), newline=False).decode("ascii")
    part.set_payload(_BASE64_LINE.sub("\\g<0>\\n", encoded))
    part["Content-Transfer-Encoding"] = "base64"


@receiver(setting_changed)
def _forget_on_new_settings(*, setting, **kwargs):
    # Tests that swap MAILERS get a connection to the new mailer, not the cached one.
    if setting == "MAILERS":
        close()
