"""Certificates: issuing, revoking and re-issuing them, and the pipeline that renders,
stores and emails each one.

Issuing writes the rows in one transaction that locks the session row (so two clicks
never race) and queues the certificates' tasks (a few certificates each) once it
commits. What a certificate certifies is copied into its ``snapshot`` when it is
issued, logos and signatures included (as content-addressed files in the certificates
storage), so no later edit or deletion changes or breaks it. At most one certificate
per enrollment is not revoked (a database constraint); re-issuing revokes the old one
first.

The pipeline (``process_certificate``, run by Celery tasks) holds the certificate's row
lock and records each step on the row, so that running it again, or twice at once,
skips what is done: the PDF is rendered and stored once (state ``rendered``); the email
goes out once, and ``mail_accepted_at`` is committed the moment the mail server
accepted it (with the state ``sent``), so a run after that never sends it again.
Temporary mail and network errors are raised for the task to retry with backoff;
other errors mark the certificate ``failed`` with the reason, for a coordinator to
retry. ``requeue_stuck_certificates`` (a beat task) queues again what a lost task
left unfinished, and gives up, marking it failed, after too many attempts.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import hashlib
import logging
import math
import unicodedata
from collections.abc import Iterable
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from cms.selectors import title_in
from courses import mailer, tasks
from courses.access import is_coordinator, lock_session
from courses.attendance.selectors import attended_hours_by_enrollment
from courses.audit import (
    FAIL_ACTION,
    ISSUE_ACTION,
    REISSUE_ACTION,
    RETRY_ACTION,
    REVOKE_ACTION,
    log_each,
)
from courses.certificates import credentials
from courses.certificates.snapshot import CertificateSnapshot
from courses.models import (
    CERTIFICATE_LANGUAGES,
    Certificate,
    CourseSession,
    Enrollment,
    certificate_storage,
)
from participants.models import Organization
from participants.selectors import language_of, printed_names

logger = logging.getLogger(__name__)

State = Certificate.State
UNFINISHED = (State.PENDING, State.RENDERED)
LOGO_SPEC = "max-480x480|format-png"
SIGNATURE_SPEC = "max-600x200|format-png"


class CertificateError(Exception):
    """A refusal to explain to the coordinator who asked; nothing was changed."""


# ---------------------------------------------------------------------------------------
# What a certificate says


def certificate_language(session: CourseSession) -> str:
    """The session's language when a certificate template exists for it, else English."""
    return session.certificate_language


def certificate_second_language(session: CourseSession) -> str:
    """The language printed beside the first on a bilingual certificate, or ""."""
    second = session.certificate_second_language
    available = {code for code, _name in CERTIFICATE_LANGUAGES}
    return second if second in available and second != certificate_language(session) else ""


def issuing_organizations(session: CourseSession) -> list[Organization]:
    """Who issues the session's certificates, UN entities first.

    The session's own choice if it made one; else the course's partner organizations,
    with the programme's UN entity (``CERTIFICATE_UN_ENTITY``) first when no partner is
    a UN entity.
    """
    chosen = list(session.issuing_organizations.select_related("logo"))
    if not chosen:
        chosen = list(session.course.partner_organizations.select_related("logo"))
        if not any(org.kind == Organization.Kind.UN for org in chosen):
            un_entity = (
                Organization.objects.select_related("logo")
                .filter(acronym=settings.CERTIFICATE_UN_ENTITY)
                .first()
            )
            if un_entity is not None:
                chosen.insert(0, un_entity)
    return sorted(chosen, key=lambda org: (org.kind != Organization.Kind.UN, org.acronym))


# What the certificate template can print (``certificate_pdf.render``'s own limits).
MAX_ISSUERS = 3
MAX_SIGNATORIES = 3


def certificate_problems(session: CourseSession) -> list[str]:
    """Why certificates of ``session`` could not be made as it stands, for the coordinator
    (empty when they can): checked before issuing, so that nothing is issued, queued and
    then failed by the hundred for a reason only the session's settings can fix."""
    problems = []
    issuers = len(issuing_organizations(session))
    if not 1 <= issuers <= MAX_ISSUERS:
        problems.append(
            _(
                "A certificate names one to three issuing organizations; this session has "
                "%(n)d. Choose its issuing organizations in the session's settings."
            )
            % {"n": issuers}
        )
    if session.signatories.count() > MAX_SIGNATORIES:
        problems.append(_("A certificate has at most three signatories: remove the others."))
    if session.ends_on < session.starts_on:
        problems.append(_("The session ends before it starts: correct its dates."))
    return problems


