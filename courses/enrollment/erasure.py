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

from ..models import Enrollment, Meeting, ModuleVisit


@receiver(person_erasing, dispatch_uid="courses.enrollment.erasure")
def clear_what_enrollments_say_about_the_person(sender, *, user, by, **kwargs):
    """Enrollments keep their status, organization and completion figures (reports count
    them); the justification the person wrote when applying is cleared."""
    Enrollment.objects.filter(participant=user).exclude(justification="").update(justification="")


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
        )
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
            }
        )
    visits = ModuleVisit.objects.filter(user=user).select_related("module")
    return {
        "json": {
            "enrollments": records,
            "modules_opened": [
                {"module": v.module.title, "first_opened_at": v.first_opened_at} for v in visits
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
