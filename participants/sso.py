"""Single sign-on through organizations' OpenID Connect providers (django-allauth's
``openid_connect``; the providers come from ``OIDC_PROVIDERS``, see config/oidc.py).

- A provider signs in only addresses of its own ``email_domains``; any other address
  is refused with a page that says why, and no account is made or linked.
- A first sign-in links to the account with the same address when the provider vouches
  for it (``email_verified``, or ``trust_email_domains``), else creates one; allauth
  wipes the password of a linked account whose address was never confirmed here, so
  whoever registered it with someone else's address loses it.
- The profile form offers the provider's organization until the person saves one.
- With ``password_sign_in: false`` a provider's domains have no password sign-in: the
  sign-in form sends such a person to their provider, and sign-up refuses the address.
"""

from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.adapter import get_adapter as get_social_adapter
from allauth.socialaccount.models import SocialAccount
from django import forms
from django.db.models import Q
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from .models import Organization

PROVIDER = "openid_connect"


def domain_of(email: str) -> str:
    return (email or "").rpartition("@")[2].strip().lower()


def sso_apps(request=None) -> list:
    """The configured providers' allauth apps."""
    return get_social_adapter().list_apps(request, provider=PROVIDER)


def app_for_domain(email: str, request=None):
    """The provider whose ``email_domains`` hold ``email``'s domain, or None."""
    domain = domain_of(email)
    if not domain:
        return None
    return next(
        (app for app in sso_apps(request) if domain in app.settings.get("email_domains", [])),
        None,
    )


def password_free_app(email: str, request=None):
    """The provider a person of ``email``'s domain must sign in with (password sign-in
    switched off for that domain), or None."""
    app = app_for_domain(email, request)
    if app is not None and not app.settings.get("password_sign_in", True):
        return app
    return None


def organization_from_sign_in(user) -> Organization | None:
    """The organization the provider ``user`` signed in with maps to, or None (no SSO,
    or a provider without an organization, or one not in the list)."""
    if not user.is_authenticated:
        return None
    provider_ids = list(SocialAccount.objects.filter(user=user).values_list("provider", flat=True))
    for app in sso_apps():
        if app.provider_id in provider_ids and (name := app.settings.get("organization")):
            return Organization.objects.filter(
                Q(acronym__iexact=name) | Q(name__iexact=name)
            ).first()
    return None


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def pre_social_login(self, request, sociallogin):
        """Refuse an address outside the provider's domains, every time (a provider's
        list may shrink after an account was linked)."""
        app = sociallogin.provider.app
        email = sociallogin.user.email or next(
            (a.email for a in sociallogin.email_addresses if a.email), ""
        )
        domains = app.settings.get("email_domains") or []
        if not email or domain_of(email) not in domains:
            raise ImmediateHttpResponse(
                render(
                    request,
                    "socialaccount/refused_domain.html",
                    {"provider_name": app.name, "email": email, "domains": domains},
                    status=403,
                )
            )
        super().pre_social_login(request, sociallogin)


class LoginForm(AllauthLoginForm):
    """allauth's sign-in, except that a person whose domain has no password sign-in is
    sent to their provider (no password asked, none checked)."""

    sso_app = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        typed = self.data.get(self.add_prefix("login"), "") if self.is_bound else ""
        self.sso_app = password_free_app(typed, self.request) if typed else None
        if self.sso_app is not None:
            self.fields["password"].required = False

    def clean(self):
        if self.sso_app is not None:
            return self.cleaned_data
        return super().clean()

    def login(self, request, redirect_url=None):
        if self.sso_app is None:
            return super().login(request, redirect_url=redirect_url)
        provider = self.sso_app.get_provider(request)
        auth_params = {**provider.get_auth_params(), "login_hint": self.cleaned_data["login"]}
        return provider.redirect(
            request, process="login", next_url=redirect_url, auth_params=auth_params
        )


class SignupForm(AllauthSignupForm):
    """No password account for an address whose organization signs in with SSO only."""

    def clean_email(self):
        email = super().clean_email()
        if app := password_free_app(email, getattr(self, "request", None)):
            raise forms.ValidationError(
                _(
                    "People of %(domain)s sign in with %(provider)s: use “Sign in with "
                    "%(provider)s” on the sign-in page; no password is needed."
                )
                % {"domain": domain_of(email), "provider": app.name}
            )
        return email