def _write_atomically(name: str, data: bytes) -> str:
    """Store ``data`` under ``name`` so that nobody ever reads a partial file, replacing
    what the name held (the name says which certificate or image copy it is).

    The certificates storage writes whole: on disk a temporary file renamed over the name
    (``config.local_storage``), in an object store one PUT, which shows the old object or
    the new one, never a part. Both are configured to overwrite (``allow_overwrite`` /
    ``file_overwrite``); a storage that picked another name would lose the link.
    """
    saved = certificate_storage().save(name, ContentFile(data))
    if saved != name:
        certificate_storage().delete(saved)
        raise ImproperlyConfigured(
            "The certificates storage must replace files in place (allow_overwrite on the "
            "filesystem, file_overwrite on S3)."
        )
    return saved


def _copy_image(image, spec: str) -> str | None:
    """A copy of ``image`` (a PNG rendition) in the certificates storage, by content hash.

    The snapshot names the copy, so deleting or replacing the image later changes
    nothing. None when there is no image or its file cannot be read (the certificate is
    printed without it rather than not at all).
    """
    if image is None:
        return None
    try:
        rendition = image.get_rendition(spec)
        with rendition.file.open("rb") as file:
            data = file.read()
    except Exception:
        logger.warning("Image %s could not be read for a certificate", image.pk, exc_info=True)
        return None
    name = f"assets/{hashlib.sha256(data).hexdigest()}.png"
    if not certificate_storage().exists(name):
        _write_atomically(name, data)
    return name


@functools.lru_cache(maxsize=64)
def _asset_bytes(name: str) -> bytes | None:
    # Content-addressed: a name always means the same bytes, so caching them is safe.
    try:
        with certificate_storage().open(name, "rb") as file:
            return file.read()
    except OSError:
        logger.warning("Certificate asset %s is missing", name)
        return None


def session_snapshot(session: CourseSession) -> dict:
    """What every certificate of ``session`` says, apart from the person and their hours."""
    language = certificate_language(session)
    second = certificate_second_language(session)
    with translation.override(language):
        place = str(session.place)
    if second:
        with translation.override(second):
            second_place = str(session.place)
    return {
        "language": language,
        "second_language": second,
        "second_place": second_place if second else "",
        # The course's title in each language of the certificate: its translation's,
        # where the course is translated into it (a session points at the source page).
        "course_title": title_in(session.course, language),
        "second_course_title": title_in(session.course, second) if second else "",
        "session_code": session.code,
        "starts_on": session.starts_on.isoformat(),
        "ends_on": session.ends_on.isoformat(),
        "is_online": session.is_online,
        "city": session.city,
        "country": str(session.country.code or ""),
        "place": place,
        "issuers": [
            {
                "name": org.name,
                "acronym": org.acronym,
                "colour": org.colour,
                "logo": _copy_image(org.logo, LOGO_SPEC),
            }
            for org in issuing_organizations(session)
        ],
        "signatories": [
            {
                "name": signatory.name,
                "title": signatory.title,
                "signature": _copy_image(signatory.signature, SIGNATURE_SPEC),
            }
            for signatory in session.signatories.select_related("signature")
        ],
    }


def verify_url(certificate: Certificate) -> str:
    """The absolute address of the certificate's public verification page."""
    return settings.SITE_URL + certificate.get_absolute_url()


def certificate_content(certificate: Certificate):
    """What the PDF prints (a ``pdf.CertificateContent``), from the snapshot
    alone: no query."""
    # The renderer (ReportLab and its fonts) loads in the worker only, when first used.
    from courses.certificates.pdf import CertificateContent, Issuer, Signatory  # noqa: PLC0415 -- on demand

    snapshot = CertificateSnapshot.of(certificate)
    return CertificateContent(
        language=certificate.language,
        second_language=snapshot.second_language,
        participant_name=snapshot.participant_name,
        participant_name_latin=snapshot.participant_name_latin,
        second_place=snapshot.second_place,
        course_title=snapshot.course_title,
        second_course_title=snapshot.second_course_title,
        starts_on=snapshot.starts_on,
        ends_on=snapshot.ends_on,
        place=snapshot.place,
        is_online=snapshot.is_online,
        hours_attended=snapshot.hours_attended,
        issuers=tuple(
            Issuer(
                name=issuer.name,
                acronym=issuer.acronym,
                colour=issuer.colour,
                logo=_asset_bytes(issuer.logo) if issuer.logo else None,
            )
            for issuer in snapshot.issuers
        ),
        signatories=tuple(
            Signatory(
                name=signatory.name,
                title=signatory.title,
                signature=_asset_bytes(signatory.signature) if signatory.signature else None,
            )
            for signatory in snapshot.signatories
        ),
        code=certificate.code,
        short_code=certificate.short_code,
        verify_url=verify_url(certificate),
    )


