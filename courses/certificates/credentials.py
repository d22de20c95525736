"""Certificates as Open Badges 3.0 credentials: W3C Verifiable Credentials of type
``OpenBadgeCredential`` (``AchievementCredential``), signed as VC-JWT with Ed25519.

Why VC-JWT with EdDSA (Ed25519) rather than a Data Integrity proof: it is the simplest
format Open Badges 3.0 allows (§8.2: the JWT's payload *is* the credential), it needs
no JSON-LD canonicalization, and any standard JOSE library (PyJWT, joserfc, jose in
JavaScript…) verifies it with the public key alone. Ed25519 signatures are small,
deterministic and fast (thousands a second on one core).

The issuer is the programme, identified by the ``did:web`` of the site: its DID document
(``/.well-known/did.json``, ``did_document``) lists every public key, one ``kid`` each.
The private keys are PEM files in ``settings.CREDENTIALS_KEY_DIR``, outside the database
(``manage.py credential_keys`` makes the first one; ``--rotate`` adds a newer one, which
signs from then on, while the older public keys stay in the DID document so credentials
signed before keep verifying).

Revocation: each credential holds one bit of a Bitstring Status List (W3C), signed and
served by Concord; revoking a certificate (``services.revoke_certificate``, which
re-issuing calls too) sets its bit and signs the list again in the same transaction.
"""

from __future__ import annotations

import base64
import datetime
import functools
import gzip
import hashlib
import json
import os
import secrets
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit
from xml.sax.saxutils import escape

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from courses.certificates.snapshot import CertificateSnapshot
from courses.models import Certificate, CertificateCredential, CredentialStatusList

CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
OB3_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0"
#: The W3C's minimum length (16 KiB of bits), so one list hides who was revoked.
STATUS_LIST_BITS = 131_072
REVOCATION = "revocation"


class CredentialError(Exception):
    """No credential can be made (no signing key, or the certificate is not sent)."""


# ---------------------------------------------------------------------- keys


