from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from .forms import NameForm, ParticipantForm
from .selectors import focal_point_roles_of, profile_of
from .services import propose_organization


def safe_next(request) -> str | None:
    """The ``next`` of the request when it points to this site, else None."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


@login_required
def profile(request):
    """Everything stored about the signed-in person, and the form to change it.

    A person whose organization is not listed names it; it is created unreviewed
    (``propose_organization``) and is theirs to use at once. Saving also switches the
    site to the preferred language (session language cookie), then goes to a safe
    ``next`` (a page that asked for a complete profile) or back here.
    """
    participant = profile_of(request.user)
    if request.method == "POST":
        name_form = NameForm(request.POST, instance=request.user)
        form = ParticipantForm(request.POST, instance=participant)
        if name_form.is_valid() and form.is_valid():
            with transaction.atomic():
                name_form.save()
                participant = form.save(commit=False)
                participant.user = request.user
                if form.cleaned_data["new_organization"]:
                    participant.organization = propose_organization(
                        name=form.cleaned_data["new_organization"], proposed_by=request.user
                    )
                participant.save()
            language = participant.preferred_language
            translation.activate(language)
            messages.success(request, _("Your profile is saved."))
            response = redirect(safe_next(request) or "profile")
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
            return response
    else:
        name_form = NameForm(instance=request.user)
        form = ParticipantForm(instance=participant)
    return render(
        request,
        "participants/profile.html",
        {
            "participant": participant,
            "name_form": name_form,
            "form": form,
            "focal_points": focal_point_roles_of(request.user),
            "next": safe_next(request) or "",
        },
    )