# ---------------------------------------------------------------------------------------
# Coordinators' actions


def _not_coordinator() -> CertificateError:
    return CertificateError(_("Only a coordinator of this session can manage its certificates."))


def _queue_after_commit(ids: list[int]) -> None:
    if ids:
        transaction.on_commit(lambda: queue(ids))


_SHARED_BY = 4


def queue(ids: Iterable[int]) -> None:
    """Queue the pipeline tasks of these certificates; what fails to queue the sweep will.

    In batches of ``CERTIFICATE_TASK_BATCH`` (``tasks.process_certificates``; a lone one
    as ``process_certificate``), smaller ones for a few certificates so that several
    worker processes share them (four batches or more). All on one broker connection
    and producer, taken once: a session's batch is hundreds of certificates, and the
    first ones are being made while the last are queued.
    """
    ids = list(ids)
    size = max(1, min(settings.CERTIFICATE_TASK_BATCH, math.ceil(len(ids) / _SHARED_BY)))
    batches = [ids[start : start + size] for start in range(0, len(ids), size)]
    batch = None
    try:
        with contextlib.ExitStack() as stack:
            options = {}
            if not tasks.process_certificates.app.conf.task_always_eager:
                options["producer"] = stack.enter_context(
                    tasks.process_certificates.app.producer_or_acquire()
                )
            for batch in batches:
                if len(batch) == 1:
                    tasks.process_certificate.apply_async(
                        kwargs={"certificate_id": batch[0]}, **options
                    )
                else:
                    tasks.process_certificates.apply_async(
                        kwargs={"certificate_ids": batch}, **options
                    )
    except Exception:  # the broker is down: the sweep will queue them again
        logger.exception("Could not queue certificates %s; the sweep will retry them", batch)


def _person_snapshot(common: dict, enrollment: Enrollment, hours) -> dict:
    name, latin = printed_names(enrollment.participant)
    return {
        **common,
        "participant_name": unicodedata.normalize("NFC", name.strip()),
        "participant_name_latin": unicodedata.normalize("NFC", latin.strip()),
        "hours_attended": str(Decimal(str(hours))),
    }


def _refuse_if_unprintable(session: CourseSession) -> None:
    problems = certificate_problems(session)
    if problems:
        raise CertificateError(" ".join(str(problem) for problem in problems))


def _new_certificates(session, enrollments, *, by, now, replaces=None) -> list[Certificate]:
    _refuse_if_unprintable(session)
    common = session_snapshot(session)
    hours = attended_hours_by_enrollment(enrollments)
    certificates = Certificate.objects.bulk_create(
        Certificate(
            enrollment=enrollment,
            language=common["language"],
            snapshot=_person_snapshot(common, enrollment, hours[enrollment.pk]),
            issued_at=now,
            issued_by=by,
            queued_at=now,
            replaces=replaces,
        )
        for enrollment in enrollments
    )

    def data_of(certificate):
        data = {"session": session.code, "enrollment": certificate.enrollment_id}
        if replaces is not None:
            data["replaces"] = replaces.short_code
        return data

    log_each(
        ((certificate, data_of(certificate)) for certificate in certificates),
        REISSUE_ACTION if replaces else ISSUE_ACTION,
        by=by,
    )
    _queue_after_commit([certificate.pk for certificate in certificates])
    return certificates


