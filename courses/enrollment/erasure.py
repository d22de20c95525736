"""A person's training records under the personal-data rules (``participants.privacy``):
what "Download my data" includes, and what erasing the person does to them (the rows
stay, so a session's totals, attendance rates and certificates do not change; the text
the person wrote about themselves goes).

Connected from ``CoursesConfig.ready``; participants never imports courses.
"""

from django.db.models import Max, Prefetch
from django.dispatch import receiver

from participants.privacy import collecting_personal_data, person_erasing
from participants.retention import reporting_activity

from ..models import (
    ApplicationAnswer,
    ApplicationQuestion,
    ConsentRecord,
    Enrollment,
    Meeting,
    ModuleVisit,
    SupervisorClearance,
)
from .application_records import delete_files_on_commit
from .applications import has_clearance

FREE_TEXT = (ApplicationQuestion.Kind.SHORT_TEXT, ApplicationQuestion.Kind.LONG_TEXT)


@receiver(person_erasing, dispatch_uid="courses.enrollment.erasure")
def clear_what_enrollments_say_about_the_person(sender, *, user, by, **kwargs):
    """Enrollments keep their status, organization and completion figures (reports count
    them); the justification the person wrote when applying is cleared.

    Application answers: the files leave storage (once the erasure commits) and the
    answers written in free text are blanked; choices and yes/no stay (the queue's
    and reports' figures). The supervisor's clearance keeps its state and dates, loses
    the supervisor's name, email and comment. Consent records stay as the proof of what
    was accepted, tied to the (anonymised) account."""
    Enrollment.objects.filter(participant=user).exclude(justification="").update(justification="")
    answers = ApplicationAnswer.objects.filter(enrollment__participant=user)
    with_files = answers.exclude(file="")
    names = list(with_files.values_list("file", flat=True))
    with_files.update(file="", file_name="", content_type="")
    delete_files_on_commit(names)
    answers.filter(question__kind__in=FREE_TEXT).exclude(value=None).update(value=None)
    SupervisorClearance.objects.filter(enrollment__participant=user).update(
        supervisor_name="", supervisor_email="", comment=""
    )


def _answer_value(answer):
    if answer.file:
        return {"file": answer.file_name, "in_zip": _file_path(answer)}
    return answer.value


def _file_path(answer):
    extension = answer.file.name.rsplit(".", 1)[-1] if "." in answer.file.name else "bin"
    return f"applications/{answer.enrollment.session.code}/{answer.pk}.{extension}"


def _application(enrollment, files):
    """The answers (question and answer), the files (into the ZIP) and the clearance."""
    answers = []
    for answer in enrollment.answers.all():
        answers.append(
            {
                "question": answer.question.text,
                "answer": _answer_value(answer),
                "answered_at": answer.answered_at,
            }
        )
        if answer.file and answer.file.storage.exists(answer.file.name):
            with answer.file.open("rb") as uploaded:
                files[_file_path(answer)] = uploaded.read()
    clearance = None
    if has_clearance(enrollment):
        c = enrollment.clearance
        clearance = {
            "state": c.state,
            "requested_at": c.requested_at,
            "decided_at": c.decided_at,
            "supervisor_comment": c.comment,
        }
    return answers, clearance


@receiver(collecting_personal_data, dispatch_uid="courses.enrollment.personal_data")
def personal_training_records(sender, *, user, **kwargs):
    """The person's enrollments, attendance, notices and certificates (with their PDFs)
    for "Download my data": rows of this person only, found through ``participant``."""
    enrollments = list(
        Enrollment.objects.filter(participant=user)
        .select_related("session__course", "organization")
        .prefetch_related(
            Prefetch("attendances__meeting", queryset=Meeting.objects.numbered()),
            "notices",
            "certificates",
            Prefetch(
                "answers",
                queryset=ApplicationAnswer.objects.select_related("question").order_by(
                    "question__sort_order", "pk"
                ),
            ),
        )
        .select_related("clearance")
        .order_by("requested_at", "pk")
    )
    files = {}
    records = []
    for enrollment in enrollments:
        session = enrollment.session
        certificates = []
        for certificate in enrollment.certificates.all():
            certificates.append(
                {
                    "reference": certificate.short_code,
                    "verification_code": certificate.code,
                    "state": certificate.state,
                    "issued_at": certificate.issued_at,
                    "what_it_certifies": certificate.snapshot,
                }
            )
            if certificate.pdf and certificate.pdf.storage.exists(certificate.pdf.name):
                with certificate.pdf.open("rb") as pdf:
                    files[f"certificates/{certificate.short_code}.pdf"] = pdf.read()
        answers, clearance = _application(enrollment, files)
        records.append(
            {
                "course": session.course.title,
                "session": session.code,
                "starts_on": session.starts_on,
                "ends_on": session.ends_on,
                "organization": enrollment.organization.name,
                "status": enrollment.status,
                "requested_at": enrollment.requested_at,
                "decided_at": enrollment.decided_at,
                "justification": enrollment.justification,
                "reason": enrollment.reason,
                "attendance_percent": enrollment.attendance_percent,
                "attendance": [
                    {
                        "sitting": a.meeting.label,
                        "starts_at": a.meeting.starts_at,
                        "status": a.status,
                    }
                    for a in enrollment.attendances.all()
                ],
                "notices_sent": [
                    {"kind": n.kind, "created_at": n.created_at, "sent_at": n.sent_at}
                    for n in enrollment.notices.all()
                ],
                "certificates": certificates,
                "application_answers": answers,
                "supervisor_clearance": clearance,
            }
        )
    visits = ModuleVisit.objects.filter(user=user).select_related("module")
    consents = ConsentRecord.objects.filter(user=user).select_related("document", "session")
    return {
        "json": {
            "enrollments": records,
            "modules_opened": [
                {"module": v.module.title, "first_opened_at": v.first_opened_at} for v in visits
            ],
            "consents": [
                {
                    "title": c.document.title,
                    "version": c.version,
                    "text": c.text,
                    "session": c.session.code if c.session else None,
                    "accepted_at": c.accepted_at,
                    "withdrawn_at": c.withdrawn_at,
                }
                for c in consents
            ],
        },
        "files": files,
    }


@receiver(reporting_activity, dispatch_uid="courses.enrollment.activity")
def latest_enrollment_activity(sender, *, user, **kwargs):
    """Retention counts an enrollment request or decision as activity."""
    latest = Enrollment.objects.filter(participant=user).aggregate(
        requested=Max("requested_at"), decided=Max("decided_at")
    )
    return max((d for d in latest.values() if d), default=None)
