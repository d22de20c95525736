"""What a participant's own learning records: the training modules they open."""

from __future__ import annotations

from django.db import connection
from django.utils import timezone
from wagtail.models import Page

from courses.models import ROSTER, CourseSession, Enrollment, ModuleVisit


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
    sql = (
        f"INSERT INTO {visit} (user_id, module_id, first_opened_at) "  # noqa: S608 - table names
        "SELECT %s, %s, %s WHERE EXISTS ("
        f"SELECT 1 FROM {enrollment} e JOIN {session} s ON s.id = e.session_id "
        f"JOIN {page} p ON p.id = s.course_id "
        "WHERE e.participant_id = %s AND e.status IN (%s, %s, %s) AND p.path = %s"
        ") ON CONFLICT (user_id, module_id) DO NOTHING"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            [user.pk, module.pk, now, user.pk, *ROSTER, module.path[: -module.steplen]],
        )
