"""A participant of an organization with single sign-on, end to end with real parts: the
live site in Chromium, the local OpenID Connect provider (tests/support/oidc_provider.py),
a Celery worker on Redis that prepares the data ZIP. She signs in through her
organization, downloads her data and asks to be forgotten."""

from __future__ import annotations

import json
import re
import zipfile

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.utils.csp import CSP
from playwright.sync_api import expect

from config.oidc import allauth_apps, form_action_origins, parse_providers
from participants.models import ErasureRequest, PersonalDataExport
from tests.e2e.test_personal_data import shoot
from tests.factories.courses import make_profile
from tests.factories.users import make_participant
from tests.support.oidc_provider import provider_settings, running_oidc_provider
from tests.support.pipeline_harness import Worker, worker_env

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def provider():
    with running_oidc_provider() as provider:
        yield provider


@pytest.fixture
def sso(settings, provider, live_server):
    client = provider.register_client([f"{live_server.url}/accounts/oidc/test-idp/login/callback/"])
    providers = parse_providers(
        json.dumps(provider_settings(provider, client, email_domains=["example.org"]))
    )
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {"OAUTH_PKCE_ENABLED": True, "APPS": allauth_apps(providers)}
    }
    settings.SECURE_CSP = {
        **settings.SECURE_CSP,
        "form-action": [CSP.SELF, *form_action_origins(providers)],
    }
    return provider


def test_sign_in_through_the_organization_download_the_data_and_ask_to_be_forgotten(
    new_context, sso, smtp, queue, live_server, site_tree, tmp_path
):
    amina = make_participant("amina")
    EmailAddress.objects.create(user=amina, email=amina.email, verified=True, primary=True)
    make_profile(amina, acronym="AUC", job_title="Mediation officer")
    sso.add_user("amina-entra", email=amina.email, email_verified=True, given_name="Amina")

    page = new_context(accept_downloads=True).new_page()
    page.goto("/accounts/login/?next=/profile/")
    shoot(page, "sign-in-sso")
    page.get_by_role("button", name="Sign in with Test Union").click()
    expect(page).to_have_url(re.compile(re.escape(sso.url) + r"/oauth2/authorize\?"))
    page.get_by_label("Subject").fill("amina-entra")
    page.get_by_role("button", name="Authorize", exact=True).click()
    expect(page).to_have_url(re.compile(r"/profile/$"))
    assert SocialAccount.objects.get(uid="amina-entra").user == amina

    page.get_by_role("button", name="Download my data", exact=True).click()
    expect(page.get_by_text("Your data is being prepared")).to_be_visible()
    worker = Worker(
        queue=queue,
        env=worker_env(queue=queue, smtp=smtp, site_url=live_server.url),
        log_dir=tmp_path,
        concurrency=1,
    )
    try:
        worker.wait_ready()
        link = page.get_by_role("link", name="Download my data (ZIP)")
        for _attempt in range(60):
            if PersonalDataExport.objects.filter(user=amina, state="ready").exists():
                break
            page.wait_for_timeout(1000)
        page.reload()
        expect(link).to_be_visible()
    finally:
        worker.stop()
    with page.expect_download() as download_info:
        link.click()
    archive = zipfile.ZipFile(download_info.value.path())
    data = json.loads(archive.read("data.json"))
    assert data["account"]["email"] == amina.email
    assert data["profile"]["job_title"] == "Mediation officer"

    page.get_by_label("I understand that this cannot be undone").check()
    page.get_by_role("button", name="Ask to be forgotten").click()
    expect(page.get_by_text("Your request is recorded")).to_be_visible()
    assert ErasureRequest.objects.get().user == amina


def test_an_address_of_another_domain_is_refused_with_a_page_that_says_why(new_context, sso):
    sso.add_user("eve-1", email="eve@elsewhere.example", email_verified=True)
    page = new_context().new_page()
    page.goto("/accounts/login/")
    page.get_by_role("button", name="Sign in with Test Union").click()
    page.get_by_label("Subject").fill("eve-1")
    page.get_by_role("button", name="Authorize", exact=True).click()
    expect(page.get_by_role("heading", name="This address cannot sign in here")).to_be_visible()
    expect(page.get_by_text("eve@elsewhere.example")).to_be_visible()
    shoot(page, "sso-refused")
    page.context.add_cookies(
        [{"name": "django_language", "value": "fr", "domain": "localhost", "path": "/"}]
    )
    page.goto("/accounts/login/")
    expect(page.get_by_role("button", name="Se connecter avec Test Union")).to_be_visible()
    shoot(page, "sign-in-sso-fr")
    assert not SocialAccount.objects.exists()
