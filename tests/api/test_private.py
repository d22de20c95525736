"""Enrollments, attendance and certificates: who reads what, with a token (per scope
and organization) or signed in (one's own); revocation, the call log, rate limits."""

import logging

import pytest
from django.test import override_settings

from api.tokens import revoke_token
from courses.models import ApiCall, ApiToken
from tests.api.conftest import Scope, bearer, token_for
from tests.factories.users import make_participant

pytestmark = pytest.mark.django_db

LISTS = {
    "/api/v1/enrollments": Scope.ENROLLMENTS,
    "/api/v1/attendance": Scope.ATTENDANCE,
    "/api/v1/certificates": Scope.CERTIFICATES,
}


def names(response):
    return sorted(
        item.get("participant_name") or item.get("name") for item in response.json()["items"]
    )


@pytest.mark.parametrize("url", list(LISTS))
def test_anonymous_callers_are_asked_to_authenticate(client, finished, url):
    response = client.get(url)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize(("url", "scope"), list(LISTS.items()))
def test_a_token_reads_its_organizations_staff_only_and_only_within_its_scopes(
    client, finished, url, scope
):
    _, token = token_for("AUC", scope)
    assert names(client.get(url, **bearer(token))) == ["Amina Diallo", "Kwame Asante"]
    _, osce = token_for("OSCE", scope, name="OSCE HR")
    assert names(client.get(url, **bearer(osce))) == ["Olga Weber"]
    others = [s for s in Scope if s != scope]
    _, unscoped = token_for("AUC", *others, name="Other scopes")
    response = client.get(url, **bearer(unscoped))
    assert response.status_code == 200 and response.json()["items"] == []


def test_objects_outside_the_token_are_404(client, finished, auc_token):
    _, (amina, _), (olga,) = finished
    _, secret = auc_token
    assert client.get(f"/api/v1/enrollments/{amina.pk}", **bearer(secret)).json()["id"] == amina.pk
    assert client.get(f"/api/v1/enrollments/{olga.pk}", **bearer(secret)).status_code == 404
    theirs = olga.certificates.get().code
    assert client.get(f"/api/v1/certificates/{theirs}", **bearer(secret)).status_code == 404
    _, no_scope = token_for("AUC", Scope.ATTENDANCE, name="Attendance only")
    mine = amina.certificates.get().code
    assert client.get(f"/api/v1/enrollments/{amina.pk}", **bearer(no_scope)).status_code == 404
    assert client.get(f"/api/v1/certificates/{mine}", **bearer(no_scope)).status_code == 404
    assert (
        client.get(f"/api/v1/certificates/{mine}/credential", **bearer(no_scope)).status_code == 404
    )


def test_a_signed_in_participant_reads_their_own_and_nothing_else(client, finished):
    _, (amina, kwame), _ = finished
    client.force_login(amina.participant)
    assert names(client.get("/api/v1/enrollments")) == ["Amina Diallo"]
    assert names(client.get("/api/v1/certificates")) == ["Amina Diallo"]
    assert names(client.get("/api/v1/attendance")) == ["Amina Diallo"]
    assert client.get(f"/api/v1/enrollments/{kwame.pk}").status_code == 404
    client.force_login(make_participant("nobody"))
    assert client.get("/api/v1/enrollments").json()["items"] == []


def test_attendance_summaries_carry_the_counts(client, finished, auc_token):
    _, secret = auc_token
    item = client.get("/api/v1/attendance", **bearer(secret)).json()["items"][0]
    assert item["attended_meetings"] == 2 and item["counted_meetings"] == 2
    assert float(item["attendance_percent"]) == 100.0


def test_filters_by_status_and_date(client, finished, auc_token):
    _, secret = auc_token
    url = "/api/v1/enrollments"
    assert len(client.get(f"{url}?status=completed", **bearer(secret)).json()["items"]) == 2
    assert client.get(f"{url}?status=confirmed", **bearer(secret)).json()["items"] == []
    assert client.get(f"{url}?starts_after=2027-04-01", **bearer(secret)).json()["items"] == []
    assert len(client.get(f"{url}?starts_before=2027-04-01", **bearer(secret)).json()["items"]) == 2
    certificates = client.get("/api/v1/certificates?status=revoked", **bearer(secret)).json()
    assert certificates["items"] == []


