"""Per-session admin screens of the sessions slice: telling the confirmed people of a
change of venue, joining details or agenda, and copying a session into a new edition.

Views are thin: a form or a confirmation, one service call, a message, a redirect.
Sessions outside the user's own answer 404 (``SessionScreenMixin``).
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from courses.enrollment.services import EnrollmentError
from courses.screens import SessionScreenMixin
from courses.sessions.services import announce_session_change, confirmed_count


class AnnounceChangeView(SessionScreenMixin, WagtailAdminTemplateMixin, TemplateView):
    """ "Tell the confirmed people": a confirmation naming how many, then one email each
    with the session's updated calendar. Offered after an edit of the venue, the joining
    details or a sitting; nothing is sent on GET."""

    template_name = "courses/admin/session_announce.html"
    page_title = gettext_lazy("Tell the confirmed participants")
    header_icon = "mail"

    @cached_property
    def count(self) -> int:
        return confirmed_count(self.session)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            session=self.session,
            count=self.count,
            edit_url=reverse("course_sessions:edit", args=[self.session.pk]),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not self.count:
            messages.error(request, _("Nobody is confirmed in this session yet: nobody to tell."))
            return redirect("course_sessions:edit", self.session.pk)
        try:
            sent = announce_session_change(
                session=self.session, by=request.user, confirmed_only=True
            )
        except EnrollmentError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                ngettext(
                    "%(n)d confirmed participant will get an email with the updated calendar.",
                    "%(n)d confirmed participants will get an email with the updated calendar.",
                    sent,
                )
                % {"n": sent},
            )
        return redirect("course_sessions:edit", self.session.pk)
