"""The demo holds certificates: sent ones, one revoked after a correction and the one
that replaced it, with working verification pages and a download in My learning."""

import pytest
from django.core import mail
from django.urls import reverse

from courses.demo import CERTIFICATE_SESSIONS, seed_certificates
from courses.models import Certificate

pytestmark = pytest.mark.django_db

State = Certificate.State


def test_the_demo_has_sent_and_revoked_certificates_that_verify(demo_site, client):
    certificates = Certificate.objects.filter(enrollment__session__code__in=CERTIFICATE_SESSIONS)
    states = sorted(certificates.values_list("state", flat=True))
    assert states.count(State.REVOKED) == 1 and states.count(State.SENT) == len(states) - 1
    assert len(states) >= 6
    assert certificates.filter(enrollment__participant__username="participant").exists()
    assert mail.outbox == []  # the made-up addresses were never mailed
    revoked = certificates.get(state=State.REVOKED)
    assert revoked.replaced_by.state == State.SENT
    for certificate in certificates:
        assert certificate.pdf and certificate.sent_at is not None  # the revoked one too
        page = client.get(certificate.get_absolute_url()).content.decode()
        expected = "Revoked certificate" if certificate == revoked else "Valid certificate"
        assert expected in page and certificate.snapshot["participant_name"] in page
    assert seed_certificates(coordinator=revoked.issued_by) == []  # seeding again: nothing


def test_a_demo_participant_downloads_her_certificate(demo_site, client):
    certificate = Certificate.objects.filter(
        enrollment__participant__username="amina.diallo", state=State.SENT
    ).first()
    assert client.login(email="amina.diallo@concord.example.org", password="concord-participant")
    link = reverse("certificate_download", args=[certificate.code])
    assert link in client.get(reverse("my_learning")).content.decode()
    response = client.get(link)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
