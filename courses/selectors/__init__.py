"""Reads that several screens share, one module per area; import them from here.

``enrollment``: sessions, seats, review queues, rosters, balance and learners' views.
``attendance``: the attendance sheet, completion progress and hours attended.
"""

from .attendance import attended_hours, attended_hours_by_enrollment
from .enrollment import (
    LISTED,
    NOT_GIVEN,
    OPEN_STATUSES,
    REVIEWABLE,
    ROSTER,
    BalanceRow,
    LearningRow,
    SessionBalance,
    SessionRow,
    StaffRow,
    colleagues_of,
    focal_organizations,
    learning_of,
    organization_enrollments,
    review_queue,
    roster,
    session_balance,
    sessions_for,
    sessions_open_for_enrollment,
    split_by_date,
    upcoming_sessions,
    waitlist_positions,
    with_seat_counts,
)

__all__ = [
    "LISTED",
    "NOT_GIVEN",
    "OPEN_STATUSES",
    "REVIEWABLE",
    "ROSTER",
    "BalanceRow",
    "LearningRow",
    "SessionBalance",
    "SessionRow",
    "StaffRow",
    "attended_hours",
    "attended_hours_by_enrollment",
    "colleagues_of",
    "focal_organizations",
    "learning_of",
    "organization_enrollments",
    "review_queue",
    "roster",
    "session_balance",
    "sessions_for",
    "sessions_open_for_enrollment",
    "split_by_date",
    "upcoming_sessions",
    "waitlist_positions",
    "with_seat_counts",
]
