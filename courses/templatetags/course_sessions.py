"""Operational data on content pages: cms templates load this, cms code never imports it."""

import hashlib

from django import template
from django.contrib.auth.models import AnonymousUser
from django.utils.functional import cached_property

from courses.access import joining_details_visible
from courses.enrollment import selectors as enrollment
from courses.models import CourseSession

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
    return SessionRows(rows)


class SessionRows(list):
    """The rows, and ``digest``: a fingerprint of everything the list shows of them (each
    session's fields, its seat counts, the visitor's enrollment and what they may do and
    see). The page keeps the list's rendering under it (``published_fragment``): a seat
    taken or a session edited gives another digest, so it is never shown stale."""

    @cached_property
    def digest(self) -> str:
        state = [
            (
                tuple(getattr(row.session, name) for name in FIELDS),
                row.confirmed,
                row.waitlisted,
                row.enrollment and (row.enrollment.pk, row.enrollment.status),
                row.can_enroll,
                row.joining,
            )
            for row in self
        ]
        return hashlib.blake2b(repr(state).encode(), digest_size=16).hexdigest()


FIELDS = [field.attname for field in CourseSession._meta.concrete_fields]
