"""State tags of the admin screens: one place that says what a state means (its tone),
so SENT reads as done, FAILED as a problem and PENDING as under way on every screen.

``{% load course_states %}``, then
``{% state_tag certificate.state certificate.get_state_display %}``.
The tag is Wagtail's status tag (``w-status``) with a tone class of ours
(``concord-state--positive`` …, in ``courses/admin/states.css``): Wagtail 8 styles only
a primary and a disabled status, so the tones are drawn from its palette variables."""

from django import template
from django.utils.html import format_html

register = template.Library()

POSITIVE, CRITICAL, WARNING, INFO, NEUTRAL = "positive", "critical", "warning", "info", "neutral"

# Values of Certificate.State, Enrollment.Status and the completion rule ("met").
TONES = {
    # certificates
    "sent": POSITIVE,
    "rendered": INFO,
    "pending": WARNING,
    "failed": CRITICAL,
    "revoked": NEUTRAL,
    # enrollments
    "confirmed": POSITIVE,
    "completed": POSITIVE,
    "requested": WARNING,
    "waitlisted": INFO,
    "nominated": WARNING,
    "rejected": CRITICAL,
    "not_completed": CRITICAL,
    "withdrawn": NEUTRAL,
    "cancelled": NEUTRAL,
    # invitations
    "sending": WARNING,
    "opened": INFO,
    "accepted": POSITIVE,
    "declined": CRITICAL,
    "expired": NEUTRAL,
    # the completion rule
    "met": POSITIVE,
    # donor summaries (pending and failed as above)
    "ready": POSITIVE,
    "not_met": CRITICAL,
}


def tone_of(state) -> str:
    return TONES.get(str(state), NEUTRAL)


@register.simple_tag
def state_tag(state, label):
    """A status tag for ``state`` (a stored value such as "sent"), reading ``label``."""
    return format_html(
        '<span class="w-status concord-state concord-state--{}" data-state="{}">{}</span>',
        tone_of(state),
        state,
        label,
    )
