"""Development mail: without EMAIL_URL, each message is written to ``var/mail/`` as one
``.eml`` file (open it in any mail program) and logged in one line, instead of whole
messages printed into the log the web server, the worker and beat share."""

import logging
import uuid
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

logger = logging.getLogger("concord.mail")


class MailFolderBackend(BaseEmailBackend):
    def __init__(self, *, folder: str, **kwargs):
        super().__init__(**kwargs)
        self.folder = Path(folder)

    def send_messages(self, email_messages) -> int:
        self.folder.mkdir(parents=True, exist_ok=True)
        written = 0
        for message in email_messages:
            if not message.recipients():
                continue
            stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
            path = self.folder / f"{stamp}-{uuid.uuid4().hex[:8]}.eml"
            path.write_bytes(message.message().as_bytes())
            logger.info(
                "Mail to %s: %s (%s)", ", ".join(message.recipients()), message.subject, path
            )
            written += 1
        return written