@dataclass(frozen=True)
class SigningKey:
    kid: str
    private: Ed25519PrivateKey

    @functools.cached_property
    def public_jwk(self) -> dict:
        raw = self.private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        return {"kty": "OKP", "crv": "Ed25519", "x": b64url(raw)}

    @functools.cached_property
    def public_multibase(self) -> str:
        raw = self.private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        return "z" + _base58(b"\xed\x01" + raw)  # multicodec ed25519-pub, base58btc


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def _base58(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    out = ""
    while number:
        number, rest = divmod(number, 58)
        out = _B58[rest] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


def key_dir() -> Path:
    return Path(settings.CREDENTIALS_KEY_DIR)


def create_signing_key(now=None) -> str:
    """Write a new Ed25519 private key (PEM, readable by its owner only) and return its
    ``kid``; the newest key signs from now on. Older keys are kept for the DID document."""
    now = now or timezone.now()
    directory = key_dir()
    directory.mkdir(parents=True, exist_ok=True)
    # Names sort by creation time (to the microsecond), so the newest key signs; the
    # random tail only keeps two processes making a key at once from colliding.
    kid = f"key-{now:%Y%m%dT%H%M%S%f}-{secrets.token_hex(2)}"
    newest = signing_keys()
    if newest and kid <= newest[-1].kid:  # a clock set back: still after the newest
        kid = f"{newest[-1].kid}-{secrets.token_hex(2)}"
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    descriptor = os.open(directory / f"{kid}.pem", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(pem)
    _keys.cache_clear()
    return kid


def ensure_signing_key() -> str:
    """The active key's ``kid``, creating a first key when there is none. Safe to call
    at every start (``make run``, the test settings): an existing key is kept."""
    keys = signing_keys()
    return keys[-1].kid if keys else create_signing_key()


@functools.lru_cache(maxsize=4)
def _keys(directory: str, stamp: float) -> tuple[SigningKey, ...]:
    found = []
    for path in sorted(Path(directory).glob("key-*.pem")):
        private = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if isinstance(private, Ed25519PrivateKey):
            found.append(SigningKey(kid=path.stem, private=private))
    return tuple(found)


def signing_keys() -> tuple[SigningKey, ...]:
    """Every key, oldest first (their names start with their creation time)."""
    directory = key_dir()
    try:
        stamp = directory.stat().st_mtime
    except FileNotFoundError:
        return ()
    return _keys(str(directory), stamp)


def active_key() -> SigningKey:
    keys = signing_keys()
    if not keys and settings.CREDENTIALS_CREATE_KEY:
        ensure_signing_key()
        keys = signing_keys()
    if not keys:
        raise CredentialError(
            f"No signing key in {key_dir()}: run `manage.py credential_keys` once."
        )
    return keys[-1]


# ---------------------------------------------------------------------- identifiers


def site_url() -> str:
    return settings.SITE_URL.rstrip("/")


def issuer_did() -> str:
    """``did:web`` of the site: its host (a port encoded as ``%3A``) and path, if any."""
    parts = urlsplit(site_url())
    did = "did:web:" + quote(parts.netloc, safe="")
    path = parts.path.strip("/")
    return did + ("".join(f":{quote(segment)}" for segment in path.split("/")) if path else "")


def did_document() -> dict:
    """The DID document served at ``/.well-known/did.json``: every public key, the
    newest last, each usable to check credentials (``assertionMethod``)."""
    did = issuer_did()
    methods = [
        {
            "id": f"{did}#{key.kid}",
            "type": "JsonWebKey2020",
            "controller": did,
            "publicKeyJwk": key.public_jwk,
        }
        for key in signing_keys()
    ]
    methods += [
        {
            "id": f"{did}#{key.kid}-multikey",
            "type": "Multikey",
            "controller": did,
            "publicKeyMultibase": key.public_multibase,
        }
        for key in signing_keys()
    ]
    ids = [method["id"] for method in methods]
    return {
        "@context": [
            "https://www.w3.org/ns/did/v1",
            "https://w3id.org/security/suites/jws-2020/v1",
            "https://w3id.org/security/multikey/v1",
        ],
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": ids,
        "authentication": ids,
    }


def status_list_url() -> str:
    return site_url() + reverse("credential_status_list")


# ---------------------------------------------------------------------- signing


def _json(data) -> bytes:
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()


def sign_jwt(payload: dict, key: SigningKey | None = None) -> str:
    """A compact JWS (RFC 7515) of ``payload``, algorithm EdDSA, with the key's id and
    its public JWK in the header (OB 3.0 §8.2.4.1)."""
    key = key or active_key()
    header = {
        "alg": "EdDSA",
        "typ": "JWT",
        "kid": f"{issuer_did()}#{key.kid}",
        "jwk": key.public_jwk,
    }
    signing_input = f"{b64url(_json(header))}.{b64url(_json(payload))}"
    signature = key.private.sign(signing_input.encode("ascii"))
    return f"{signing_input}.{b64url(signature)}"


def _iso(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def hashed_email(email: str, salt: str) -> str:
    """OB 3.0 IdentityObject hash: ``sha256$`` + hex SHA-256 of the address and the salt."""
    digest = hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()
    return f"sha256${digest}"


def criteria_of(certificate: Certificate) -> str:
    session = certificate.enrollment.session
    rule = f"Attend at least {session.min_attendance_percent}% of the sittings"
    if session.min_modules_opened:
        rule += f" and open at least {session.min_modules_opened} training modules"
    return rule + f" of the session {session.code}, as recorded by its coordinators."


def credential_claims(
    certificate: Certificate, *, status_index: int, salt: str | None = None
) -> dict:
    """The credential of ``certificate`` (its frozen snapshot, the holder's email hashed
    with ``salt``) with its JWT registered claims, ready to sign. No query beyond what
    ``certificate.enrollment.session`` and ``…participant`` need (select them)."""
    snapshot = CertificateSnapshot.of(certificate)
    enrollment = certificate.enrollment
    session = enrollment.session
    did = issuer_did()
    base = site_url()
    credential_id = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, base + certificate.code)}"
    issued = certificate.sent_at or certificate.issued_at
    salt = salt if salt is not None else secrets.token_hex(8)
    issuers = " · ".join(issuer.acronym for issuer in snapshot.issuers)
    rate = enrollment.attendance_percent
    evidence = {
        "id": base + certificate.get_absolute_url(),
        "type": ["Evidence"],
        "name": "Attendance",
        "narrative": (
            f"Attended {rate}% of the sittings ({snapshot.hours_attended} hours)."
            if rate is not None
            else f"Attended {snapshot.hours_attended} hours."
        ),
    }
    credential = {
        "@context": CONTEXT,
        "id": credential_id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": snapshot.course_title,
        "issuer": {
            "id": did,
            "type": ["Profile"],
            "name": f"{issuers} joint training programme (Concord)" if issuers else "Concord",
            "url": base + "/",
        },
        "validFrom": _iso(issued),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "name": snapshot.participant_name,
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": hashed_email(enrollment.participant.email, salt),
                    "identityType": "emailAddress",
                    "hashed": True,
                    "salt": salt,
                }
            ],
            "activityStartDate": _iso(
                datetime.datetime.combine(snapshot.starts_on, datetime.time(), datetime.UTC)
            ),
            "activityEndDate": _iso(
                datetime.datetime.combine(snapshot.ends_on, datetime.time(), datetime.UTC)
            ),
            "creditsEarned": float(snapshot.hours_attended),
            "achievement": {
                "id": f"{base}/api/v1/catalogue/courses/{session.course_id}",
                "type": ["Achievement"],
                "achievementType": "Course",
                "name": snapshot.course_title,
                "description": (session.course.summary or snapshot.course_title)[:1000],
                "criteria": {"narrative": criteria_of(certificate)},
                "fieldOfStudy": "Conflict prevention, preventive diplomacy and mediation",
                "humanCode": session.code,
            },
            "result": [{"type": ["Result"], "value": f"{rate}%" if rate is not None else ""}],
        },
        "evidence": [evidence],
        "credentialStatus": {
            "id": f"{status_list_url()}#{status_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": REVOCATION,
            "statusListIndex": str(status_index),
            "statusListCredential": status_list_url(),
        },
    }
    return {
        **credential,
        "iss": did,
        "jti": credential_id,
        "nbf": int(issued.timestamp()),
    }


