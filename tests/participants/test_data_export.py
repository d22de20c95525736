""" "Download my data": a ZIP of everything /profile/ lists and the person's training
records, prepared by a task, offered to its owner only, for a day, each step logged."""

import datetime
import io
import json
import zipfile
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from courses.certificates.services import issue_certificates, process_certificate
from courses.models import Enrollment
from participants.models import FocalPoint, Organization, PersonalDataExport
from participants.privacy import (
    DATA_DOWNLOADED_ACTION,
    DATA_REQUESTED_ACTION,
    remove_expired_exports,
)
from tests.factories.certificates import make_completers
from tests.factories.courses import make_session
from tests.factories.pages import make_course
from tests.factories.users import make_coordinator, make_participant

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator():
    return make_coordinator("coord")


@pytest.fixture
def amina(catalog, coordinator):
    course = make_course(catalog, title="Mediation process design")
    session = make_session(course, capacity=10, coordinators=[coordinator])
    mine, _theirs = make_completers(session, 2, names=[("Amina", "Diallo"), ("Kofi", "Mensah")])
    Enrollment.objects.filter(pk=mine.pk).update(justification="I lead talks in Mopti.")
    for certificate in issue_certificates(session=session, by=coordinator):
        process_certificate(certificate_id=certificate.pk)
    amina = mine.participant
    FocalPoint.objects.create(user=amina, organization=Organization.objects.get(acronym="AUC"))
    return amina


def download(client):
    export = PersonalDataExport.objects.get()
    response = client.get(reverse("profile_data_download", args=[export.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert "no-store" in response["Cache-Control"]
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_zip_holds_what_the_profile_lists_and_nothing_of_others(
    client, amina, django_capture_on_commit_callbacks
):
    client.force_login(amina)
    profile = client.get(reverse("profile")).content.decode()
    assert "Download my data" in profile
    assert client.get(reverse("profile_data_export")).status_code == 405

    with django_capture_on_commit_callbacks() as queued:
        page = client.post(reverse("profile_data_export"), follow=True).content.decode()
        client.post(reverse("profile_data_export"))  # asked twice: still one
    assert "Your data is being prepared" in page
    assert PersonalDataExport.objects.count() == 1 and len(queued) == 1
    queued[0]()  # the worker runs the task
    page = client.get(reverse("profile")).content.decode()
    assert "Download my data (ZIP)" in page  # the task ran (eagerly here)

    archive = download(client)
    data = json.loads(archive.read("data.json"))
    profile_facts = [
        amina.first_name,
        amina.last_name,
        amina.email,
        "African Union Commission",
        "Mediation officer",
        "ET",
    ]
    text = json.dumps(data, ensure_ascii=False)
    for fact in profile_facts:
        assert fact in text, fact
    assert data["focal_point_for"][0]["organization"] == "African Union Commission"
    (enrollment,) = data["enrollments"]
    assert enrollment["course"] == "Mediation process design"
    assert enrollment["justification"] == "I lead talks in Mopti."
    assert enrollment["attendance"] and enrollment["certificates"]
    pdfs = [name for name in archive.namelist() if name.endswith(".pdf")]
    assert pdfs == [f"certificates/{enrollment['certificates'][0]['reference']}.pdf"]
    assert archive.read(pdfs[0]).startswith(b"%PDF")
    for other in ("Kofi", "Mensah", "completer2@"):
        assert other not in text
    other_certificate = Enrollment.objects.exclude(participant=amina).get().certificates.get()
    assert other_certificate.code not in text

    actions = list(ModelLogEntry.objects.values_list("action", flat=True))
    assert DATA_REQUESTED_ACTION in actions and DATA_DOWNLOADED_ACTION in actions


def test_only_the_owner_downloads_and_only_for_a_day(
    client, amina, django_capture_on_commit_callbacks
):
    client.force_login(amina)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("profile_data_export"))
    export = PersonalDataExport.objects.get()
    assert export.state == "ready"
    url = reverse("profile_data_download", args=[export.pk])

    client.force_login(make_participant("someone-else"))
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # sign in first

    client.force_login(amina)
    assert client.get(url).status_code == 200
    assert export.expires_at - export.ready_at == datetime.timedelta(hours=24)
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    PersonalDataExport.objects.filter(pk=export.pk).update(expires_at=an_hour_ago)
    assert client.get(url).status_code == 404
    path = Path(export.file.path)
    assert remove_expired_exports() == 1
    assert not PersonalDataExport.objects.exists()
    assert not path.exists()
    assert "/media/" not in str(path)
