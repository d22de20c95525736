"""Template helpers of applications: an answer as text, an enrollment's supervisor's
clearance and its state tag (the queue), and what a person must still accept
(``{% pending_consents %}`` on My learning and at check-in)."""

from django import template
from django.utils.html import format_html

from courses.enrollment import applications, consent

register = template.Library()

CLEARANCE_TONES = applications.CLEARANCE_TONES


@register.filter
def answer_text(answer) -> str:
    return applications.answer_text(answer)


@register.filter
def clearance_of(enrollment):
    return enrollment.clearance if applications.has_clearance(enrollment) else None


@register.simple_tag
def state_tag_for_clearance(clearance):
    return format_html(
        '<span class="w-status concord-state concord-state--{}" data-state="{}">{}</span>',
        CLEARANCE_TONES.get(clearance.state, "neutral"),
        clearance.state,
        clearance.get_state_display(),
    )


@register.inclusion_tag("courses/applications/pending_consents.html", takes_context=True)
def pending_consents(context):
    """A notice listing the texts the person must (re)accept, with a link to do it."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"pending": consent.pending_for(user) if user is not None else []}
