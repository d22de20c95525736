"""Application records under the personal-data rules: "Download my data" carries the
answers, files, clearance and consents; erasure removes the files and what was written
about the person; files past record keeping, or of deleted answers, leave storage."""

import datetime
import io
import json
import zipfile
from pathlib import Path

import pytest
from django.utils import timezone

from courses.enrollment import clearance as clearance_service
from courses.enrollment.applications import Application, submit_application
from courses.models import ApplicationAnswer, ConsentRecord, Enrollment, SupervisorClearance
from courses.sessions.record_keeping import purge_application_records
from participants import retention
from participants.privacy import (
    build_personal_data_export,
    erase_person,
    request_personal_data_export,
)
from tests.courses.enrollment.application_factories import (
    PDF_BYTES,
    applicant,
    approval_session,
    make_consent,
    make_form,
    pdf,
)

pytestmark = pytest.mark.django_db


def apply(session, questions, user, *, consents=()):
    return submit_application(
        participant=user,
        session=session,
        application=Application(
            answers={
                questions["role"].pk: "Mediator",
                questions["years"].pk: "12 years in Mopti",
                questions["french"].pk: True,
                questions["cv"].pk: pdf("CV Amina Diallo.pdf"),
            },
            supervisor_email="boss@example.org",
            supervisor_name="Dr Boss",
            accepted={c.pk for c in consents},
        ),
    )


@pytest.fixture
def chatham():
    return make_consent()


@pytest.fixture
def applied(course, coordinator, chatham, django_capture_on_commit_callbacks):
    session = approval_session(course, coordinators=[coordinator])
    _form, questions = make_form(session, clearance=True, consents=[chatham])
    amina = applicant("amina")
    with django_capture_on_commit_callbacks(execute=False):
        enrollment = apply(session, questions, amina, consents=[chatham])
        clearance_service.answer(
            clearance=enrollment.clearance, cleared=True, comment="Amina leads our Sahel desk."
        )
    kofi = applicant("kofi")
    with django_capture_on_commit_callbacks(execute=False):
        theirs = apply(session, questions, kofi, consents=[chatham])
    return enrollment, theirs, questions


def cv_of(enrollment, questions):
    return ApplicationAnswer.objects.get(enrollment=enrollment, question=questions["cv"])


def test_download_my_data_carries_answers_files_clearance_and_consents(applied, chatham):
    enrollment, _theirs, _questions = applied
    export = build_personal_data_export(
        export=request_personal_data_export(user=enrollment.participant)
    )
    archive = zipfile.ZipFile(io.BytesIO(export.file.read()))
    data = json.loads(archive.read("data.json"))
    (record,) = data["enrollments"]
    answers = {a["question"]: a["answer"] for a in record["application_answers"]}
    assert answers["Your role"] == "Mediator"
    assert answers["Years of experience"] == "12 years in Mopti"
    assert answers["Do you work in French?"] is True
    cv = answers["Your CV"]
    assert cv["file"] == "CV Amina Diallo.pdf"
    assert archive.read(cv["in_zip"]) == PDF_BYTES
    clearance = record["supervisor_clearance"]
    assert clearance["state"] == "cleared" and clearance["decided_at"]
    assert clearance["supervisor_comment"] == "Amina leads our Sahel desk."
    (consent,) = data["consents"]
    assert consent["title"] == chatham.title and consent["version"] == 1
    assert consent["text"] == chatham.text and consent["withdrawn_at"] is None
    # Only the person's own file is in the ZIP.
    assert [n for n in archive.namelist() if n.startswith("applications/")] == [cv["in_zip"]]


def test_erasure_removes_files_free_text_and_the_supervisor(
    applied, coordinator, django_capture_on_commit_callbacks
):
    enrollment, theirs, questions = applied
    mine = Path(cv_of(enrollment, questions).file.path)
    kept = Path(cv_of(theirs, questions).file.path)
    with django_capture_on_commit_callbacks(execute=True):
        erase_person(user=enrollment.participant, by=coordinator)
    assert not mine.exists() and kept.exists()
    cv = cv_of(enrollment, questions)
    assert (cv.file.name, cv.file_name) == ("", "")
    answers = {a.question_id: a.value for a in enrollment.answers.all()}
    assert answers[questions["years"].pk] is None  # free text
    assert answers[questions["role"].pk] == "Mediator"  # a choice: reports count it
    clearance = SupervisorClearance.objects.get(enrollment=enrollment)
    assert (clearance.supervisor_name, clearance.supervisor_email, clearance.comment) == (
        "",
        "",
        "",
    )
    assert clearance.state == "cleared" and clearance.decided_at
    record = ConsentRecord.objects.get(user=enrollment.participant)  # the proof stays
    assert record.version == 1 and record.accepted_at
    assert ApplicationAnswer.objects.get(pk=cv_of(theirs, questions).pk).file


def test_an_erasure_rolled_back_keeps_the_files(applied, coordinator):
    enrollment, _theirs, questions = applied
    path = Path(cv_of(enrollment, questions).file.path)
    # In the test's transaction, never committed: the on-commit deletion never runs.
    erase_person(user=enrollment.participant, by=coordinator)
    assert path.exists()


def test_files_and_comments_past_record_keeping_are_purged_once(
    applied, settings, django_capture_on_commit_callbacks
):
    enrollment, theirs, questions = applied
    old = enrollment.session
    days = settings.APPLICATION_RECORDS_RETENTION_DAYS
    today = timezone.localdate()
    old.starts_on = today - datetime.timedelta(days=days + 10)
    old.ends_on = today - datetime.timedelta(days=days + 5)
    old.save(update_fields=["starts_on", "ends_on"])
    paths = [Path(cv_of(e, questions).file.path) for e in (enrollment, theirs)]

    # The one registered from CoursesConfig.ready.
    assert retention._expiring_records["application files"] is purge_application_records
    with django_capture_on_commit_callbacks(execute=True):
        assert retention.purge_expired_records()["application files"] == 3  # 2 files, 1 comment
    assert not any(p.exists() for p in paths)
    cv = cv_of(enrollment, questions)
    assert (cv.file.name, cv.file_name, cv.content_type) == ("", "", "")
    clearance = SupervisorClearance.objects.get(enrollment=enrollment)
    assert clearance.comment == "" and clearance.state == "cleared"
    assert clearance.supervisor_email == "boss@example.org"  # kept: not past keeping
    assert purge_application_records() == 0


def test_a_session_still_kept_is_not_purged(applied):
    enrollment, _theirs, questions = applied
    assert purge_application_records() == 0
    assert Path(cv_of(enrollment, questions).file.path).exists()


def test_deleting_an_enrollment_or_a_form_deletes_its_files(
    applied, django_capture_on_commit_callbacks
):
    enrollment, theirs, questions = applied
    mine = Path(cv_of(enrollment, questions).file.path)
    kept = Path(cv_of(theirs, questions).file.path)
    with django_capture_on_commit_callbacks(execute=True):
        Enrollment.objects.filter(pk=enrollment.pk).delete()
    assert not mine.exists() and kept.exists()
    # (A session with enrollments cannot be deleted; its form, with the questions, can.)
    with django_capture_on_commit_callbacks(execute=True):
        theirs.session.application_form.delete()
    assert not kept.exists() and not ApplicationAnswer.objects.exists()
