"""What every admin screen about one session shares: finding the session among the
user's own (``courses.access``), the header (its code as the subtitle) and the
breadcrumbs back to it."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from courses.access import SessionScopedMixin, sessions_for
from courses.models import CourseSession


class SessionScreenMixin(SessionScopedMixin):
    """A screen about one session (``self.session``, from the URL's ``pk``), found among
    the sessions in the screen's ``session_scope`` or answered with 404.

    ``find_on_setup``: look the session up before the view runs (the default), or only
    when first used, for the screens whose saves leave the check to the service, which
    makes it in the query that locks the session (one query less on a fast path).

    Breadcrumbs lead back to the session under Sessions (``trail = "sessions"``, for
    coordinators' screens) or under Attendance (``"attendance"``, for the screens
    trainers use too: they cannot edit sessions)."""

    trail = "sessions"
    find_on_setup = True

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if self.find_on_setup:
            self.session  # noqa: B018 - a session out of scope is a 404 before anything runs

    @cached_property
    def session(self) -> CourseSession:
        return get_object_or_404(
            self.sessions_in_scope().select_related("course"), pk=self.kwargs["pk"]
        )

    @cached_property
    def runs_session(self) -> bool:
        """Coordinators (not trainers) decide completion and edit the session."""
        return sessions_for(self.request.user).filter(pk=self.session.pk).exists()

    def get_page_subtitle(self):
        return self.session.code

    def get_breadcrumbs_items(self):
        pk = self.session.pk
        if self.trail == "attendance":
            parents = [
                (reverse("course_attendance:index"), _("Attendance")),
                (reverse("course_attendance:sheet", args=[pk]), self.session.code),
            ]
        else:
            parents = [
                (reverse("course_sessions:index"), _("Sessions")),
                (reverse("course_sessions:edit", args=[pk]), self.session.code),
            ]
        return [
            *self.breadcrumbs_items,
            *({"url": url, "label": label} for url, label in parents),
            {"url": "", "label": self.page_title},
        ]


# A confirmation page names this many people at most, then says how many more.
NAMES_SHOWN = 20


def email_confirmation(names: list[str], **context) -> dict:
    """The context of ``courses/admin/confirm_emails.html``: who will be emailed (the
    first ``NAMES_SHOWN`` names, and how many more) and the screen's own ``context``
    (intro, hidden, action_url, confirm_label, button_class, cancel_url)."""
    shown = names[:NAMES_SHOWN]
    return {
        "people_count": len(names),
        "shown": shown,
        "hidden_count": len(names) - len(shown),
        **context,
    }
