"""RFC 9457 problem details: the one shape of every error the API answers."""

from __future__ import annotations

from http import HTTPStatus

from django.http import JsonResponse

PROBLEM_TYPE = "about:blank"
CONTENT_TYPE = "application/problem+json"


def problem(status: int, detail: str = "", *, title: str | None = None, **extra) -> JsonResponse:
    """A ``application/problem+json`` answer with ``status``, its standard title, a
    ``detail`` for people, and any ``extra`` members (``errors`` of a validation)."""
    body = {
        "type": PROBLEM_TYPE,
        "title": title or HTTPStatus(status).phrase,
        "status": status,
    }
    if detail:
        body["detail"] = detail
    body.update(extra)
    response = JsonResponse(body, status=status, content_type=CONTENT_TYPE)
    response["Cache-Control"] = "no-store"
    return response
