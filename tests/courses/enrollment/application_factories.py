"""Application forms, documents and applicants for the application tests."""

import datetime
import io
import zipfile

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone

from courses.models import (
    ApplicationAnswer,
    ApplicationForm,
    ApplicationQuestion,
    ConsentDocument,
    Enrollment,
    SupervisorClearance,
)
from participants.models import Organization, Participant
from tests.factories.courses import make_profile, make_session
from tests.factories.users import make_participant

K = ApplicationQuestion.Kind
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name="cv.pdf", data=PDF_BYTES):
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def docx(name="letter.docx"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr("word/document.xml", "<w:document/>")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/octet-stream")


def odt(name="letter.odt"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/octet-stream")


def spreadsheet_zip(name="cv.docx"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sheet.main+xml"/></Types>',
        )
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/pdf")


def html_named_pdf(name="cv.pdf"):
    return SimpleUploadedFile(
        name, b"<!doctype html><script>alert(1)</script>", content_type="application/pdf"
    )


def make_form(session, *, clearance=False, consents=(), cv_required=True):
    form = ApplicationForm.objects.create(session=session, requires_clearance=clearance)
    form.consents.set(consents)
    role = ApplicationQuestion.objects.create(
        form=form,
        sort_order=0,
        kind=K.SINGLE,
        text="Your role",
        choices="Mediator\nAdviser",
        in_queue=True,
    )
    years = ApplicationQuestion.objects.create(
        form=form, sort_order=1, kind=K.SHORT_TEXT, text="Years of experience", in_queue=True
    )
    french = ApplicationQuestion.objects.create(
        form=form,
        sort_order=2,
        kind=K.YES_NO,
        text="Do you work in French?",
        in_queue=True,
        required=False,
    )
    languages = ApplicationQuestion.objects.create(
        form=form,
        sort_order=3,
        kind=K.LANGUAGES,
        text="Languages",
        choices="English\nFrench",
        required=False,
    )
    cv = ApplicationQuestion.objects.create(
        form=form, sort_order=4, kind=K.CV, text="Your CV", required=cv_required, in_queue=True
    )
    return form, {"role": role, "years": years, "french": french, "languages": languages, "cv": cv}


def make_consent(title="Chatham House rule", kind="conduct", condition=True):
    return ConsentDocument.objects.create(
        kind=kind, title=title, text=f"{title}: what is said stays here.", is_condition=condition
    )


def applicant(username, acronym="DPPA"):
    user = make_participant(username)
    make_profile(user, acronym)
    return user


def approval_session(course, coordinators=(), **extra):
    return make_session(course, policy="approval", coordinators=coordinators, **extra)


def bulk_applicants(session, questions, n):
    User = get_user_model()
    organizations = list(Organization.objects.order_by("pk")[:12])
    users = User.objects.bulk_create(
        User(
            username=f"applicant{i}",
            email=f"applicant{i}@example.org",
            first_name=f"A{i:03d}",
            last_name="Applicant",
        )
        for i in range(n)
    )
    Participant.objects.bulk_create(
        Participant(
            user=user,
            organization=organizations[i % len(organizations)],
            job_title="Political affairs officer",
            duty_station="KE",
        )
        for i, user in enumerate(users)
    )
    now = timezone.now()
    enrollments = Enrollment.objects.bulk_create(
        Enrollment(
            session=session,
            participant=user,
            organization=organizations[i % len(organizations)],
            status=Enrollment.Status.REQUESTED,
            requested_at=now - datetime.timedelta(minutes=n - i),
        )
        for i, user in enumerate(users)
    )
    roles = ["Mediator", "Adviser"]
    answers = []
    for i, enrollment in enumerate(enrollments):
        answers += [
            ApplicationAnswer(
                enrollment=enrollment, question=questions["role"], value=roles[i % 2]
            ),
            ApplicationAnswer(
                enrollment=enrollment, question=questions["years"], value=str(i % 20)
            ),
            ApplicationAnswer(
                enrollment=enrollment, question=questions["french"], value=i % 3 == 0
            ),
            ApplicationAnswer(
                enrollment=enrollment,
                question=questions["languages"],
                value={"English": "fluent", "French": "working"},
            ),
            ApplicationAnswer(
                enrollment=enrollment,
                question=questions["cv"],
                file=f"{session.code}/{enrollment.pk}-cv.pdf",
                file_name=f"CV A{i:03d}.pdf",
                content_type="application/pdf",
            ),
        ]
    ApplicationAnswer.objects.bulk_create(answers, batch_size=1000)
    SupervisorClearance.objects.bulk_create(
        SupervisorClearance(
            enrollment=enrollment,
            supervisor_email=f"boss{i}@example.org",
            state=["pending", "cleared", "declined"][i % 3],
            expires_at=now + datetime.timedelta(days=21),
        )
        for i, enrollment in enumerate(enrollments)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE courses_enrollment, courses_applicationanswer")
