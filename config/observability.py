"""Logging that lets an operator follow one request, and the tasks it queued, through the logs.

Every log record carries ``request_id`` and ``task_id``. A request takes its id from the
``X-Request-ID`` header of a trusted proxy or makes one, and returns it in the response;
tasks queued while serving it carry the same id in their headers, so a grep for one id
shows the request and all the work it caused.
"""

import json
import logging
import re
import uuid
from contextvars import ContextVar

from celery import signals

request_id_var: ContextVar[str] = ContextVar("request_id", default="-")
task_id_var: ContextVar[str] = ContextVar("task_id", default="-")

_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _VALID_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = request_id_var.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(token)
        response["X-Request-ID"] = request_id
        return response


class ContextFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id_var.get()
        record.task_id = task_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line, for log shippers."""

    def format(self, record):
        payload = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
            "task_id": getattr(record, "task_id", "-"),
        }
        if record.exc_info:
            payload["exc_info"] = self.formatException(record.exc_info)
        return json.dumps(payload, ensure_ascii=False)


@signals.before_task_publish.connect
def _propagate_request_id(headers=None, **kwargs):
    if headers is not None and request_id_var.get() != "-":
        headers.setdefault("request_id", request_id_var.get())


@signals.task_prerun.connect
def _bind_task(task_id=None, task=None, **kwargs):
    task_id_var.set(task_id or "-")
    request_id_var.set(getattr(task.request, "request_id", None) or "-")


@signals.task_postrun.connect
def _unbind_task(**kwargs):
    task_id_var.set("-")
    request_id_var.set("-")


@signals.task_failure.connect
def _log_task_failure(task_id=None, exception=None, sender=None, **kwargs):
    logging.getLogger("concord.tasks").error(
        "task %s[%s] failed: %r", getattr(sender, "name", "?"), task_id, exception
    )
