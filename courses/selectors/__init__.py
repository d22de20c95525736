"""Reads that several screens share, one module per area; import them from here.

``enrollment``: sessions, seats, review queues, rosters, balance and learners' views.
``attendance``: the attendance sheet, completion progress and hours attended.
``certificates``: a session's certificates and progress, downloads.
"""

from .attendance import attended_hours, attended_hours_by_enrollment
from .certificates import (
    CertificateProgress,
    certificate_for_download,
    certificate_progress,
    completers_without_certificate,
    downloadable_certificates,
    session_certificates,
)
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
    "CertificateProgress",
    "LearningRow",
    "SessionBalance",
    "SessionRow",
    "StaffRow",
    "attended_hours",
    "attended_hours_by_enrollment",
    "certificate_for_download",
    "certificate_progress",
    "colleagues_of",
    "completers_without_certificate",
    "downloadable_certificates",
    "focal_organizations",
    "learning_of",
    "organization_enrollments",
    "review_queue",
    "roster",
    "session_balance",
    "session_certificates",
    "sessions_for",
    "sessions_open_for_enrollment",
    "split_by_date",
    "upcoming_sessions",
    "waitlist_positions",
    "with_seat_counts",
]
