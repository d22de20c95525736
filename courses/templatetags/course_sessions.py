"""Operational data on content pages: cms templates load this, cms code never imports it."""

from django import template
from django.contrib.auth.models import AnonymousUser

from courses.enrollment import selectors as enrollment

register = template.Library()


@register.simple_tag(takes_context=True)
def upcoming_sessions(context, course=None, limit=None):
    """``{% upcoming_sessions course=page as rows %}``: sessions with seats and actions."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None:
        user = AnonymousUser()
    return enrollment.upcoming_sessions(user=user, course=course, limit=limit)