def issue_certificates(
    *, session: CourseSession, by, enrollments: Iterable[Enrollment] | None = None, now=None
) -> list[Certificate]:
    """Issue a certificate to each person who completed ``session`` and has none yet (or,
    with ``enrollments``, to those people only). Returns the new certificates.

    One transaction, locking the session row: the rows, their snapshots and the audit
    entries are written together; their tasks are queued once it commits (``queue``).
    Asking for someone who has not completed the session is refused. Calling it again
    issues nothing new: who already holds a certificate that is not revoked is skipped,
    and the database refuses a second one.
    """
    now = now or timezone.now()
    with transaction.atomic():
        session = lock_session(session, by=by, related=("course",), refusal=_not_coordinator())
        completers = Enrollment.objects.filter(
            session=session, status=Enrollment.Status.COMPLETED
        ).select_related("participant__participant")
        if enrollments is not None:
            wanted = {enrollment.pk for enrollment in enrollments}
            completers = completers.filter(pk__in=wanted)
            if len(completers) != len(wanted):
                raise CertificateError(
                    _("Certificates are issued only to people who completed the session.")
                )
        holders = set(
            Certificate.objects.filter(enrollment__session=session)
            .exclude(state=State.REVOKED)
            .values_list("enrollment_id", flat=True)
        )
        todo = [enrollment for enrollment in completers if enrollment.pk not in holders]
        if not todo:
            return []
        return _new_certificates(session, todo, by=by, now=now)


def _lock_certificate(certificate: Certificate) -> Certificate:
    return (
        Certificate.objects.select_for_update(of=("self",))
        .select_related("enrollment__session")
        .get(pk=certificate.pk)
    )


def revoke_certificate(*, certificate: Certificate, reason: str, by, now=None) -> Certificate:
    """Revoke a certificate: its verification page says so from now on, with the date.

    The reason is required and recorded (with who and when) but never shown publicly.
    One transaction, locking the row; revoking a revoked certificate changes nothing.
    A task still working on it stops at its next step.
    """
    reason = (reason or "").strip()
    now = now or timezone.now()
    with transaction.atomic():
        certificate = _lock_certificate(certificate)
        if not is_coordinator(by, certificate.enrollment.session):
            raise CertificateError(_("Only a coordinator of this session can revoke it."))
        if certificate.state == State.REVOKED:
            return certificate
        if not reason:
            raise CertificateError(_("Give the reason for revoking the certificate."))
        before = certificate.state
        certificate.state = State.REVOKED
        certificate.revoked_at = now
        certificate.revoked_by = by
        certificate.revocation_reason = reason
        certificate.save(update_fields=["state", "revoked_at", "revoked_by", "revocation_reason"])
        # Its signed credential, if it has one, is revoked with it (the status list).
        credentials.record_revocation(certificate=certificate)
        log(certificate, REVOKE_ACTION, user=by, data={"reason": reason, "from": before})
        return certificate


def reissue_certificate(*, certificate: Certificate, reason: str, by, now=None) -> Certificate:
    """Revoke ``certificate`` with ``reason`` and issue a new one in its place, from what
    the records say now (a corrected name, say). Returns the new certificate.

    One transaction, locking the session row then the certificate's; the new one is
    queued after commit. Refused when the person no longer counts as having completed
    the session (revoke it instead). Calling it again for the same certificate returns
    the certificate that already replaced it.
    """
    now = now or timezone.now()
    with transaction.atomic():
        session = lock_session(
            certificate.enrollment.session, by=by, related=("course",), refusal=_not_coordinator()
        )
        current = _lock_certificate(certificate)
        replacement = Certificate.objects.filter(replaces=current).first()
        if replacement is not None:
            return replacement
        enrollment = Enrollment.objects.select_related("participant__participant").get(
            pk=current.enrollment_id
        )
        if enrollment.status != Enrollment.Status.COMPLETED:
            raise CertificateError(
                _("This person no longer counts as having completed the session: revoke it.")
            )
        if not (reason or "").strip():
            raise CertificateError(_("Give the reason for re-issuing the certificate."))
        revoke_certificate(certificate=current, reason=reason, by=by, now=now)
        (new,) = _new_certificates(session, [enrollment], by=by, now=now, replaces=current)
        return new


def retry_certificate(*, certificate: Certificate, by, now=None) -> Certificate:
    """Send a failed certificate through the pipeline again, from the step that failed.

    A stored PDF is kept (only the email is tried again); without one it is rendered
    again from a fresh snapshot of the session (refused, with the reason, while the
    session still cannot be printed). One transaction, locking the row; the task is
    queued after commit. Retrying a certificate that is not failed (retried already,
    say) changes nothing.
    """
    now = now or timezone.now()
    with transaction.atomic():
        certificate = _lock_certificate(certificate)
        if not is_coordinator(by, certificate.enrollment.session):
            raise CertificateError(_("Only a coordinator of this session can retry it."))
        if certificate.state != State.FAILED:
            return certificate
        error = certificate.last_error
        fields = ["state", "attempts", "last_error", "queued_at"]
        if certificate.rendered_at is None:
            # Never printed, so nobody has seen it: it is made from the session as it is
            # now (a corrected list of issuers, a corrected name). A rendered or sent
            # certificate keeps its snapshot; only its email is tried again.
            session = certificate.enrollment.session
            _refuse_if_unprintable(session)
            enrollment = Enrollment.objects.select_related("participant__participant").get(
                pk=certificate.enrollment_id
            )
            hours = attended_hours_by_enrollment([enrollment])[enrollment.pk]
            common = session_snapshot(session)
            certificate.snapshot = _person_snapshot(common, enrollment, hours)
            certificate.language = common["language"]
            fields += ["snapshot", "language"]
        certificate.state = State.RENDERED if certificate.rendered_at else State.PENDING
        certificate.attempts = 0
        certificate.last_error = ""
        certificate.queued_at = now
        certificate.save(update_fields=fields)
        log(certificate, RETRY_ACTION, user=by, data={"error": error})
        _queue_after_commit([certificate.pk])
        return certificate


