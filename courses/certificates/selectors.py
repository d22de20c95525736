"""Reads about certificates: a session's certificates and their progress, who may
download one, and the certificate a person can download for each of their enrollments.

Each function runs a fixed number of queries, whatever the number of certificates.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet

from courses.access import sessions_for
from courses.models import Certificate, CourseSession, Enrollment

State = Certificate.State


@dataclass(frozen=True)
class CertificateProgress:
    """How many certificates of a session are in each state; ``done`` once none is moving."""

    pending: int = 0
    rendered: int = 0
    sent: int = 0
    failed: int = 0
    revoked: int = 0

    @property
    def total(self) -> int:
        """Certificates that count: every one but the revoked."""
        return self.pending + self.rendered + self.sent + self.failed

    @property
    def in_progress(self) -> int:
        return self.pending + self.rendered

    @property
    def done(self) -> bool:
        return self.in_progress == 0

    @property
    def percent(self) -> int:
        """Share of the certificates that reached an end (sent or failed)."""
        if not self.total:
            return 100
        return round(100 * (self.sent + self.failed) / self.total)

    def as_dict(self) -> dict:
        return {
            "pending": self.pending,
            "rendered": self.rendered,
            "sent": self.sent,
            "failed": self.failed,
            "revoked": self.revoked,
            "total": self.total,
            "in_progress": self.in_progress,
            "percent": self.percent,
            "done": self.done,
        }


def certificate_progress(session: CourseSession) -> CertificateProgress:
    """Counts by state for ``session``: one query."""
    rows = (
        Certificate.objects.filter(enrollment__session=session)
        .order_by()
        .values("state")
        .annotate(n=Count("pk"))
    )
    return CertificateProgress(**{row["state"]: row["n"] for row in rows})


def session_certificates(session: CourseSession) -> list[Certificate]:
    """Every certificate of ``session``, failures first, then by name: one query."""
    order = {State.FAILED: 0, State.PENDING: 1, State.RENDERED: 2, State.SENT: 3, State.REVOKED: 4}
    certificates = list(
        Certificate.objects.filter(enrollment__session=session).select_related(
            "enrollment__participant", "revoked_by", "issued_by"
        )
    )
    certificates.sort(
        key=lambda c: (order[c.state], c.snapshot.get("participant_name", "").casefold(), c.pk)
    )
    return certificates


def completers_without_certificate(session: CourseSession) -> QuerySet[Enrollment]:
    """Completed enrollments of ``session`` holding no certificate that is not revoked."""
    held = Certificate.objects.filter(enrollment=OuterRef("pk")).exclude(state=State.REVOKED)
    return (
        Enrollment.objects.filter(session=session, status=Enrollment.Status.COMPLETED)
        .exclude(Exists(held))
        .select_related("participant")
        .order_by("participant__last_name", "participant__first_name", "pk")
    )


def certificate_for_download(user, code: str) -> Certificate | None:
    """The certificate ``code`` if ``user`` may download it, else None: its holder while it
    is not revoked, and the coordinators of its session always. Two queries at most."""
    if not user.is_authenticated:
        return None
    certificate = (
        Certificate.objects.select_related("enrollment").filter(code=code).exclude(pdf="").first()
    )
    if certificate is None:
        return None
    if certificate.enrollment.participant_id == user.pk and certificate.is_valid:
        return certificate
    if sessions_for(user).filter(pk=certificate.enrollment.session_id).exists():
        return certificate
    return None


def downloadable_certificates() -> Prefetch:
    """Prefetch for enrollments: ``certificate_list``, the valid certificates with a PDF."""
    return Prefetch(
        "certificates",
        queryset=Certificate.objects.exclude(state=State.REVOKED).exclude(pdf=""),
        to_attr="certificate_list",
    )


def anyone_completed(session: CourseSession) -> bool:
    """Someone completed ``session`` (with or without a certificate): one query."""
    return Enrollment.objects.filter(session=session, status=Enrollment.Status.COMPLETED).exists()
