"""Operational data on content pages: cms templates load this, cms code never imports it."""

from django import template
from django.contrib.auth.models import AnonymousUser

from courses.access import joining_details_visible
from courses.enrollment import selectors as enrollment

register = template.Library()


@register.simple_tag(takes_context=True)
def upcoming_sessions(context, course=None, limit=None):
    """``{% upcoming_sessions course=page as rows %}``: sessions with seats and actions."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None:
        user = AnonymousUser()
    rows = enrollment.upcoming_sessions(user=user, course=course, limit=limit)
    # Joining details on the card only for those the one rule lets see them (one query).
    visible = joining_details_visible(user, [row.session for row in rows])
    for row in rows:
        row.joining = row.session.pk in visible
    return rows