# ---------------------------------------------------------------------------------------
# The pipeline


def describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"[:1000]


def retry_delay(retries: int) -> int:
    """Seconds before retry number ``retries + 1``: 30, 60, 120, … up to the maximum."""
    delay = settings.CERTIFICATE_RETRY_BACKOFF * 2**retries
    return min(delay, settings.CERTIFICATE_RETRY_BACKOFF_MAX)


def pdf_name(certificate: Certificate) -> str:
    return f"pdf/{certificate.issued_at:%Y}/{certificate.code}.pdf"


def certificate_email(certificate: Certificate, *, pdf: bytes | None = None):
    """The email that carries the certificate, in its language, text and HTML, with
    the PDF attached and the verification link."""
    snapshot = CertificateSnapshot.of(certificate)
    user = certificate.enrollment.participant
    if pdf is None:
        with certificate.pdf.open("rb") as file:
            pdf = file.read()
    # The email in the holder's own language; the PDF keeps the session's.
    language = language_of(user, certificate.language)
    # The course as the certificate names it in that language, when it is one of its own.
    course = {
        certificate.language: snapshot.course_title,
        snapshot.second_language: snapshot.second_course_title,
    }.get(language) or title_in(certificate.enrollment.session.course, language)
    with translation.override(language):
        context = {
            "name": snapshot.participant_name,
            "course": course,
            "starts_on": snapshot.starts_on,
            "ends_on": snapshot.ends_on,
            "place": snapshot.place,
            "hours": snapshot.hours_attended,
            "short_code": certificate.short_code,
            "verify_url": verify_url(certificate),
            "learning_url": settings.SITE_URL + reverse("my_learning"),
            "language": language,
        }
        subject = _("Your certificate for %(course)s") % {"course": course}
        text = render_to_string("courses/email/certificate.txt", context)
        html = render_to_string("courses/email/certificate.html", context)
    message = mailer.CompactEmail(
        subject=subject, body=text, to=[user.email], key=f"certificate-{certificate.pk}"
    )
    message.attach_alternative(html, "text/html")
    message.attach(certificate.filename, pdf, "application/pdf")
    return message


