"""Accounts with django-allauth: sign up, confirm, sign in by email, reset, sign out."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.shortcuts import resolve_url
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.config.test_deployment import manage, production_env
from tests.factories.users import PASSWORD, make_coordinator, make_participant

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a long and unusual passphrase 42"


@pytest.fixture
def post_committed(client, django_capture_on_commit_callbacks):
    """A POST whose transaction commits: account emails are queued after commit."""

    def post(url, data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data)

    return post


def sign_in(client, email, password=PASSWORD):
    return client.post("/accounts/login/", {"login": email, "password": password})


def signed_in_user(client):
    return client.get("/profile/").wsgi_request.user


def test_sign_up_with_email_only_sends_a_confirmation_link(client, home, post_committed):
    response = post_committed(
        "/accounts/signup/",
        {"email": "amina@example.org", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(email="amina@example.org")
    assert user.username  # made from the email: Wagtail's admin still has one to show
    assert user.check_password(NEW_PASSWORD)
    address = EmailAddress.objects.get(user=user)
    assert not address.verified

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["amina@example.org"]
    assert message.subject.startswith("[Concord]")
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", message.body).group(1)

    page = client.get(link)
    assert "amina@example.org" in page.content.decode()
    client.post(link)
    address.refresh_from_db()
    assert address.verified


def test_sign_up_refuses_a_taken_address_and_a_weak_password(client, home):
    make_participant()
    response = client.post(
        "/accounts/signup/",
        {"email": "participant@example.org", "password1": "123", "password2": "124"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in html
    assert get_user_model().objects.filter(email="participant@example.org").count() == 1
    assert not mail.outbox


def test_sign_in_by_email_lands_on_next(client, home):
    user = make_participant()
    response = client.post(
        "/accounts/login/",
        {"login": "Participant@Example.org", "password": PASSWORD, "next": "/courses/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/courses/"
    assert signed_in_user(client) == user


def test_a_wrong_password_shows_an_error_and_signs_nobody_in(client, home):
    make_participant()
    response = sign_in(client, "participant@example.org", "not the password")
    html = response.content.decode()
    assert response.status_code == 200
    assert "You could not be signed in" in html
    assert "not correct" in html
    assert not response.wsgi_request.user.is_authenticated


def test_failed_sign_ins_are_limited_per_address(client, home):
    make_participant()
    for _ in range(5):
        assert sign_in(client, "participant@example.org", "guess").status_code == 200
    # The sixth try is refused, even with the right password.
    response = sign_in(client, "participant@example.org", PASSWORD)
    assert "Too many failed login attempts" in response.content.decode()
    assert not signed_in_user(client).is_authenticated
    # Another address is not locked out by these failures.
    make_participant("other")
    sign_in(client, "other@example.org")
    assert signed_in_user(client).username == "other"


def test_too_many_sign_in_requests_from_one_address_get_a_styled_429(client, home, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "2/m/ip"}
    for _ in range(2):
        sign_in(client, "someone@example.org", "guess")
    response = sign_in(client, "someone@example.org", "guess")
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()


def test_admin_flag_is_loaded_for_people_signed_in_by_email(client, home):
    make_coordinator()
    sign_in(client, "coordinator@example.org")
    user = signed_in_user(client)
    assert user.is_authenticated
    assert user.can_access_admin is True
    assert 'href="/admin/"' in client.get("/profile/").content.decode()


def test_the_admin_sign_in_is_the_site_sign_in(client, home):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2Fpages%2F"
    # Wagtail's own redirect of an anonymous visitor ends there too.
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/login/?next=%2Fadmin%2F"
    assert "Sign in" in response.content.decode()


def test_the_admin_no_longer_signs_in_by_username(client, home):
    make_coordinator()
    response = client.post("/admin/login/", {"username": "coordinator", "password": PASSWORD})
    assert response.status_code == 405
    assert sign_in(client, "coordinator", PASSWORD).status_code == 200  # the form, again
    assert not signed_in_user(client).is_authenticated
    sign_in(client, "coordinator@example.org")
    assert client.get("/admin/").status_code == 200


def test_the_lockout_holds_on_every_sign_in_address(client, home):
    make_coordinator()
    for _ in range(40):
        sign_in(client, "coordinator@example.org", "guess")
    sign_in(client, "coordinator@example.org", PASSWORD)
    for url in ("/admin/login/", "/admin/login/?next=/admin/"):
        client.post(url, {"username": "coordinator", "password": PASSWORD})
        client.post(url, {"login": "coordinator@example.org", "password": PASSWORD})
    assert not signed_in_user(client).is_authenticated
    assert client.get("/admin/").status_code == 302


def test_an_unconfirmed_address_cannot_sign_in_to_the_admin(client, home, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    user = make_coordinator()
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=False)
    login = client.get("/admin/login/?next=/admin/")["Location"]
    response = client.post(
        login, {"login": "coordinator@example.org", "password": PASSWORD, "next": "/admin/"}
    )
    assert response["Location"] != "/admin/"
    assert not signed_in_user(client).is_authenticated
    assert client.get("/admin/").status_code == 302


def test_a_participant_signing_in_through_the_admin_lands_on_the_site(client, home):
    make_participant()
    login = client.get("/admin/login/?next=/admin/")["Location"]
    response = client.post(
        login,
        {"login": "participant@example.org", "password": PASSWORD, "next": "/admin/"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/"
    assert response.status_code == 200
    assert "You do not have permission to access the admin" in response.content.decode()
    assert signed_in_user(client).is_authenticated


def test_the_admin_password_reset_is_the_site_reset(client, home):
    response = client.get("/admin/password_reset/")
    assert response["Location"] == "/accounts/password/reset/"
    assert client.post("/admin/password_reset/", {"email": "x@example.org"}).status_code == 405


def test_password_resets_for_one_address_are_limited(client, home, post_committed):
    make_participant()
    for _ in range(5):
        response = post_committed("/accounts/password/reset/", {"email": "participant@example.org"})
        assert response.status_code == 302
    refused = post_committed("/accounts/password/reset/", {"email": "participant@example.org"})
    assert refused.status_code == 429
    assert "Too many attempts" in refused.content.decode()
    assert len(mail.outbox) == 5


def test_a_reset_does_the_same_work_for_known_and_unknown_addresses(
    client, home, django_capture_on_commit_callbacks
):
    """Both answer the same redirect, send nothing in the request (no SMTP conversation
    to time) and queue one email for after commit. The known address costs three more
    indexed lookups (its email rows), which no network timing can tell apart."""
    user = make_participant()
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    client.post("/accounts/password/reset/", {"email": "warm-up@example.org"})
    work = {}
    for address in ("participant@example.org", "nobody@example.org"):
        with (
            CaptureQueriesContext(connection) as queries,
            django_capture_on_commit_callbacks() as queued,
        ):
            response = client.post("/accounts/password/reset/", {"email": address})
        assert not mail.outbox  # no SMTP in the request: a task sends it after commit
        work[address] = (response.status_code, response["Location"], len(queued))
        assert not any("INSERT" in query["sql"] for query in queries.captured_queries)
    assert work["participant@example.org"] == work["nobody@example.org"]
    assert work["nobody@example.org"][2] == 1


def test_sign_out_takes_a_post(client, home):
    user = make_participant()
    client.force_login(user)
    page = client.get("/accounts/logout/")
    assert page.status_code == 200
    assert signed_in_user(client).is_authenticated  # a GET only asks for confirmation
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert not signed_in_user(client).is_authenticated


def test_the_header_offers_profile_and_sign_out_to_signed_in_people(client, home):
    client.force_login(make_participant())
    html = client.get("/").content.decode()
    assert 'href="/profile/"' in html
    assert 'action="/accounts/logout/" method="post"' in html


def test_login_urls_point_to_allauth(settings):
    assert resolve_url(settings.LOGIN_URL) == "/accounts/login/" == reverse("login")
    assert settings.WAGTAIL_FRONTEND_LOGIN_URL == "/accounts/login/"
    assert reverse("logout") == reverse("account_logout")


def test_production_requires_a_confirmed_address():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings as s; "
        "print(s.ACCOUNT_EMAIL_VERIFICATION, s.ACCOUNT_LOGOUT_ON_GET, s.LOGIN_URL)",
        env=production_env(ACCOUNT_EMAIL_VERIFICATION="optional"),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == ["mandatory", "False", "account_login"]
