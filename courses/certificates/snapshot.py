"""A certificate's frozen snapshot, read back as one typed object.

``Certificate.snapshot`` is JSON written once, when the certificate is issued
(``services.session_snapshot`` and the person's name and hours). Everything that shows
or prints a certificate (the PDF, its email, the public verification page) reads it
through ``CertificateSnapshot.of`` rather than decoding the JSON on its own.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from courses.models import Certificate


@dataclass(frozen=True)
class IssuerRecord:
    name: str
    acronym: str
    colour: str
    #: The name of the logo's copy in the certificates' private storage, if any.
    logo: str | None


@dataclass(frozen=True)
class SignatoryRecord:
    name: str
    title: str
    #: The name of the signature's copy in the certificates' private storage, if any.
    signature: str | None


@dataclass(frozen=True)
class CertificateSnapshot:
    participant_name: str
    course_title: str
    starts_on: datetime.date
    ends_on: datetime.date
    place: str
    is_online: bool
    hours_attended: Decimal
    issuers: tuple[IssuerRecord, ...]
    signatories: tuple[SignatoryRecord, ...]
    # Issue 17: snapshots made before it have none of these.
    participant_name_latin: str = ""
    second_language: str = ""
    second_place: str = ""
    second_course_title: str = ""  # the course's title in the second language

    @classmethod
    def of(cls, certificate: Certificate) -> CertificateSnapshot:
        data = certificate.snapshot
        return cls(
            participant_name=data["participant_name"],
            course_title=data["course_title"],
            starts_on=datetime.date.fromisoformat(data["starts_on"]),
            ends_on=datetime.date.fromisoformat(data["ends_on"]),
            place=data["place"],
            is_online=data["is_online"],
            hours_attended=Decimal(data["hours_attended"]),
            issuers=tuple(
                IssuerRecord(
                    name=issuer["name"],
                    acronym=issuer["acronym"],
                    colour=issuer["colour"],
                    logo=issuer.get("logo") or None,
                )
                for issuer in data["issuers"]
            ),
            signatories=tuple(
                SignatoryRecord(
                    name=signatory["name"],
                    title=signatory["title"],
                    signature=signatory.get("signature") or None,
                )
                for signatory in data["signatories"]
            ),
            participant_name_latin=data.get("participant_name_latin", ""),
            second_language=data.get("second_language", ""),
            second_place=data.get("second_place", ""),
            second_course_title=data.get("second_course_title", ""),
        )
