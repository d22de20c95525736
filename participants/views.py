from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views import i18n
from django.views.decorators.http import require_POST, require_safe
from wagtail.log_actions import log

from .forms import NameForm, ParticipantForm
from .http import private_page
from .models import PersonalDataExport
from .privacy import (
    DATA_DOWNLOADED_ACTION,
    latest_export_of,
    pending_request_of,
    request_erasure,
    request_personal_data_export,
    withdraw_erasure_request,
)
from .selectors import focal_point_roles_of, profile_of
from .services import propose_organization, remember_language
from .sso import organization_from_sign_in


def safe_next(request) -> str | None:
    """The ``next`` of the request when it points to this site, else None."""
    target = request.POST.get("next") or request.GET.get("next")
    # A path on this site: anything else ("abc") would be taken for a URL name by redirect().
    if (
        target
        and target.startswith("/")
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return target
    return None


@private_page
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
                remember_language(user=request.user, language=participant.preferred_language)
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
        # A first profile starts from the organization of the person's single sign-on.
        organization = None if participant else organization_from_sign_in(request.user)
        form = ParticipantForm(
            instance=participant,
            initial={"organization": organization.pk} if organization else None,
        )
    return render(
        request,
        "participants/profile.html",
        {
            "participant": participant,
            "name_form": name_form,
            "form": form,
            "focal_points": focal_point_roles_of(request.user),
            "erasure_request": pending_request_of(request.user),
            "data_export": latest_export_of(request.user),
            "erasure_form": ErasureForm(),
            "next": safe_next(request) or "",
        },
    )


@require_safe
def admin_sign_in(request):
    """Wagtail's admin sign-in address, sent to the site's sign-in (allauth), so there is
    one sign-in with one lockout, one set of throttles and one email-verification rule.

    Someone signed in without admin rights comes here when Wagtail turns them away
    (it has queued "You do not have permission…"): they go to the site's home page,
    not back to the sign-in, which would send them to the admin again.
    """
    target = safe_next(request) or reverse("wagtailadmin_home")
    user = request.user
    if user.is_authenticated:
        if user_can_access_admin(user):
            return redirect(target)
        return redirect("/")
    return redirect(f"{reverse('account_login')}?{urlencode({'next': target})}")


@require_safe
def admin_password_reset(request):
    """Wagtail's password-reset address: the site's reset, with its rate limits."""
    return redirect("account_reset_password")


def user_can_access_admin(user) -> bool:
    flag = getattr(user, "can_access_admin", None)
    if flag is None:
        flag = user.is_active and user.has_perm("wagtailadmin.access_admin")
    return flag


class ErasureForm(forms.Form):
    confirm = forms.BooleanField(
        label=pgettext_lazy("erasure", "I understand that this cannot be undone"),
        error_messages={"required": gettext_lazy("Tick the box to confirm your request.")},
    )


@private_page
@login_required
@require_POST
def request_erasure_view(request):
    """The person asks to be forgotten (POST with a ticked confirmation): a coordinator
    or administrator confirms it in the admin (``privacy.erase_person``)."""
    form = ErasureForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tick the box to confirm your request."))
        return redirect(reverse("profile") + "#erasure")
    request_erasure(user=request.user)
    messages.success(
        request,
        _(
            "Your request is recorded. A coordinator will confirm it; until then you can "
            "still withdraw it here."
        ),
    )
    return redirect(reverse("profile") + "#erasure")


@private_page
@login_required
@require_POST
def withdraw_erasure_view(request):
    withdraw_erasure_request(user=request.user)
    messages.success(request, _("Your erasure request is withdrawn."))
    return redirect(reverse("profile") + "#erasure")


@private_page
@login_required
@require_POST
def request_data_export_view(request):
    """ "Download my data": a task prepares the ZIP; the profile shows its progress."""
    request_personal_data_export(user=request.user)
    messages.success(
        request,
        _("We are preparing your data. Reload this page in a minute to download it."),
    )
    return redirect(reverse("profile") + "#my-data")


@private_page
@login_required
@require_safe
def download_data_export_view(request, pk):
    """The prepared ZIP, to its owner only, while it is offered (404 otherwise)."""
    export = get_object_or_404(
        PersonalDataExport,
        pk=pk,
        user=request.user,
        state=PersonalDataExport.State.READY,
        expires_at__gt=timezone.now(),
    )
    try:
        handle = export.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    log(export, DATA_DOWNLOADED_ACTION, user=request.user)
    return FileResponse(
        handle,
        as_attachment=True,
        filename=f"concord-my-data-{export.ready_at:%Y-%m-%d}.zip",
        content_type="application/zip",
    )


@require_POST
def set_language(request):
    """Django's language switch (the language cookie, back to ``next``), which also
    remembers the choice of a signed-in person in their profile: the site opens in it on
    their next sign-in anywhere, and their emails are written in it."""
    response = i18n.set_language(request)
    language = request.POST.get("language")
    languages = {code for code, _name in settings.LANGUAGES}
    if request.user.is_authenticated and language in languages:
        remember_language(user=request.user, language=language)
    return response
