"""What is kept only for a while after a session ends: its application files and
supervisors' comments go ``APPLICATION_RECORDS_RETENTION_DAYS`` after its last day.
Registered with ``participants.retention`` from ``CoursesConfig.ready``."""

from __future__ import annotations

from django.utils import timezone

from courses.enrollment.application_records import purge_for_sessions
from courses.sessions.selectors import sessions_past_record_keeping


def purge_application_records(*, now=None) -> int:
    """The daily purge (idempotent, its own transaction): returns how many application
    files and supervisors' comments it deleted."""
    return purge_for_sessions(sessions_past_record_keeping(now=now or timezone.now()))
