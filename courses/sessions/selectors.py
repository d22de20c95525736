"""Reads about sessions that several pages share: the viewer's own time zone for the
agenda; the sessions whose application records are past keeping."""

from __future__ import annotations

import functools
from datetime import timedelta
from importlib import resources

from django.conf import settings
from django.utils import timezone

from participants.selectors import profile_of

from ..models import CourseSession


@functools.cache
def _zones_by_country() -> dict[str, list[str]]:
    """ISO country code → its time zones, from the IANA database's zone.tab (the tzdata
    package zoneinfo reads)."""
    zones: dict[str, list[str]] = {}
    text = resources.files("tzdata").joinpath("zoneinfo/zone.tab").read_text()
    for line in text.splitlines():
        if line and not line.startswith("#"):
            country, _coordinates, zone, *_comments = line.split("\t")
            zones.setdefault(country, []).append(zone)
    return zones


def viewer_zone(user) -> str | None:
    """The time zone of a person's duty station, when its country has only one (most
    do); None otherwise, and the agenda then shows the session's zone alone. Server-side,
    from the profile: no script needed."""
    if user is None or not user.is_authenticated:
        return None
    profile = profile_of(user)
    country = str(getattr(profile, "duty_station", "") or "")
    zones = _zones_by_country().get(country, [])
    return zones[0] if len(zones) == 1 else None


def sessions_past_record_keeping(*, now):
    """Sessions whose last day is more than ``APPLICATION_RECORDS_RETENTION_DAYS`` before
    ``now``: their application files and supervisor comments are no longer kept
    (participants.retention; a purge registered there deletes them)."""
    last_kept = timezone.localdate(now) - timedelta(
        days=settings.APPLICATION_RECORDS_RETENTION_DAYS
    )
    return CourseSession.objects.filter(ends_on__lt=last_kept)