def _credential_query():
    return Certificate.objects.select_related(
        "enrollment__session__course", "enrollment__participant"
    )


def issue_credential(*, certificate: Certificate) -> CertificateCredential:
    """The signed credential of a sent certificate, made on the first call.

    One transaction, locking the status list row (which hands out the credential's
    index); calling it again returns the credential already made, unchanged. A
    certificate that is not sent (pending, failed or revoked) is refused.
    """
    existing = CertificateCredential.objects.filter(certificate_id=certificate.pk).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        status_list = _locked_status_list()
        certificate = _credential_query().select_for_update(of=("self",)).get(pk=certificate.pk)
        existing = CertificateCredential.objects.filter(certificate=certificate).first()
        if existing is not None:
            return existing
        if certificate.state != Certificate.State.SENT:
            raise CredentialError("Only a sent certificate has a signed credential.")
        key = active_key()
        index = status_list.next_index
        status_list.next_index = index + 1
        status_list.save(update_fields=["next_index"])
        return CertificateCredential.objects.create(
            certificate=certificate,
            status_index=index,
            key_id=key.kid,
            jwt=sign_jwt(credential_claims(certificate, status_index=index), key),
        )


def issue_sent_credentials() -> int:
    """A credential for every sent certificate that has none yet; how many were made.
    Safe to run again (the demo calls it at the end of its seeding)."""
    made = 0
    for certificate in _credential_query().filter(
        state=Certificate.State.SENT, credential__isnull=True
    ):
        issue_credential(certificate=certificate)
        made += 1
    return made


def credential_json(credential: CertificateCredential) -> dict:
    """What the holder downloads: the credential and its signed form (the JWT)."""
    payload = credential.jwt.split(".")[1]
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    for claim in ("iss", "jti", "nbf"):
        claims.pop(claim, None)
    return {"credential": claims, "proof": {"type": "JWT", "jwt": credential.jwt}}


