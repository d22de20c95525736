"""What every call to ``/api/`` goes through, before and after its endpoint.

Before: a ``Bearer`` token is looked up (an unknown or revoked one is refused at once
with 401, so revoking stops a client on its next call) and the call is counted against
the caller's budget (``API_RATE_LIMIT`` per ``API_RATE_WINDOW`` seconds, per token, or
per client address without one), in the cache: with Redis down the counters are gone
and calls go through (config/cache.py), as for every throttle of the site.
After: a call made with a token is recorded (``ApiCall``: method, path without its query
string, status; never the secret) and a successful GET gets an ``ETag``, answered with
304 when the client's ``If-None-Match`` matches.
"""

from __future__ import annotations

import hashlib
import ipaddress
import logging
import time

from django.conf import settings
from django.utils.cache import patch_vary_headers

from api.problems import problem
from api.tokens import active_token, note_use
from courses.access import count_hit
from courses.models import ApiCall
from participants.http import client_ip

logger = logging.getLogger("api.calls")
PREFIX = "/api/"


def _bearer(request) -> str | None:
    header = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _, secret = header.partition(" ")
    if scheme.lower() != "bearer":
        return None
    return secret.strip()


def _address(request) -> str | None:
    address = client_ip(request)
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return None
    return address


def _etag(response) -> str:
    return '"' + hashlib.blake2b(response.content, digest_size=16).hexdigest() + '"'


class ApiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        request.api_token = None
        secret = _bearer(request)
        if secret is not None:
            token = active_token(secret)
            if token is None:
                response = problem(401, "This API token is unknown or was revoked.")
                response["WWW-Authenticate"] = 'Bearer error="invalid_token"'
                return response
            request.api_token = token
            # A token call is not a browser's: it carries no session and needs no CSRF.
            request._dont_enforce_csrf_checks = True
        window = settings.API_RATE_WINDOW
        caller = f"token:{request.api_token.pk}" if request.api_token else client_ip(request)
        key = f"api-rate:{caller}:{int(time.time() // window)}"
        if count_hit(key, timeout=window + 5) > settings.API_RATE_LIMIT:
            response = problem(429, "Too many calls: wait for the window to pass.")
            response["Retry-After"] = str(window)
        else:
            response = self.get_response(request)
        if response.status_code >= 400 and not response.get("Content-Type", "").startswith(
            "application/problem+json"
        ):
            # Django's own refusals (a wrong method, a CSRF failure) in the API's shape.
            response = problem(response.status_code)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            response = self._conditional(request, response)
        if request.api_token is not None:
            self._record(request, response)
        return response

    def _conditional(self, request, response):
        if getattr(response, "streaming", False):
            return response
        if not response.has_header("ETag"):
            response["ETag"] = _etag(response)
        patch_vary_headers(response, ["Authorization", "Cookie"])
        wanted = request.META.get("HTTP_IF_NONE_MATCH", "")
        if wanted and response["ETag"] in [tag.strip() for tag in wanted.split(",")]:
            response.status_code = 304
            response.content = b""
            for header in ("Content-Type", "Content-Length"):
                if response.has_header(header):
                    del response[header]
        return response

    def _record(self, request, response):
        token = request.api_token
        ApiCall.objects.create(
            token=token,
            method=request.method[:8],
            path=request.path[:300],
            status=response.status_code,
            client_ip=_address(request),
        )
        note_use(token)
        logger.info(
            "api call token=%s %s %s %s",
            token.prefix,
            request.method,
            request.path,
            response.status_code,
        )
