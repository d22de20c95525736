"""What the public site shows, cached until an editor changes it.

A single *content version* stands for everything visitors can see: it changes when a
page is published, unpublished, moved or deleted, when a site is edited, and when a
thematic area or an organization changes. Cached values carry the version in their key,
so a change makes every one of them unreachable at once; they also expire after
``TIMEOUT`` seconds, which bounds staleness where the cache is not shared between
processes (the local-memory cache of a development run).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache

VERSION_KEY = "cms:content-version"
TIMEOUT = 300
#: Values the in-process layer (``local_cached``) keeps at most; it starts again when full.
LOCAL_ENTRIES = 2000


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def bump_content_version(**kwargs) -> None:
    """Signal receiver: what visitors see has changed."""
    # A new value rather than an increment: two bumps at once still leave a new version.
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def cached[T](key: str, build: Callable[[], T]) -> T:
    """``build()``'s value, cached under ``key`` for the current content version."""
    return _cached_for(content_version(), key, build)


def published(request, key: str, build):
    """``cached(key, build)`` when serving the published site; ``build()`` in a preview.

    An editor's preview shows a draft, whose relations (areas, partners, modules not yet
    live) are not those of the published page the cache holds.
    """
    if getattr(request, "is_preview", False):
        return build()
    return cached(key, build)


class _LocalLayer:
    """What this process last read: the content version, when, and values built for it."""

    version: int | None = None
    read_at = float("-inf")
    started_at = float("-inf")
    values: dict[str, object] = {}


def local_content_version() -> int:
    """The content version, read from the shared cache at most once every
    ``CMS_LOCAL_CACHE_SECONDS`` by this process (every time when it is 0, as in tests).

    A publish therefore reaches every process within that time, as the site middleware
    already accepts (``cms.middleware``). A new version empties the in-process values,
    and so does their age reaching ``TIMEOUT``, the bound the shared cache keeps too.
    """
    now = time.monotonic()
    if now - _LocalLayer.read_at >= settings.CMS_LOCAL_CACHE_SECONDS:
        version = content_version()
        if version != _LocalLayer.version or now - _LocalLayer.started_at >= TIMEOUT:
            _LocalLayer.version, _LocalLayer.values = version, {}
            _LocalLayer.started_at = now
        _LocalLayer.read_at = now
    return _LocalLayer.version


def local_cached[T](key: str, build: Callable[[], T], *, shared: bool = True) -> T:
    """``cached(key, build)`` with an in-process layer in front of the shared cache.

    A hit costs a dictionary look-up: no Redis round trip and no unpickling (issue 20).
    The value is shared by every request of this process, so callers must not change it
    (store strings, tuples, or objects the caller copies before use). ``None`` is not
    kept: ``build`` runs again next time. ``shared=False`` keeps the value in this process
    only, for keys a visitor can multiply (a query string): the local layer is bounded
    (``LOCAL_ENTRIES``), the shared cache is not.
    """
    version = local_content_version()
    values = _LocalLayer.values
    try:
        return values[key]
    except KeyError:
        pass
    value = _cached_for(version, key, build) if shared else build()
    if value is None:
        return None
    if len(values) >= LOCAL_ENTRIES:
        values.clear()
    values[key] = value
    return value


def _cached_for[T](version: int, key: str, build: Callable[[], T]) -> T:
    """``build()``'s value, in the shared cache under ``key`` for ``version``; ``None`` is
    not kept."""
    versioned = f"cms:{version}:{key}"
    value = cache.get(versioned)
    if value is None:
        value = build()
        if value is not None:
            cache.set(versioned, value, timeout=TIMEOUT)
    return value
