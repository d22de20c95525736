"""Business actions on running courses, one module per area; import them from here.

``enrollment``: seats, the waitlist and coordinators' decisions.
"""

from .enrollment import (
    CAPACITY_ACTION,
    DECIDE_ACTION,
    HELD,
    NOTIFIED_CHANGES,
    QUOTA_ACTION,
    EnrollmentError,
    ProfileRequired,
    SeatBook,
    announce_session_change,
    apply_session_edit,
    cancel_session,
    change_capacity,
    decide,
    enroll,
    generate_meetings,
    is_coordinator,
    is_focal_point,
    promote_from_waitlist,
    set_quota,
    waitlist_position,
    withdraw,
)

__all__ = [
    "CAPACITY_ACTION",
    "DECIDE_ACTION",
    "HELD",
    "NOTIFIED_CHANGES",
    "QUOTA_ACTION",
    "EnrollmentError",
    "ProfileRequired",
    "SeatBook",
    "announce_session_change",
    "apply_session_edit",
    "cancel_session",
    "change_capacity",
    "decide",
    "enroll",
    "generate_meetings",
    "is_coordinator",
    "is_focal_point",
    "promote_from_waitlist",
    "set_quota",
    "waitlist_position",
    "withdraw",
]
