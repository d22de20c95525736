"""The demo issues a signed credential for each sent certificate; My learning offers
them and the public verification page says they exist."""

import pytest
from django.urls import reverse

from courses.models import Certificate, CertificateCredential

pytestmark = pytest.mark.django_db


def test_every_sent_demo_certificate_has_its_credential_linked_from_my_learning(demo_site, client):
    sent = Certificate.objects.filter(state=Certificate.State.SENT)
    assert sent.exists()
    assert set(CertificateCredential.objects.values_list("certificate_id", flat=True)) == set(
        sent.values_list("pk", flat=True)
    )
    certificate = sent.filter(enrollment__participant__username="amina.diallo").first()
    assert client.login(email="amina.diallo@concord.example.org", password="concord-participant")
    page = client.get(reverse("my_learning")).content.decode()
    assert reverse("credential_download", args=[certificate.code]) in page
    assert reverse("badge_download", args=[certificate.code]) in page
    client.logout()
    verify = client.get(certificate.get_absolute_url()).content.decode()
    assert "Open Badges 3.0" in verify and reverse("did_document") in verify
