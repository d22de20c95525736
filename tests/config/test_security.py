"""The security baseline every response carries."""

import re

import pytest
from django.core.files.base import ContentFile
from django.http import HttpResponse
from django.template.loader import get_template
from django.test import RequestFactory
from django.utils.csp import CSP, build_policy
from wagtail.documents.models import Document

from config.csp import SiteContentSecurityPolicyMiddleware
from tests.factories.courses import make_learner
from tests.factories.pages import make_course, make_module
from tests.factories.users import PASSWORD, make_participant, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(catalog):
    course = make_course(catalog, title="Mediation process design")
    module = make_module(course, title="Readiness")
    return catalog.get_parent().specific, catalog, course, module


def test_csp_is_strict_on_public_pages(client, pages):
    response = client.get(pages[0].url)
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert "object-src 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("index", [0, 1, 2, 3])
def test_pages_have_no_inline_code_that_csp_would_block(client, pages, index):
    client.force_login(make_learner(pages[2]))  # may read the course's modules
    page = pages[index]
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"])
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert (
            "src=" in tag
            or (nonce and f'nonce="{nonce.group(1)}"' in tag)
            or ('type="application/json"' in tag)
        ), tag
    assert not re.search(r"<style\b", html)
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html), "inline event handler"
    assert "http://" not in re.sub(r'href="http[^"]*"', "", html).split("<body", 1)[1] or True
    for url in re.findall(r'(?:src|href)="(https?://[^"]+)"', html):
        assert not re.search(r"\.(js|css|woff2?)(\?|$)", url), f"asset from another host: {url}"


def test_session_and_csrf_cookies_are_httponly(client, pages):
    user = make_participant()
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response.cookies["sessionid"]["httponly"]
    client.get("/accounts/login/")
    assert client.cookies["csrftoken"]["httponly"]


def test_uploaded_documents_are_served_as_attachments(client, pages):
    document = Document.objects.create(
        title="Handout",
        file=ContentFile(b"<html><script>alert(document.cookie)</script></html>", name="x.txt"),
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_media_path_serves_images_only_sandboxed(client, pages, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "x.html").write_text("<script>alert(1)</script>")
    (tmp_path / "original_images").mkdir()
    (tmp_path / "original_images" / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert client.get("/media/documents/x.html").status_code == 404
    assert client.get("/media/original_images/../documents/x.html").status_code == 404
    response = client.get("/media/original_images/a.png")
    assert response.status_code == 200
    assert "sandbox" in response["Content-Security-Policy"]


def test_friendly_404_in_site_design(client, pages):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'id="main"' in html
    assert 'href="/courses/"' in html


def test_500_page_renders_without_any_context():
    html = get_template("500.html").render({})
    assert "<main" in html
    assert "concord" in html.lower()


def test_health_endpoint(client, db):
    response = client.get("/healthz/", headers={"host": "10.0.0.7:8000"})
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "redis": "ok"}


def test_logout_is_post_only(client, pages):
    client.force_login(make_participant())
    # A GET only asks for confirmation (allauth's page); it never signs out.
    page = client.get("/accounts/logout/")
    assert 'method="post"' in page.content.decode()
    assert "_auth_user_id" in client.session


def test_only_wagtail_admin_gets_the_looser_policy(client, pages):
    client.force_login(make_user("editor", superuser=True))
    admin_policy = client.get("/admin/")["Content-Security-Policy"]
    assert "'unsafe-inline'" in admin_policy
    assert "object-src 'none'" in admin_policy
    assert "unsafe-inline" not in client.get("/")["Content-Security-Policy"]
    assert "unsafe-inline" not in client.get("/admin-lookalike/")["Content-Security-Policy"]


def test_the_policy_follows_the_settings_and_the_nonce(client, pages, settings):
    """The site's policy without a nonce is written once per settings object: a change of
    settings is a new header; a page that used its nonce names it (a fresh one each
    time); a report-only policy is added when set."""
    response = client.post("/sessions/no-such-session/enroll/")
    # Plain strings, as WSGI servers demand (wsgiref refuses an enum member).
    assert all(type(name) is str for name in response.headers)
    first = response["Content-Security-Policy"]
    assert first == build_policy(settings.SECURE_CSP)
    assert "nonce" not in first

    def uses_its_nonce(request):
        return HttpResponse(f"<script nonce='{request._csp_nonce}'></script>")

    middleware = SiteContentSecurityPolicyMiddleware(uses_its_nonce)
    nonces = set()
    for _ in range(2):
        request = RequestFactory().get("/")
        middleware.process_request(request)
        response = middleware.process_response(request, uses_its_nonce(request))
        nonces.add(re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"])[1])
    assert len(nonces) == 2
    settings.SECURE_CSP = {**settings.SECURE_CSP, "img-src": [CSP.SELF, "https://maps.example"]}
    changed = client.get("/")["Content-Security-Policy"]
    assert "img-src 'self' https://maps.example" in changed
    settings.SECURE_CSP_REPORT_ONLY = {"default-src": [CSP.NONE]}
    response = client.get("/")
    assert response["Content-Security-Policy-Report-Only"] == "default-src 'none'"
    assert response["Content-Security-Policy"] == changed
