"""What every view needs to know about the request itself: the client's address behind
the reverse proxy, and how personal pages tell caches to keep away."""

import functools
import ipaddress

from django.core.exceptions import ImproperlyConfigured
from django.utils.cache import patch_cache_control


def client_ip(request) -> str:
    """The address every throttle of the site counts requests against.

    One setting decides it for allauth's limits and ours alike: ``ALLAUTH_TRUSTED_PROXY_COUNT``
    (the number of reverse proxies of ours in front of the site, whose ``X-Forwarded-For``
    entries are believed; 0 trusts no header, so a direct client cannot pick its own
    address) or ``ALLAUTH_TRUSTED_CLIENT_IP_HEADER``. The account adapter's
    ``get_client_ip`` calls this, so allauth's limits and ours count the same client.
    """
    from allauth.core.internal.httpkit import get_client_ip  # noqa: PLC0415 -- app registry not ready

    try:
        address = get_client_ip(request)
    except ImproperlyConfigured:
        # Fewer X-Forwarded-For entries than trusted proxies: the request did not come
        # through them, so its own header says nothing; count the connection's address.
        address = request.META.get("REMOTE_ADDR")
    try:
        return str(ipaddress.ip_address((address or "").strip()))
    except ValueError:
        return request.META.get("REMOTE_ADDR") or "unknown"


def private_page(view):
    """Mark a view's answers ``Cache-Control: private, no-store``: they show one
    person's data, which no shared cache and no browser history may keep."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=True)
        return response

    return wrapper


class PrivateAccountPagesMiddleware:
    """allauth's account pages (sign-in, email addresses, password) are personal too;
    they are allauth's views, so they are marked here rather than decorated."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = request.resolver_match
        if match is not None and match.func.__module__.startswith("allauth."):
            patch_cache_control(response, private=True, no_store=True)
        return response
