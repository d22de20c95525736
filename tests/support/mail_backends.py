"""Mail backends for tests: Django's in-memory outbox, with failures on demand."""

from django.core.mail.backends import locmem


class FailingBackend(locmem.EmailBackend):
    """Raises the errors queued in ``FailingBackend.errors``, one per send, then delivers
    to ``django.core.mail.outbox`` like the locmem backend."""

    errors: list[BaseException] = []
    attempts = 0

    def send_messages(self, messages):
        type(self).attempts += 1
        if type(self).errors:
            raise type(self).errors.pop(0)
        return super().send_messages(messages)
