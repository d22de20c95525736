"""Demo applications: the approval session ``auc-2027-addis`` asks an application form
(role, experience, languages, a CV, an optional nomination letter), its applicants'
supervisors' clearance and three acknowledgements from the library. Three of the people
waiting for a decision have answered, with a CV; one supervisor has cleared, one was
asked and has not answered yet, one declined. Made through the services the site uses
(requests, answers, consent). Safe to rerun: a session with a form is left alone."""

from __future__ import annotations

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from courses.enrollment import clearance, consent
from courses.models import (
    ApplicationAnswer,
    ApplicationForm,
    ApplicationQuestion,
    ConsentDocument,
    CourseSession,
    Enrollment,
)

SESSION = "auc-2027-addis"
K = ApplicationQuestion.Kind

LIBRARY = [
    (
        ConsentDocument.Kind.PRIVACY,
        "Privacy notice",
        "We keep your profile, application and attendance to run the session and to report "
        "on it (numbers by organization, gender and region). The session's coordinators "
        "read your application; nobody else. You may see, download and erase your data "
        "from your profile.",
        True,
    ),
    (
        ConsentDocument.Kind.CONDUCT,
        "Chatham House rule",
        "Participants are free to use the information received, but neither the identity "
        "nor the affiliation of the speaker, nor that of any other participant, may be "
        "revealed. Case material shared in the sessions stays in the room.",
        True,
    ),
    (
        ConsentDocument.Kind.RECORDING,
        "Photos and recordings",
        "The organizers may take photos of the plenary sessions for the programme's report. "
        "You may withdraw this consent at any time from My learning.",
        False,
    ),
]


def demo_pdf(title: str) -> bytes:
    """A one-page PDF that says ``title``: enough to open in a browser."""
    text = title.replace("(", "[").replace(")", "]")
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def seed_applications() -> int:
    """The demo's application form and answers; how many applications were made."""
    session = CourseSession.objects.filter(code=SESSION).first()
    if session is None or ApplicationForm.objects.filter(session=session).exists():
        return 0
    documents = []
    for kind, title, text, condition in LIBRARY:
        document, _made = ConsentDocument.objects.get_or_create(
            title=title, defaults={"kind": kind, "text": text, "is_condition": condition}
        )
        documents.append(document)
    form = ApplicationForm.objects.create(
        session=session,
        intro=(
            "Tell us about your role and your experience of the AU's policy organs. The "
            "coordinators select for a balance of organizations, regions and experience."
        ),
        requires_clearance=True,
        translations={
            "fr": {
                "intro": "Présentez votre fonction et votre expérience des organes "
                "politiques de l'UA."
            }
        },
    )
    form.consents.set(documents)
    questions = [
        ApplicationQuestion(
            form=form,
            sort_order=0,
            kind=K.SINGLE,
            text="Your role in mediation support",
            choices="Mediator or envoy\nMediation adviser\nAnalyst\nProgramme officer",
            in_queue=True,
            translations={
                "fr": {
                    "text": "Votre rôle dans l'appui à la médiation",
                    "choices": [
                        "Médiateur ou envoyé",
                        "Conseiller en médiation",
                        "Analyste",
                        "Chargé de programme",
                    ],
                }
            },
        ),
        ApplicationQuestion(
            form=form,
            sort_order=1,
            kind=K.SHORT_TEXT,
            text="Years of experience in peace and security",
            in_queue=True,
            translations={"fr": {"text": "Années d'expérience en paix et sécurité"}},
        ),
        ApplicationQuestion(
            form=form,
            sort_order=2,
            kind=K.LANGUAGES,
            text="Working languages",
            help_text="The session is held in French, with English material.",
            choices="French\nEnglish\nArabic\nPortuguese",
            translations={"fr": {"text": "Langues de travail"}},
        ),
        ApplicationQuestion(
            form=form,
            sort_order=3,
            kind=K.YES_NO,
            text="Have you supported a PSC meeting before?",
            in_queue=True,
            required=False,
        ),
        ApplicationQuestion(form=form, sort_order=4, kind=K.CV, text="Your CV", in_queue=True),
        ApplicationQuestion(
            form=form,
            sort_order=5,
            kind=K.NOMINATION_LETTER,
            text="Nomination letter",
            required=False,
            help_text="If your organization nominated you, its letter.",
        ),
    ]
    ApplicationQuestion.objects.bulk_create(questions)
    role, years, languages, psc, cv, _letter = questions
    waiting = list(
        Enrollment.objects.filter(session=session, status=Enrollment.Status.REQUESTED)
        .select_related("participant")
        .order_by("requested_at", "pk")[:3]
    )
    now = timezone.now()
    stories = [
        ("Mediation adviser", "9", {"French": "native", "English": "fluent"}, True, "cleared"),
        ("Analyst", "4", {"French": "fluent", "Arabic": "native"}, False, "pending"),
        ("Programme officer", "6", {"English": "native", "French": "working"}, True, "declined"),
    ]
    for enrollment, (role_answer, years_answer, spoken, psc_answer, state) in zip(
        waiting, stories, strict=False
    ):
        user = enrollment.participant
        for question, value in ((role, role_answer), (years, years_answer), (languages, spoken)):
            ApplicationAnswer.objects.create(enrollment=enrollment, question=question, value=value)
        ApplicationAnswer.objects.create(enrollment=enrollment, question=psc, value=psc_answer)
        answer = ApplicationAnswer(
            enrollment=enrollment,
            question=cv,
            file_name=f"CV {user.get_full_name()}.pdf",
            content_type="application/pdf",
        )
        answer.file.save(
            f"{session.code}/{enrollment.pk}-{cv.pk}-demo.pdf",
            ContentFile(demo_pdf(f"Curriculum vitae: {user.get_full_name()}")),
            save=True,
        )
        asked = clearance.request_clearance(
            enrollment=enrollment,
            supervisor_email=f"supervisor.{user.username}@example.org",
            supervisor_name="Director, Peace and Security",
            now=now - datetime.timedelta(days=4),
        )
        if state != "pending":
            clearance.answer(
                clearance=asked,
                cleared=state == "cleared",
                comment="Travel and time approved."
                if state == "cleared"
                else "Needed at headquarters during the PSC retreat.",
            )
        consent.accept(user=user, documents=documents, session=session)
    return len(waiting)
