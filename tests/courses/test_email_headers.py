"""Email headers are built from one-line text: a course title with a line break (a
coordinator pasted it) must not stop every email about the course, and no subject of
any notice, in any shipped language, carries a double space or a space at either end
once it has been through the wire and back."""

import email
import email.policy
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone, translation

from courses.certificates.services import issue_certificates, process_certificate
from courses.enrollment import invitations, notifications
from courses.mailer import CompactEmail, header_text
from courses.models import CohortMessage, Notice, SupervisorClearance
from tests.factories.certificates import make_completers
from tests.factories.courses import make_cohort, make_session
from tests.factories.pages import make_course

pytestmark = pytest.mark.django_db

#: The kinds ``notifications.render`` writes: an invitation's email is the invitation's.
ENROLLMENT_KINDS = [kind for kind in Notice.Kind.values if kind != Notice.Kind.INVITATION]


def subject_on_the_wire(message) -> str:
    """The subject a mail reader shows: the message serialized, parsed and decoded."""
    parsed = email.message_from_bytes(message.message().as_bytes(), policy=email.policy.default)
    return str(parsed["Subject"])


def test_header_text_joins_lines_and_keeps_other_spaces():
    assert header_text("Mediation\r\n process\ndesign\u2028 ") == "Mediation process design"
    assert header_text("Médiation\xa0: été") == "Médiation\xa0: été"  # French NBSP kept
    assert header_text("a\x00b\tc") == "a b c"


def cohort_message(session, kind):
    if kind != Notice.Kind.MESSAGE:
        return None
    return CohortMessage.objects.create(
        session=session, audience="confirmed", subject="News of {course}", body="{course}"
    )


def with_clearance(enrollment):
    """The supervisor's emails are about a clearance: the enrollment asks for one."""
    SupervisorClearance.objects.create(
        enrollment=enrollment,
        supervisor_email="supervisor@example.org",
        expires_at=timezone.now() + timedelta(days=21),
    )
    return enrollment


def test_a_title_with_a_line_break_still_sends_every_notice(catalog):
    course = make_course(catalog, title="Mediation\r\nprocess design\n")
    session = make_session(course)
    (enrollment,) = make_cohort(session, 1)
    with_clearance(enrollment)
    mail.outbox.clear()
    for kind in ENROLLMENT_KINDS:
        notice = Notice.objects.create(
            enrollment=enrollment, kind=kind, key="7d", message=cohort_message(session, kind)
        )
        assert notifications.deliver(notice.pk) is True
        notice.refresh_from_db()
        assert notice.last_error == ""
    (invitation,) = invitations.invite(
        session=session, by=None, rows=[invitations.Invitee(1, "amina@example.org")]
    )
    notice = Notice.objects.get(invitation=invitation)
    assert notifications.deliver(notice.pk) is True
    assert len(mail.outbox) == len(Notice.Kind.values)
    for message in mail.outbox:
        assert "Mediation process design" in message.subject
        assert "\n" not in message.subject and "\r" not in message.subject
        assert "Mediation process design" in subject_on_the_wire(message)


def test_a_title_with_a_line_break_still_sends_the_certificate(catalog, coordinator):
    course = make_course(catalog, title="Mediation\r\nprocess design")
    session = make_session(course, coordinators=[coordinator])
    make_completers(session, names=[("Amina", "Diallo")])
    (certificate,) = issue_certificates(session=session, by=coordinator)
    mail.outbox.clear()
    assert process_certificate(certificate_id=certificate.pk) == "sent"
    (message,) = mail.outbox
    assert subject_on_the_wire(message) == "Your certificate for Mediation process design"


# Titles of every length from short to long, with and without accents, so that the
# encoder folds the subject at every possible place.
TITLES = [prefix + "x" * n for n in range(0, 64, 4) for prefix in ("Médiation ", "Mediation ")]
#: A title that stands for any other: a subject is its template with the title put in, so
#: the subject of every title is the marker's with the marker replaced (made one line and
#: trimmed, as every subject is).
MARKER = "Zqmarkerqz"


def test_no_subject_has_a_double_space_in_any_language(catalog):
    """Every kind of notice in every shipped language, rendered by the real pipeline
    with a marker title (and, as a check that the subject is the template with the
    title put in, with the shortest and the longest title); then the subject of every
    title length goes through the encoder and back. One cohort for all languages."""
    course = make_course(catalog, title=MARKER)
    session = make_session(course)
    (enrollment,) = make_cohort(session, 1)
    with_clearance(enrollment)
    notices = [
        Notice.objects.create(
            enrollment=enrollment, kind=kind, key="7d", message=cohort_message(session, kind)
        )
        for kind in ENROLLMENT_KINDS
    ]
    participant = enrollment.participant.participant
    checked = 0
    for language, _name in settings.LANGUAGES:
        participant.preferred_language = language
        participant.save(update_fields=["preferred_language"])
        for notice in notices:
            with translation.override(language):
                # A cohort message's subject is the coordinator's, with {course} in it.
                kind = notice.kind
                template = notifications.SUBJECTS[kind]() if kind in notifications.SUBJECTS else ""
            assert "  " not in template and template == template.strip(), (language, template)

            def render(title, notice=notice):
                notice.enrollment.session.course.title = title
                return notifications.render(notice).subject

            marked = render(MARKER)
            assert MARKER in marked, (language, notice.kind, marked)
            for title in (TITLES[0], TITLES[-1]):
                assert render(title) == header_text(marked.replace(MARKER, title)), (
                    language,
                    title,
                )
            for title in TITLES:
                subject = header_text(marked.replace(MARKER, title))
                shown = subject_on_the_wire(CompactEmail(subject=subject, to=["a@example.org"]))
                assert "  " not in shown, (language, shown)
                assert shown == shown.strip()
                assert shown == subject
                checked += 1
        with translation.override(language):
            for title in TITLES:
                subject = str(CompactEmail(subject=f"Your certificate for {title}").subject)
                assert subject_on_the_wire(CompactEmail(subject=subject, to=["a@example.org"])) == (
                    subject
                )
    assert checked == len(settings.LANGUAGES) * len(ENROLLMENT_KINDS) * len(TITLES)
