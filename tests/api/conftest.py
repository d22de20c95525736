"""A course with a finished session: completers of two organizations, their sent
certificates (with stand-in PDFs), and API tokens to read them."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from api.tokens import create_token
from courses.certificates.services import issue_certificates
from courses.models import ApiToken, Certificate, Enrollment
from participants.models import Organization
from tests.factories.certificates import make_completers
from tests.factories.courses import make_session
from tests.factories.pages import make_course
from tests.factories.users import make_coordinator

Scope = ApiToken.Scope


@pytest.fixture
def course(catalog):
    return make_course(catalog, title="Mediation process design", partners=("DPPA", "AUC"))


@pytest.fixture
def coordinator(db):
    return make_coordinator("coord")


@pytest.fixture
def finished(course, coordinator):
    """(session, AUC enrollments, OSCE enrollment), all completed with sent certificates."""
    session = make_session(
        course,
        code="mpd-2027-addis",
        city="Addis Ababa",
        country="ET",
        status="completed",
        coordinators=[coordinator],
        starts_on=datetime.date(2027, 3, 1),
        ends_on=datetime.date(2027, 3, 5),
        enrollment_opens_at=timezone.now() - datetime.timedelta(days=60),
        enrollment_closes_at=timezone.now() - datetime.timedelta(days=30),
    )
    auc = make_completers(session, 2, names=[("Amina", "Diallo"), ("Kwame", "Asante")])
    osce = make_completers(session, 1, names=[("Olga", "Weber")], acronym="OSCE")
    Enrollment.objects.filter(session=session).update(
        attended_meetings=2, counted_meetings=2, attendance_percent=100
    )
    for certificate in issue_certificates(session=session, by=coordinator):
        certificate.pdf.save(f"pdf/api/{certificate.code}.pdf", ContentFile(b"%PDF-1.7 x"))
        Certificate.objects.filter(pk=certificate.pk).update(
            state=Certificate.State.SENT, sent_at=timezone.now()
        )
    return session, auc, osce


def token_for(acronym, *scopes, name="HR system"):
    organization = Organization.objects.get(acronym=acronym)
    token, secret = create_token(name=name, organization=organization, scopes=list(scopes), by=None)
    return token, secret


@pytest.fixture
def auc_token(db):
    return token_for("AUC", Scope.ENROLLMENTS, Scope.ATTENDANCE, Scope.CERTIFICATES)


def bearer(secret):
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


@pytest.fixture(autouse=True)
def signing_keys(settings, tmp_path):
    """Keys of each test's own (made on first use): a rotation leaves nothing behind."""
    settings.CREDENTIALS_KEY_DIR = str(tmp_path / "credential-keys")
