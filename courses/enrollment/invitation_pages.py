"""The invitee's page: what they are invited to, and accept or decline (POST only).

The link leads a person without an account through sign-up (their address prefilled
and, as the link proves they own it, verified), a person with one through sign-in, then
the profile, back here. Accepting by another signed-in account (a forwarded link) is
refused with the reason; so are an expired, revoked, declined or used link.

GET records the first opening ("opened" in the coordinators' list) and nothing else.
"""

from __future__ import annotations

from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from courses.enrollment import invitations
from courses.enrollment.invitations import ForwardedInvitation, InvitationError
from courses.enrollment.services import ProfileRequired
from courses.enrollment.views import enrollment_message
from participants.http import private_page
from participants.selectors import profile_of


def _page(request, invitation, *, token, status=200, **context):
    return render(
        request,
        "courses/invitations/invitation.html",
        {
            "invitation": invitation,
            "session": invitation.session if invitation else None,
            "token": token,
            "masked_email": invitations.masked(invitation.email) if invitation else "",
            **context,
        },
        status=status,
    )


@private_page
@require_http_methods(["GET", "HEAD", "POST"])
def invitation_view(request, token):
    invitation = invitations.find(token)
    now = timezone.now()
    if invitation is None:
        return _page(request, None, token=token, status=404, refusal=invitations.refusal(None, now))
    user = request.user
    if request.method == "POST":
        return _act(request, invitation, token=token)
    if invitation.accepted_at and user.is_authenticated and invitation.accepted_by_id == user.pk:
        return redirect("my_learning")
    refusal = invitations.refusal(invitation, now)
    if refusal:
        return _page(request, invitation, token=token, status=410, refusal=refusal)
    invitations.mark_opened(invitation, now)
    here = reverse("invitation", args=[token])
    if not user.is_authenticated:
        # The link reached this address: a sign-up with it needs no second confirmation.
        get_adapter(request).stash_verified_email(request, invitation.email)
        return _page(
            request,
            invitation,
            token=token,
            step="account",
            signup_url=reverse("account_signup")
            + "?"
            + urlencode({"email": invitation.email, "next": here}),
            login_url=reverse("account_login") + "?" + urlencode({"next": here}),
        )
    if not invitations.email_matches(user, invitation):
        return _page(
            request,
            invitation,
            token=token,
            status=403,
            step="forwarded",
            refusal=_(
                "This invitation was sent to %(email)s, not to the account you are signed in "
                "with (%(you)s). It cannot be used from this account. If it is yours, sign "
                "out, then open the link again."
            )
            % {"email": invitations.masked(invitation.email), "you": user.email},
        )
    if profile_of(user) is None:
        return _page(
            request,
            invitation,
            token=token,
            step="profile",
            profile_url=reverse("profile") + "?" + urlencode({"next": here}),
        )
    return _page(request, invitation, token=token, step="accept")


def _act(request, invitation, *, token):
    action = request.POST.get("action")
    user = request.user
    here = reverse("invitation", args=[token])
    if action == "decline":
        try:
            invitations.decline(invitation=invitation, user=user)
        except InvitationError as refusal:
            return _page(request, invitation, token=token, status=409, refusal=str(refusal))
        return _page(request, invitation, token=token, step="declined")
    if action != "accept":
        return redirect(here)
    if not user.is_authenticated:
        return redirect(reverse("account_login") + "?" + urlencode({"next": here}))
    try:
        enrollment = invitations.accept(invitation=invitation, user=user)
    except ProfileRequired as refusal:
        messages.info(request, str(refusal))
        return redirect(reverse("profile") + "?" + urlencode({"next": here}))
    except ForwardedInvitation as refusal:
        return _page(
            request, invitation, token=token, status=403, step="forwarded", refusal=str(refusal)
        )
    except InvitationError as refusal:
        return _page(request, invitation, token=token, status=409, refusal=str(refusal))
    messages.success(request, enrollment_message(enrollment, title=invitation.session.course.title))
    return redirect("my_learning")
