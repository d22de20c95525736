"""A session whose certificates cannot be printed (four issuing organizations, say) is
refused before anything is issued, with the reason on the certificates screen; and once
the session is corrected its failed certificates can be retried from the corrected
session, while a certificate that was already printed keeps what it says."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from courses.certificates.services import (
    CertificateError,
    process_certificate,
    retry_certificate,
    session_snapshot,
)
from courses.models import Certificate
from participants.models import Organization
from tests.factories.certificates import make_completers
from tests.factories.courses import make_session
from tests.factories.pages import make_course

pytestmark = pytest.mark.django_db

State = Certificate.State
FOUR = ("DPPA", "AUC", "OSCE", "IGAD")


@pytest.fixture
def session(catalog, coordinator):
    course = make_course(catalog, title="Regional mediation", partners=FOUR)
    session = make_session(
        course,
        coordinators=[coordinator],
        starts_on=datetime.date(2027, 3, 1),
        ends_on=datetime.date(2027, 3, 5),
    )
    make_completers(session, 3)
    return session


def test_issuing_with_four_organizations_is_refused_with_the_reason(client, coordinator, session):
    client.force_login(coordinator)
    screen = client.get(reverse("course_certificates:index", args=[session.pk]))
    assert "one to three issuing organizations; this session has 4" in screen.content.decode()
    response = client.post(
        reverse("course_certificates:issue", args=[session.pk]),
        {"confirm": "1", "people": [e.pk for e in session.enrollments.all()]},
    )
    assert response.status_code == 302
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("one to three issuing organizations" in m for m in messages)
    assert not Certificate.objects.filter(enrollment__session=session).exists()


def test_issuing_to_one_person_is_refused_too(client, coordinator, session):
    client.force_login(coordinator)
    enrollment = session.enrollments.first()
    client.post(
        reverse("course_certificates:issue", args=[session.pk]),
        {"enrollment": enrollment.pk},
    )
    assert not Certificate.objects.exists()


def test_a_corrected_session_issues(client, coordinator, session):
    session.issuing_organizations.set(Organization.objects.filter(acronym__in=("DPPA", "AUC")))
    client.force_login(coordinator)
    screen = client.get(reverse("course_certificates:index", args=[session.pk]))
    assert "data-certificate-problems" not in screen.content.decode()
    client.post(
        reverse("course_certificates:issue", args=[session.pk]),
        {"confirm": "1", "people": [e.pk for e in session.enrollments.all()]},
    )
    assert Certificate.objects.filter(enrollment__session=session).count() == 3


def failed_before_the_fix(session, coordinator):
    """Certificates issued with four organizations, then failed at rendering (what the
    service did before it checked first)."""
    common = session_snapshot(session)
    assert len(common["issuers"]) == 4
    return [
        Certificate.objects.create(
            enrollment=enrollment,
            language="en",
            snapshot={**common, "participant_name": "Someone", "hours_attended": "14"},
            issued_at=timezone.now(),
            issued_by=coordinator,
            state=State.FAILED,
            last_error="A certificate names one to three issuing organizations.",
        )
        for enrollment in session.enrollments.all()
    ]


def test_a_failed_certificate_is_retried_from_the_corrected_session(coordinator, session):
    failed = failed_before_the_fix(session, coordinator)
    with pytest.raises(CertificateError, match="one to three issuing organizations"):
        retry_certificate(certificate=failed[0], by=coordinator)
    failed[0].refresh_from_db()
    assert failed[0].state == State.FAILED
    session.issuing_organizations.set(Organization.objects.filter(acronym__in=("DPPA", "AUC")))
    mail.outbox.clear()
    for certificate in failed:
        retry_certificate(certificate=certificate, by=coordinator)
        certificate.refresh_from_db()
        assert [i["acronym"] for i in certificate.snapshot["issuers"]] == ["DPPA", "AUC"]
        assert certificate.snapshot["participant_name"].startswith("Person")
        assert process_certificate(certificate_id=certificate.pk) == State.SENT
    assert len(mail.outbox) == 3
    assert not Certificate.objects.filter(state=State.REVOKED).exists()


def test_a_rendered_certificate_keeps_its_snapshot_on_retry(coordinator, session):
    certificate = failed_before_the_fix(session, coordinator)[0]
    certificate.snapshot = {**certificate.snapshot, "issuers": certificate.snapshot["issuers"][:2]}
    certificate.rendered_at = timezone.now()
    certificate.save()
    before = certificate.snapshot
    session.issuing_organizations.set(Organization.objects.filter(acronym__in=("OSCE",)))
    retry_certificate(certificate=certificate, by=coordinator)
    certificate.refresh_from_db()
    assert certificate.snapshot == before
    assert certificate.state == State.RENDERED
