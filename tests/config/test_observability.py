"""Logs let an operator follow a request and the tasks it queued."""

import logging

import pytest

from config.celery import app
from config.observability import ContextFilter, request_id_var

pytestmark = pytest.mark.django_db


def test_request_id_is_made_returned_and_logged(client, caplog, site_tree):
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get("/no-such-page/")
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    record = next(r for r in caplog.records if r.name == "django.request")
    ContextFilter().filter(record)
    # The 404 warning is emitted inside the request, so it carries the id.
    assert response.status_code == 404
    assert getattr(record, "request_id", None) in (request_id, "-")


def test_trusted_request_id_is_kept_and_junk_replaced(client, site_tree):
    kept = client.get("/", headers={"x-request-id": "edge-1234"})
    assert kept["X-Request-ID"] == "edge-1234"
    replaced = client.get("/", headers={"x-request-id": "bad id\nwith newline"})
    assert replaced["X-Request-ID"] != "bad id\nwith newline"


@app.task(name="tests.explode")
def explode():
    logging.getLogger("tests").warning("about to fail")
    raise RuntimeError("boom")


def test_task_logs_carry_the_task_id_and_failures_are_logged(caplog):
    records = []

    class Capture(logging.Handler):
        def emit(self, record):
            ContextFilter().filter(record)
            records.append(record)

    handler = Capture()
    logging.getLogger().addHandler(handler)
    try:
        token = request_id_var.set("req-42")
        try:
            result = explode.apply(task_id="task-abc", headers={"request_id": "req-42"})
        finally:
            request_id_var.reset(token)
    finally:
        logging.getLogger().removeHandler(handler)
    assert result.failed()
    inside = next(r for r in records if r.getMessage() == "about to fail")
    assert inside.task_id == "task-abc"
    failure = next(r for r in records if r.name == "concord.tasks")
    assert "task-abc" in failure.getMessage() and "boom" in failure.getMessage()
