"""Writes behind the reports: bringing the figures the database keeps per session and
per group up to date (migrations 0023, 0026).

The report itself never writes (a GET changes nothing): it reads the kept figures and
counts the sessions still flagged stale from their enrollments and marks in the same
statement (``courses.reports.selectors``). This refresh only keeps that number of
sessions small; the Celery beat runs it (``courses.tasks.refresh_report_figures``,
every ``REPORT_FIGURES_REFRESH_EVERY`` seconds).
"""

from __future__ import annotations

from django.db import connection


def refresh_figures(cursor=None) -> int:
    """Bring ``SessionFigures`` and ``GroupFigures`` up to date: recount the sessions
    flagged stale and those where a meeting has started since, and move the group sums
    by the difference (``concord_refresh_session_figures``). One statement, its own
    transaction unless called inside one; refreshes run one at a time (an advisory
    lock), and one that finds nothing stale writes nothing, so calling it twice, or from
    two workers at once, is safe. Returns the number of sessions recounted."""
    if cursor is None:
        with connection.cursor() as cursor:
            return refresh_figures(cursor)
    cursor.execute("SELECT concord_refresh_session_figures()")
    recounted = cursor.fetchone()[0]
    if recounted >= BULK:
        # After a bulk load (every session flagged), the tables' sizes changed by orders
        # of magnitude: the report's plans (the title index for a page of courses) need
        # the statistics now, not when autovacuum comes by.
        cursor.execute("ANALYZE courses_sessionfigures, courses_groupfigures")
    return recounted


#: Sessions recounted at once beyond which the statistics are gathered again.
BULK = 1_000