def test_a_revoked_token_stops_at_once(client, finished, auc_token):
    token, secret = auc_token
    assert client.get("/api/v1/enrollments", **bearer(secret)).status_code == 200
    revoke_token(token=token)
    response = client.get("/api/v1/enrollments", **bearer(secret))
    assert response.status_code == 401 and response["Content-Type"] == "application/problem+json"
    assert client.get("/api/v1/sessions", **bearer(secret)).status_code == 401
    assert client.get("/api/v1/enrollments", **bearer("concord_made-up")).status_code == 401


def test_every_token_call_is_logged_without_the_secret(client, finished, auc_token, caplog):
    token, secret = auc_token
    with caplog.at_level(logging.INFO):
        client.get("/api/v1/enrollments?status=completed", **bearer(secret))
        client.get("/api/v1/enrollments/999999", **bearer(secret))
    calls = list(ApiCall.objects.filter(token=token).order_by("pk"))
    assert [(c.method, c.path, c.status) for c in calls] == [
        ("GET", "/api/v1/enrollments", 200),
        ("GET", "/api/v1/enrollments/999999", 404),
    ]
    token.refresh_from_db()
    assert token.last_used_at is not None
    assert token.prefix in caplog.text and secret not in caplog.text
    stored = ApiToken.objects.get(pk=token.pk)
    assert secret not in (stored.digest, stored.prefix) and len(stored.digest) == 64


def test_rate_limit_per_token(client, finished, auc_token):
    _, secret = auc_token
    _, other = token_for("AUC", Scope.ENROLLMENTS, name="Second system")
    with override_settings(API_RATE_LIMIT=2):
        statuses = [
            client.get("/api/v1/enrollments", **bearer(secret)).status_code for _ in range(3)
        ]
        assert client.get("/api/v1/enrollments", **bearer(other)).status_code == 200
        limited = client.get("/api/v1/enrollments", **bearer(secret))
    assert statuses == [200, 200, 429]
    assert limited["Retry-After"] and limited.json()["status"] == 429


def test_session_callers_need_csrf_for_writes(finished):
    from django.test import Client  # noqa: PLC0415 -- a client that checks CSRF

    _, (amina, _), _ = finished
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(amina.participant)
    response = browser.post("/api/v1/enrollments", {})
    assert response.status_code in (403, 405)
    assert response["Content-Type"] == "application/problem+json"


def test_the_admin_creates_a_token_shown_once_and_revokes_it(client, finished):
    from tests.factories.users import make_user  # noqa: PLC0415

    admin = make_user("root", superuser=True)
    client.force_login(admin)
    from participants.models import Organization  # noqa: PLC0415

    auc = Organization.objects.get(acronym="AUC")
    response = client.post(
        "/admin/api_tokens/new/",
        {"name": "AUC HR", "organization": auc.pk, "scopes": ["enrollments:read"]},
    )
    assert response.status_code == 200
    token = ApiToken.objects.get(name="AUC HR")
    secret = response.context["secret"]
    assert secret in response.content.decode() and token.created_by == admin
    assert names(client.get("/api/v1/enrollments", **bearer(secret))) == [
        "Amina Diallo",
        "Kwame Asante",
    ]
    index = client.get("/admin/api_tokens/").content.decode()
    assert "AUC HR" in index and secret not in index
    assert client.get(f"/admin/api_tokens/revoke/{token.pk}/").status_code == 200
    token.refresh_from_db()
    assert token.revoked_at is None  # GET only asks
    client.post(f"/admin/api_tokens/revoke/{token.pk}/")
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert client.get("/api/v1/enrollments", **bearer(secret)).status_code == 401
    client.force_login(make_participant("curious"))
    assert client.get("/admin/api_tokens/").status_code in (302, 403)
