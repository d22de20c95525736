"""Reads about attendance and completion: the sheet, a person's progress, hours attended.

Each function runs a fixed number of queries, whatever the number of people or meetings.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import DurationField, ExpressionWrapper, F, Sum

from ..models import ATTENDED, Attendance, Enrollment


def attended_hours_by_enrollment(enrollments: Iterable[Enrollment | int]) -> dict[int, float]:
    """Hours attended per enrollment id: the summed length of the meetings where the
    person was present or late (late counts in full). One query for any number; an
    enrollment with no attended meeting maps to 0.0."""
    ids = [e if isinstance(e, int) else e.pk for e in enrollments]
    hours = dict.fromkeys(ids, 0.0)
    if not ids:
        return hours
    rows = (
        Attendance.objects.filter(enrollment_id__in=ids, status__in=ATTENDED)
        .order_by()
        .values("enrollment_id")
        .annotate(
            total=Sum(
                ExpressionWrapper(
                    F("meeting__ends_at") - F("meeting__starts_at"), output_field=DurationField()
                )
            )
        )
    )
    for row in rows:
        hours[row["enrollment_id"]] = round(row["total"].total_seconds() / 3600, 2)
    return hours


def attended_hours(enrollment: Enrollment | int) -> float:
    """Hours ``enrollment`` attended (present or late meetings), in one query."""
    key = enrollment if isinstance(enrollment, int) else enrollment.pk
    return attended_hours_by_enrollment([key])[key]
