"""Open Badges 3.0 credentials, checked with an independent library (PyJWT), never our
own code: signature against the key the DID document publishes, claims, the status
list bit of a revoked certificate, tampering, the baked SVG badge, key rotation."""

import base64
import gzip
import json
import re

import jwt
import pytest
from django.core.management import call_command
from jwt.algorithms import OKPAlgorithm

from courses.certificates import credentials
from courses.certificates.credentials import hashed_email
from courses.certificates.services import reissue_certificate, revoke_certificate
from courses.models import CertificateCredential
from tests.api.conftest import Scope, bearer, token_for

pytestmark = pytest.mark.django_db


def published_key(client, kid_url):
    """The public key the DID document names ``kid_url``, as PyJWT reads it."""
    document = client.get("/.well-known/did.json").json()
    (method,) = [m for m in document["verificationMethod"] if m["id"] == kid_url]
    assert kid_url in document["assertionMethod"]
    return OKPAlgorithm.from_jwk(json.dumps(method["publicKeyJwk"]))


def verify(client, token):
    header = jwt.get_unverified_header(token)
    assert header["alg"] == "EdDSA"
    key = published_key(client, header["kid"])
    return jwt.decode(token, key=key, algorithms=["EdDSA"], options={"verify_aud": False})


def status_bit(client, index):
    status_jwt = client.get("/credentials/status/revocation").content.decode()
    claims = verify(client, status_jwt)
    assert claims["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    encoded = claims["credentialSubject"]["encodedList"]
    assert encoded.startswith("u")
    raw = encoded[1:]
    bits = gzip.decompress(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
    assert len(bits) * 8 >= 131_072
    return (bits[index // 8] >> (7 - index % 8)) & 1


def test_the_holder_downloads_a_credential_that_an_independent_library_verifies(
    client, finished, settings
):
    _, (amina, _), _ = finished
    client.force_login(amina.participant)
    certificate = amina.certificates.get()
    response = client.get(f"/certificates/{certificate.code}/credential.json")
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    body = json.loads(response.content)
    claims = verify(client, body["proof"]["jwt"])
    did = client.get("/.well-known/did.json").json()["id"]
    assert did == "did:web:testserver" or did.startswith("did:web:")
    assert claims["iss"] == did == claims["issuer"]["id"]
    assert claims["@context"][1].startswith("https://purl.imsglobal.org/spec/ob/v3p0/context")
    assert claims["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    subject = claims["credentialSubject"]
    assert subject["name"] == "Amina Diallo"
    (identity,) = subject["identifier"]
    assert identity["hashed"] is True and identity["identityType"] == "emailAddress"
    assert identity["identityHash"] == hashed_email(amina.participant.email, identity["salt"])
    assert amina.participant.email not in response.content.decode()
    achievement = subject["achievement"]
    assert achievement["name"] == "Mediation process design"
    assert achievement["criteria"]["narrative"].startswith("Attend at least")
    assert subject["creditsEarned"] == 14.0
    assert subject["activityStartDate"].startswith("2027-03-01")
    assert "100" in claims["evidence"][0]["narrative"]
    status = claims["credentialStatus"]
    assert status["type"] == "BitstringStatusListEntry" and status["statusPurpose"] == "revocation"
    assert status["statusListCredential"].endswith("/credentials/status/revocation")
    assert status_bit(client, int(status["statusListIndex"])) == 0
    # The same credential on every download, not a new one each time.
    again = json.loads(client.get(f"/certificates/{certificate.code}/credential.json").content)
    assert again["proof"]["jwt"] == body["proof"]["jwt"]
    assert CertificateCredential.objects.count() == 1


def test_a_tampered_credential_fails_verification(client, finished):
    _, (amina, _), _ = finished
    credential = credentials.issue_credential(certificate=amina.certificates.get())
    header, payload, signature = credential.jwt.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["credentialSubject"]["name"] = "Somebody Else"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    with pytest.raises(jwt.InvalidSignatureError):
        verify(client, f"{header}.{forged}.{signature}")
    assert verify(client, credential.jwt)["credentialSubject"]["name"] == "Amina Diallo"


def test_revoking_and_reissuing_set_the_status_list_bit(client, finished, coordinator):
    _, (amina, kwame), _ = finished
    first = credentials.issue_credential(certificate=amina.certificates.get())
    other = credentials.issue_credential(certificate=kwame.certificates.get())
    assert status_bit(client, first.status_index) == 0
    revoke_certificate(certificate=first.certificate, reason="Name misspelt", by=coordinator)
    assert status_bit(client, first.status_index) == 1
    assert status_bit(client, other.status_index) == 0
    reissue_certificate(certificate=other.certificate, reason="Hours corrected", by=coordinator)
    assert status_bit(client, other.status_index) == 1


def test_a_token_with_the_certificates_scope_reads_the_credential(client, finished):
    _, (amina, _), (olga,) = finished
    _, secret = token_for("AUC", Scope.CERTIFICATES)
    code = amina.certificates.get().code
    body = client.get(f"/api/v1/certificates/{code}/credential", **bearer(secret)).json()
    assert verify(client, body["proof"]["jwt"])["credentialSubject"]["name"] == "Amina Diallo"
    theirs = olga.certificates.get().code
    assert (
        client.get(f"/api/v1/certificates/{theirs}/credential", **bearer(secret)).status_code == 404
    )


def test_only_the_holder_downloads_and_the_badge_has_the_credential_baked_in(client, finished):
    _, (amina, kwame), _ = finished
    code = amina.certificates.get().code
    assert client.get(f"/certificates/{code}/badge.svg").status_code == 302  # sign in first
    client.force_login(kwame.participant)
    assert client.get(f"/certificates/{code}/badge.svg").status_code == 404
    assert client.get(f"/certificates/{code}/credential.json").status_code == 404
    client.force_login(amina.participant)
    response = client.get(f"/certificates/{code}/badge.svg")
    svg = response.content.decode()
    assert response["Content-Type"] == "image/svg+xml"
    assert 'xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"' in svg
    baked = re.search(r"<openbadges:credential><!\[CDATA\[(.+?)\]\]>", svg).group(1)
    assert verify(client, baked)["credentialSubject"]["name"] == "Amina Diallo"


def test_rotation_keeps_old_credentials_verifiable(client, finished):
    _, (amina, kwame), _ = finished
    old = credentials.issue_credential(certificate=amina.certificates.get())
    call_command("credential_keys", "--rotate")
    new = credentials.issue_credential(certificate=kwame.certificates.get())
    assert old.key_id != new.key_id
    assert verify(client, old.jwt)["credentialSubject"]["name"] == "Amina Diallo"
    assert verify(client, new.jwt)["credentialSubject"]["name"] == "Kwame Asante"
