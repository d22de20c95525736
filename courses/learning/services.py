"""What a participant's own learning records: the training modules they open, and the
private address of their calendar feed."""

from __future__ import annotations

from django.db import connection
from django.utils import timezone
from wagtail.models import Page

from courses.models import (
    ROSTER,
    CalendarFeed,
    CourseSession,
    Enrollment,
    ModuleVisit,
    new_feed_secret,
)


def record_module_visit(*, user, module, now=None) -> None:
    """Note that ``user`` opened ``module`` (a ModulePage), if they hold or held a seat in
    a session of its course: completion may require opening some modules.

    One statement whatever happens (it runs on every module view): the insert carries its
    own condition and ``ON CONFLICT DO NOTHING``, so the first opening is kept and calling
    it again changes nothing. Trainers, coordinators and editors are not recorded.
    """
    now = now or timezone.now()
    quote = connection.ops.quote_name
    visit, enrollment, session, page = (
        quote(model._meta.db_table) for model in (ModuleVisit, Enrollment, CourseSession, Page)
    )
    # A session belongs to its course in every language: opening a translation of a
    # module counts as opening the module of the course page the session is attached
    # to (the translation of ``module`` that is a child of that page).
    sql = (
        f"INSERT INTO {visit} (user_id, module_id, first_opened_at) "  # noqa: S608 - table names
        f"SELECT DISTINCT %s, m.id, %s::timestamptz FROM {page} m "
        f"JOIN {page} p ON m.path LIKE p.path || '%%' AND m.depth = p.depth + 1 "
        f"JOIN {session} s ON s.course_id = p.id "
        f"JOIN {enrollment} e ON e.session_id = s.id "
        "WHERE m.translation_key = %s AND e.participant_id = %s AND e.status IN (%s, %s, %s) "
        f"AND p.translation_key = (SELECT translation_key FROM {page} WHERE path = %s) "
        "ON CONFLICT (user_id, module_id) DO NOTHING"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            [
                user.pk,
                now,
                module.translation_key,
                user.pk,
                *ROSTER,
                module.path[: -module.steplen],
            ],
        )


def calendar_feed_of(user) -> CalendarFeed:
    """``user``'s private calendar feed, made on first need: one query once it exists.

    Two first visits at once both end with the same row (the unique user column decides,
    ``get_or_create`` reads the winner's)."""
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


def reset_calendar_feed(*, user) -> CalendarFeed:
    """Give ``user``'s feed a new secret: the old address answers 404 from now on.

    Calling it twice just changes the secret twice."""
    feed, _created = CalendarFeed.objects.update_or_create(
        user=user, defaults={"secret": new_feed_secret(), "created_at": timezone.now()}
    )
    return feed