def process_certificate(*, certificate_id: int) -> str | None:
    """Render, store and email one certificate, skipping the steps already done.
    Returns its state afterwards (None when it no longer exists).

    One transaction, holding the certificate's row lock from the first read, so two
    runs at once never both render or send it (the second waits, then finds it done)
    and a certificate revoked meanwhile stays revoked. Render: the PDF is stored
    (atomically, under a name of its own) and recorded with the state ``rendered``; a
    name the fonts cannot print fails the certificate with the reason. Email: sent on
    the process's reused mail connection; ``mail_accepted_at`` (with the state
    ``sent``) is written as soon as the server accepted it, and committed with what the
    run rendered. A run that finds the mark never mails again, and finishes the
    certificate if the state was not saved. A temporary mail or network error is
    recorded (with the PDF just rendered, which the retry then sends) and raised (the
    task retries); any other refusal fails the certificate. Revoked, failed and sent
    certificates are left alone. Each run counts one attempt.
    """
    from courses.certificates.pdf import CertificateRenderError, render_certificate  # noqa: PLC0415 -- on demand

    failure = None
    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("enrollment__participant__participant")
            .filter(pk=certificate_id)
            .first()
        )
        if certificate is None:
            return None
        if certificate.state not in UNFINISHED:
            return certificate.state
        unfinished = Certificate.objects.filter(pk=certificate_id, state__in=UNFINISHED)
        run = {"attempts": F("attempts") + 1}
        pdf = None
        if certificate.state == State.PENDING:
            try:
                pdf = render_certificate(certificate_content(certificate))
            except CertificateRenderError as error:
                reason = _("The PDF could not be made: %(reason)s") % {"reason": error}
                _fail(certificate, reason, count_attempt=True)
                return State.FAILED
            name = _write_atomically(pdf_name(certificate), pdf)
            certificate.pdf.name = name
            run.update(state=State.RENDERED, pdf=name, rendered_at=timezone.now())
        if certificate.mail_accepted_at is not None:
            # Accepted by the mail server before the state could follow: the mark says
            # so, so it is finished without mailing it again.
            unfinished.update(
                **{**run, "state": State.SENT, "sent_at": F("mail_accepted_at"), "last_error": ""}
            )
            return State.SENT
        if not certificate.enrollment.participant.email:
            _fail(certificate, _("The participant has no email address."), True, **run)
            return State.FAILED
        try:
            mailer.send(certificate_email(certificate, pdf=pdf))
        except mailer.MAIL_ERRORS as error:
            if not mailer.is_temporary(error):
                _fail(certificate, describe(error), count_attempt=True, **run)
                return State.FAILED
            # Recorded in this transaction, which commits; raised after it.
            unfinished.update(**run, last_error=describe(error))
            failure = error
        else:
            # The mail server has it: recorded before anything else can happen.
            accepted = timezone.now()
            unfinished.update(
                **{
                    **run,
                    "state": State.SENT,
                    "mail_accepted_at": accepted,
                    "sent_at": accepted,
                    "last_error": "",
                }
            )
            return State.SENT
    raise failure


def _fail(certificate: Certificate, reason: str, count_attempt: bool, **recorded) -> bool:
    """Mark an unfinished certificate failed with ``reason`` (and the ``recorded``
    fields, what the run rendered) and log it; False when it was finished (or revoked)
    already."""
    reason = reason[:1000]
    recorded.pop("state", None)
    recorded["attempts"] = F("attempts") + int(count_attempt)
    failed = Certificate.objects.filter(pk=certificate.pk, state__in=UNFINISHED).update(
        **recorded, state=State.FAILED, last_error=reason
    )
    if failed:
        log(certificate, FAIL_ACTION, data={"error": reason})
        logger.warning("Certificate %s failed: %s", certificate.pk, reason)
    return bool(failed)


def fail_certificate(*, certificate_id: int, error: str) -> bool:
    """Mark an unfinished certificate failed with ``error`` (retries exhausted, too slow,
    an unexpected error) for a coordinator to see and retry. True when it did; a
    certificate that is finished or gone is left alone, so calling it twice is harmless."""
    certificate = Certificate.objects.filter(pk=certificate_id).first()
    return certificate is not None and _fail(certificate, error, count_attempt=False)


def note_retry(*, certificate_id: int, countdown: int) -> None:
    """A retry is due in ``countdown`` seconds: the sweep waits for it before stepping in."""
    due = timezone.now() + datetime.timedelta(seconds=countdown)
    Certificate.objects.filter(pk=certificate_id, state__in=UNFINISHED).update(queued_at=due)


def requeue_stuck_certificates(*, now=None, limit: int = 500) -> int:
    """Queue again the certificates left pending or rendered long after their task was
    queued (a worker killed, a Redis restart, a broker outage). Returns how many.

    Rows a worker holds locked right now are skipped. A certificate that has been
    through ``CERTIFICATE_MAX_ATTEMPTS`` runs is marked failed instead. Safe to run at
    any time: the pipeline skips what is done, so a certificate queued twice is
    processed once.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(seconds=settings.CERTIFICATE_STUCK_AFTER)
    with transaction.atomic():
        stuck = list(
            Certificate.objects.select_for_update(skip_locked=True)
            .filter(state__in=UNFINISHED, queued_at__lt=cutoff)
            .order_by("queued_at")[:limit]
        )
        again = []
        for certificate in stuck:
            if certificate.attempts >= settings.CERTIFICATE_MAX_ATTEMPTS:
                reason = _("Gave up after %(n)d attempts.") % {"n": certificate.attempts}
                if certificate.last_error:
                    reason = f"{reason} {certificate.last_error}"
                _fail(certificate, reason, count_attempt=False)
            else:
                again.append(certificate.pk)
        Certificate.objects.filter(pk__in=again).update(queued_at=now)
        _queue_after_commit(again)
    return len(again)