def baked_svg(credential: CertificateCredential) -> str:
    """The badge as an SVG image with the credential baked in (OB 3.0 §5.3.2: an
    ``openbadges:credential`` element holding the VC-JWT)."""
    snapshot = CertificateSnapshot.of(credential.certificate)
    title = escape(snapshot.course_title)
    name = escape(snapshot.participant_name)
    words, lines = title.split(), [""]
    for word in words:
        if len(lines[-1]) + len(word) > 24 and lines[-1]:
            lines.append("")
        lines[-1] = f"{lines[-1]} {word}".strip()
    text = "".join(
        f'<text x="150" y="{140 + 22 * i}" text-anchor="middle" font-size="17" '
        f'font-weight="700" fill="#12355b">{line}</text>'
        for i, line in enumerate(lines[:4])
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'xmlns:openbadges="{OB3_NAMESPACE}" viewBox="0 0 300 300" width="300" height="300">'
        f"<openbadges:credential><![CDATA[{credential.jwt}]]></openbadges:credential>"
        f"<title>{title} — {name}</title>"
        '<circle cx="150" cy="150" r="144" fill="#ffffff" stroke="#1d5fa8" stroke-width="10"/>'
        '<circle cx="150" cy="150" r="126" fill="none" stroke="#c9d8ea" stroke-width="2"/>'
        '<text x="150" y="92" text-anchor="middle" font-size="13" letter-spacing="3" '
        'fill="#1d5fa8">CONCORD</text>'
        f"{text}"
        f'<text x="150" y="236" text-anchor="middle" font-size="13" fill="#333333">{name}</text>'
        "</svg>"
    )


# ---------------------------------------------------------------------- status list


def _locked_status_list() -> CredentialStatusList:
    CredentialStatusList.objects.get_or_create(slug=REVOCATION)
    return CredentialStatusList.objects.select_for_update().get(slug=REVOCATION)


def encode_bits(revoked: list[int], size: int = STATUS_LIST_BITS) -> str:
    """Multibase base64url (``u``) of the GZIP-compressed bitstring; index 0 is the most
    significant bit of the first byte (W3C Bitstring Status List)."""
    size = max(size, ((max(revoked, default=0) // 8) + 1) * 8)
    bits = bytearray(size // 8)
    for index in revoked:
        bits[index // 8] |= 0x80 >> (index % 8)
    return "u" + b64url(gzip.compress(bytes(bits), mtime=0))


def status_list_claims(revoked: list[int], now=None) -> dict:
    now = now or timezone.now()
    url = status_list_url()
    did = issuer_did()
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": did,
        "validFrom": _iso(now),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": REVOCATION,
            "encodedList": encode_bits(revoked),
        },
        "iss": did,
        "jti": url,
        "nbf": int(now.timestamp()),
    }


def _sign_status_list(status_list: CredentialStatusList, now=None) -> str:
    revoked = list(
        CertificateCredential.objects.filter(
            certificate__state=Certificate.State.REVOKED
        ).values_list("status_index", flat=True)
    )
    status_list.jwt = sign_jwt(status_list_claims(revoked, now))
    status_list.updated_at = now or timezone.now()
    status_list.save(update_fields=["jwt", "updated_at"])
    return status_list.jwt


def record_revocation(*, certificate: Certificate) -> None:
    """Set the revoked certificate's bit and sign the list again, in the caller's
    transaction (locking the list row). A certificate that never had a credential
    changes nothing; calling it twice signs the same bits again."""
    if not CertificateCredential.objects.filter(certificate_id=certificate.pk).exists():
        return
    _sign_status_list(_locked_status_list())


def status_list_jwt() -> str:
    """The signed status list, as last signed (signed now when it never was)."""
    current = CredentialStatusList.objects.filter(slug=REVOCATION).first()
    if current is not None and current.jwt:
        return current.jwt
    with transaction.atomic():
        status_list = _locked_status_list()
        return status_list.jwt or _sign_status_list(status_list)
