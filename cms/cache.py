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

from django.core.cache import cache

VERSION_KEY = "cms:content-version"
TIMEOUT = 300


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
    versioned = f"cms:{content_version()}:{key}"
    value = cache.get(versioned)
    if value is None:
        value = build()
        cache.set(versioned, value, timeout=TIMEOUT)
    return value


def published(request, key: str, build):
    """``cached(key, build)`` when serving the published site; ``build()`` in a preview.

    An editor's preview shows a draft, whose relations (areas, partners, modules not yet
    live) are not those of the published page the cache holds.
    """
    if getattr(request, "is_preview", False):
        return build()
    return cached(key, build)
