"""The page of an organization's focal point: its staff's enrollments, and nominations.

Only focal points see it; anyone else, and any organization the person is not a focal
point of, gets a 404. Reading changes nothing; a nomination is one POST, one call of
``services.enroll``, then a redirect back (POST-redirect-GET).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods

from courses.enrollment import invitations
from courses.enrollment.selectors import (
    colleagues_of,
    focal_organizations,
    organization_enrollments,
    sessions_open_for_enrollment,
    waitlist_position,
)
from courses.enrollment.services import EnrollmentError, enroll
from courses.models import CourseSession, Enrollment
from participants.http import private_page
from participants.selectors import person_name

JUSTIFICATION_MAX = Enrollment._meta.get_field("justification").max_length
# The policy's full label explains it; in a list of sessions a word is enough.
POLICY_NAMES = {
    CourseSession.Policy.OPEN: gettext_lazy("open enrollment"),
    CourseSession.Policy.APPROVAL: gettext_lazy("approval by coordinators"),
    CourseSession.Policy.NOMINATION: gettext_lazy("nomination"),
    CourseSession.Policy.INVITATION: gettext_lazy("by invitation"),
}


class ColleagueField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, profile):
        return f"{person_name(profile.user)} · {profile.job_title}"


class OpenSessionField(forms.ModelChoiceField):
    def label_from_instance(self, session: CourseSession):
        dates = "{} \u2013 {}".format(
            formats.date_format(session.starts_on, "j M Y"),
            formats.date_format(session.ends_on, "j M Y"),
        )
        return " · ".join(
            [
                f"{session.course.title} ({session.code})",
                dates,
                str(session.place),
                str(POLICY_NAMES[session.policy]),
            ]
        )


class NominationForm(forms.Form):
    """Who, for which session, and why; choices limited to the focal point's organization."""

    # Named in the singular for the links and bookmarks of the one-person form; it takes
    # several colleagues at once (each nominated on their own, with the same reasons).
    colleague = ColleagueField(
        queryset=None,
        label=gettext_lazy("Colleagues"),
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Staff of your organization who have completed their profile: tick one or several."
        ),
        error_messages={
            "required": gettext_lazy("Choose the colleague you nominate."),
            "invalid_choice": gettext_lazy("Choose a colleague from your organization."),
        },
    )
    session = OpenSessionField(
        queryset=None,
        label=gettext_lazy("Session"),
        empty_label=gettext_lazy("Choose a session"),
        help_text=gettext_lazy("Sessions open for enrollment now."),
        error_messages={
            "required": gettext_lazy("Choose a session."),
            "invalid_choice": gettext_lazy("Choose a session that is open for enrollment."),
        },
    )
    justification = forms.CharField(
        label=gettext_lazy("Justification"),
        max_length=JUSTIFICATION_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy(
            "Why this colleague, and why this session: the coordinators read it when they "
            "decide (at most 1000 characters)."
        ),
        error_messages={
            "required": gettext_lazy("Say in a few words why you nominate this person."),
        },
    )

    def __init__(self, *args, organization, focal_point, now, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["colleague"].queryset = colleagues_of(organization, exclude_user=focal_point)
        self.fields["session"].queryset = sessions_open_for_enrollment(now).exclude(
            policy=CourseSession.Policy.INVITATION
        )


class InviteColleaguesForm(forms.Form):
    """Colleagues with no account yet: an invitation each; accepting is the nomination."""

    emails = forms.CharField(
        label=gettext_lazy("Their email addresses"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "One a line, optionally followed by a comma and the name. Each gets a personal "
            "link to create their account; their nomination reaches the coordinators when "
            "they accept."
        ),
        error_messages={"required": gettext_lazy("Write at least one email address.")},
    )
    session = OpenSessionField(
        queryset=None,
        label=gettext_lazy("Session"),
        empty_label=gettext_lazy("Choose a session"),
        help_text=gettext_lazy("Sessions by nomination, open for enrollment now."),
        error_messages={
            "required": gettext_lazy("Choose a session."),
            "invalid_choice": gettext_lazy("Choose a session that is open for enrollment."),
        },
    )
    justification = forms.CharField(
        label=gettext_lazy("Justification"),
        max_length=JUSTIFICATION_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Why these colleagues: the coordinators read it when they decide."),
        error_messages={
            "required": gettext_lazy("Say in a few words why you nominate these colleagues."),
        },
    )

    def __init__(self, *args, now, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = sessions_open_for_enrollment(now).filter(
            policy=CourseSession.Policy.NOMINATION
        )

    def clean_emails(self):
        try:
            rows = invitations.parse_list(self.cleaned_data["emails"])
        except invitations.InvitationError as error:
            raise forms.ValidationError(str(error)) from error
        if not rows:
            raise forms.ValidationError(_("Write at least one email address."))
        return rows


def _organization(request):
    """The organization the page is about: the one asked for (``?org=``), else the first."""
    organizations = focal_organizations(request.user)
    if not organizations:
        raise Http404
    acronym = request.GET.get("org")
    if acronym is None:
        return organizations[0], organizations
    for organization in organizations:
        if organization.acronym == acronym:
            return organization, organizations
    raise Http404


def _page_url(organization, organizations) -> str:
    url = reverse("focal_point")
    if len(organizations) > 1:
        url += "?" + urlencode({"org": organization.acronym})
    return url


def nomination_message(enrollment: Enrollment, colleague, *, created: bool) -> str:
    name = person_name(colleague.user)
    course = enrollment.session.course.title
    status = enrollment.get_status_display()
    if not created:
        return _(
            "%(name)s already has an enrollment in %(course)s (%(status)s): nothing was changed."
        ) % {"name": name, "course": course, "status": status}
    if enrollment.status == Enrollment.Status.CONFIRMED:
        return _("%(name)s is nominated for %(course)s: their place is confirmed.") % {
            "name": name,
            "course": course,
        }
    if enrollment.status == Enrollment.Status.WAITLISTED:
        return _(
            "%(name)s is nominated for %(course)s: the session is full, so they are "
            "number %(n)s on the waitlist."
        ) % {"name": name, "course": course, "n": waitlist_position(enrollment)}
    return _(
        "%(name)s is nominated for %(course)s: the request is with the coordinators (%(status)s)."
    ) % {"name": name, "course": course, "status": status}


def _nominate_each(request, form, now) -> None:
    """Each ticked colleague nominated in their own transaction: a refusal for one (a
    closed session, say) is told for that person while the others go through."""
    session = form.cleaned_data["session"]
    for colleague in form.cleaned_data["colleague"]:
        try:
            enrollment = enroll(
                participant=colleague.user,
                session=session,
                nominated_by=request.user,
                justification=form.cleaned_data["justification"],
                now=now,
            )
        except EnrollmentError as refusal:
            messages.error(request, f"{person_name(colleague.user)}: {refusal}")
            continue
        # enroll() returns an existing enrollment unchanged; a new one carries our time.
        created = enrollment.requested_at == now and enrollment.nominated_by_id == request.user.pk
        notify = messages.success if created else messages.warning
        notify(request, nomination_message(enrollment, colleague, created=created))


def _invite_colleagues(request, form, organization, now) -> bool:
    rows = form.cleaned_data["emails"]
    for row in rows:
        row.organization = row.organization or organization.acronym
    try:
        sent = invitations.invite(
            session=form.cleaned_data["session"],
            by=request.user,
            rows=rows,
            nominated_by=request.user,
            justification=form.cleaned_data["justification"],
            now=now,
        )
    except invitations.InvitationError as refusal:
        checked = invitations.check_list(form.cleaned_data["session"], rows)
        details = "; ".join(f"{p.email or p.line}: {p.problem}" for p in checked.problems)
        form.add_error(None, f"{refusal} {details}".strip())
        return False
    messages.success(
        request,
        ngettext(
            "%(n)d colleague invited: their nomination reaches the coordinators when they accept.",
            "%(n)d colleagues invited: their nominations reach the coordinators when they accept.",
            len(sent),
        )
        % {"n": len(sent)},
    )
    return True


@private_page
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def focal_point(request):
    organization, organizations = _organization(request)
    now = timezone.now()
    posted = request.POST if request.method == "POST" else None
    inviting = posted is not None and posted.get("form") == "invite"
    form = NominationForm(
        None if inviting else posted,
        organization=organization,
        focal_point=request.user,
        now=now,
    )
    invite_form = InviteColleaguesForm(posted if inviting else None, now=now, prefix="invite")
    if (
        inviting
        and invite_form.is_valid()
        and _invite_colleagues(request, invite_form, organization, now)
    ):
        return redirect(_page_url(organization, organizations))
    if form.is_valid():
        _nominate_each(request, form, now)
        return redirect(_page_url(organization, organizations))
    upcoming, past = organization_enrollments(organization)
    return render(
        request,
        "courses/focal/nominations.html",
        {
            "organization": organization,
            "organizations": organizations,
            "form": form,
            "invite_form": invite_form,
            "form_action": _page_url(organization, organizations),
            "upcoming": upcoming,
            "past": past,
        },
    )
