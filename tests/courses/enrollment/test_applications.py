"""Application forms: answering with files, refusals that save nothing, private files,
the review queue's columns and filters, the roster export."""

import csv
import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.enrollment import applications
from courses.enrollment.applications import Application, submit_application
from courses.enrollment.services import EnrollmentError, enroll
from courses.models import (
    ApplicationAnswer,
    ConsentRecord,
    Enrollment,
    Notice,
    SupervisorClearance,
)
from tests.courses.enrollment.application_factories import (
    applicant,
    approval_session,
    bulk_applicants,
    docx,
    html_named_pdf,
    make_consent,
    make_form,
    odt,
    pdf,
    spreadsheet_zip,
)
from tests.factories.courses import make_session
from tests.factories.users import make_coordinator, make_participant, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(course, coordinator):
    return approval_session(course, coordinators=[coordinator])


def post_data(questions, *, cv=None, **extra):
    data = {
        f"q{questions['role'].pk}": "Mediator",
        f"q{questions['years'].pk}": "12",
        f"q{questions['french'].pk}": "yes",
        f"q{questions['languages'].pk}_0": "fluent",
        f"q{questions['languages'].pk}_1": "",
    }
    if cv is not None:
        data[f"q{questions['cv'].pk}"] = cv
    data.update(extra)
    return data


def test_an_applicant_answers_the_form_with_a_file_a_supervisor_and_consent(
    client, login, session, django_capture_on_commit_callbacks
):
    chatham = make_consent()
    _form, questions = make_form(session, clearance=True, consents=[chatham])
    user = applicant("amina")
    login(client, user)
    page = client.get(reverse("apply", args=[session.code]))
    assert page.status_code == 200
    body = page.content.decode()
    assert 'enctype="multipart/form-data"' in body and "Your CV" in body
    assert "Chatham House rule" in body and "version 1" in body

    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(
            reverse("apply", args=[session.code]),
            post_data(
                questions,
                cv=pdf(),
                supervisor_email="boss@example.org",
                supervisor_name="Dr Boss",
                **{f"consent{chatham.pk}": "on"},
            ),
        )
    assert response.status_code == 302 and response["Location"] == reverse("my_learning")
    enrollment = Enrollment.objects.get(session=session, participant=user)
    assert enrollment.status == Enrollment.Status.REQUESTED
    answers = {a.question_id: a for a in enrollment.answers.all()}
    assert answers[questions["role"].pk].value == "Mediator"
    assert answers[questions["french"].pk].value is True
    assert answers[questions["languages"].pk].value == {"English": "fluent"}
    cv = answers[questions["cv"].pk]
    assert cv.content_type == "application/pdf" and cv.file_name == "cv.pdf"
    # Stored in the private storage, outside MEDIA_ROOT, under a name of ours.
    stored = Path(cv.file.path)
    assert stored.read_bytes().startswith(b"%PDF-")
    assert not str(stored).startswith(str(settings.MEDIA_ROOT))
    assert re.fullmatch(rf"{enrollment.pk}-{questions['cv'].pk}-[0-9a-f]{{16}}\.pdf", stored.name)
    clearance = SupervisorClearance.objects.get(enrollment=enrollment)
    assert (clearance.state, clearance.supervisor_email) == ("pending", "boss@example.org")
    assert Notice.objects.filter(enrollment=enrollment, kind="clearance_request").count() == 1
    record = ConsentRecord.objects.get(user=user, document=chatham)
    assert (record.version, record.session_id) == (1, session.pk)
    assert record.text == chatham.text


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (html_named_pdf(), "Only PDF, Word (DOCX) and OpenDocument (ODT) documents"),
        (spreadsheet_zip(), "Only PDF, Word (DOCX) and OpenDocument (ODT) documents"),
        (
            SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024)),
            "larger than 10 MB",
        ),
    ],
    ids=["html-named-pdf", "spreadsheet-named-docx", "over-10-mb"],
)
def test_a_file_is_judged_by_its_content_and_a_refusal_saves_nothing(
    client, login, session, upload, message
):
    _form, questions = make_form(session)
    user = applicant("spoofer")
    login(client, user)
    response = client.post(reverse("apply", args=[session.code]), post_data(questions, cv=upload))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "Your application was not sent" in response.content.decode()
    assert not Enrollment.objects.filter(participant=user).exists()
    assert not ApplicationAnswer.objects.exists()


@pytest.mark.parametrize(
    "upload", [docx(), odt(), pdf("CV (final).PDF")], ids=["docx", "odt", "pdf"]
)
def test_docx_odt_and_pdf_are_accepted_by_their_content(session, upload):
    _form, questions = make_form(session)
    user = applicant("writer")
    answers = {q.pk: v for q, v in [(questions["role"], "Adviser"), (questions["years"], "3")]}
    answers[questions["cv"].pk] = upload
    enrollment = submit_application(
        participant=user, session=session, application=Application(answers=answers)
    )
    answer = enrollment.answers.get(question=questions["cv"])
    assert answer.content_type == applications.sniff_document(upload)
    assert answer.file.name.endswith("." + applications.EXTENSIONS[answer.content_type])


def test_missing_required_answers_are_explained_and_nothing_is_saved(client, login, session):
    _form, _questions = make_form(session)
    user = applicant("hasty")
    login(client, user)
    response = client.post(reverse("apply", args=[session.code]), {})
    assert response.status_code == 400
    body = response.content.decode()
    # Role, years and CV: each in the summary at the top and beside its field.
    assert body.count("This field is required.") == 6
    assert not Enrollment.objects.filter(participant=user).exists()


def test_the_service_refuses_what_the_form_would_and_leaves_no_file(session):
    chatham = make_consent()
    _form, questions = make_form(session, clearance=True, consents=[chatham])
    user = applicant("direct")
    answers = {questions["role"].pk: "Mediator", questions["years"].pk: "1"}
    answers[questions["cv"].pk] = pdf()
    with pytest.raises(EnrollmentError, match="Accept the texts"):
        submit_application(
            participant=user,
            session=session,
            application=Application(answers=answers, supervisor_email="boss@example.org"),
        )
    with pytest.raises(EnrollmentError, match="not one of the choices"):
        submit_application(
            participant=user,
            session=session,
            application=Application(
                answers={**answers, questions["role"].pk: "Spy"},
                supervisor_email="boss@example.org",
                accepted={chatham.pk},
            ),
        )
    with pytest.raises(EnrollmentError, match="cannot be your own"):
        submit_application(
            participant=user,
            session=session,
            application=Application(
                answers=answers, supervisor_email=user.email.upper(), accepted={chatham.pk}
            ),
        )
    assert not Enrollment.objects.exists()
    assert not ApplicationAnswer.objects.exists() and not SupervisorClearance.objects.exists()
    assert not ConsentRecord.objects.exists()
    storage = ApplicationAnswer.file.field.storage
    assert not storage.exists(session.code) or not storage.listdir(session.code)[1]


def test_applying_twice_makes_one_application(client, login, session):
    _form, questions = make_form(session, cv_required=False)
    user = applicant("twice")
    login(client, user)
    url = reverse("apply", args=[session.code])
    assert client.post(url, post_data(questions)).status_code == 302
    again = client.post(url, post_data(questions, **{f"q{questions['years'].pk}": "99"}))
    assert again.status_code == 302
    assert Enrollment.objects.filter(participant=user).count() == 1
    assert ApplicationAnswer.objects.get(question=questions["years"]).value == "12"
    with pytest.raises(EnrollmentError, match="already applied"):
        submit_application(
            participant=user,
            session=session,
            application=Application(
                answers={questions["role"].pk: "Mediator", questions["years"].pk: "5"}
            ),
        )


def test_enrolling_in_a_session_with_a_form_leads_to_the_form(client, login, session, course):
    make_form(session)
    user = applicant("enroller")
    login(client, user)
    response = client.post(reverse("enroll", args=[session.code]))
    assert response["Location"] == reverse("apply", args=[session.code])
    assert not Enrollment.objects.filter(participant=user).exists()
    plain = make_session(course, policy="approval")
    response = client.post(reverse("enroll", args=[plain.code]))
    assert Enrollment.objects.filter(participant=user, session=plain).exists()


def test_who_may_download_an_application_file(client, login, session, coordinator, course):
    _form, questions = make_form(session)
    user = applicant("owner")
    enrollment = submit_application(
        participant=user,
        session=session,
        application=Application(
            answers={
                questions["role"].pk: "Mediator",
                questions["years"].pk: "4",
                questions["cv"].pk: pdf(),
            }
        ),
    )
    answer = enrollment.answers.get(question=questions["cv"])
    url = reverse("application_file", args=[answer.pk])

    login(client, user)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert "no-store" in response["Cache-Control"]
    login(client, coordinator)
    assert client.get(url).status_code == 200
    login(client, make_user("admin", superuser=True))
    assert client.get(url).status_code == 200

    other = make_coordinator("other-coord")
    make_session(course, coordinators=[other])
    login(client, other)
    assert client.get(url).status_code == 404
    login(client, make_participant("someone-else"))
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 405
    # Never under /media/.
    assert client.get("/media/" + answer.file.name).status_code == 404


# --- the review queue and the roster ------------------------------------------------------


def apply_many(session, questions, n, prefix, role="Mediator", clearance=False):
    made = []
    for i in range(n):
        user = applicant(f"{prefix}{i}")
        made.append(
            submit_application(
                participant=user,
                session=session,
                application=Application(
                    answers={
                        questions["role"].pk: role,
                        questions["years"].pk: str(i),
                        questions["french"].pk: i % 2 == 0,
                        questions["cv"].pk: pdf(f"cv-{prefix}{i}.pdf"),
                    },
                    supervisor_email="boss@example.org" if clearance else "",
                ),
            )
        )
    return made


def test_the_queue_shows_the_chosen_answers_and_filters_them(client, login, session, coordinator):
    _form, questions = make_form(session, clearance=True)
    mediators = apply_many(session, questions, 2, "m", clearance=True)
    apply_many(session, questions, 1, "a", role="Adviser", clearance=True)
    cleared = mediators[0].clearance
    cleared.state = "cleared"
    cleared.save()
    login(client, coordinator)
    url = reverse("course_review:review", args=[session.pk])
    body = client.get(url).content.decode()
    for heading in ("Your role", "Years of experience", "Do you work in French?", "Your CV"):
        assert f"<dt>{heading}</dt>" in body
    assert "<dt>Languages</dt>" not in body  # not chosen for the queue
    answer = mediators[1].answers.get(question=questions["cv"])
    link = reverse("application_file", args=[answer.pk])
    assert f'href="{link}" target="_blank" rel="noopener"' in body
    assert "Waiting for the supervisor" in body and "Decide without it…" in body

    by_role = client.get(url, {f"q{questions['role'].pk}": "Mediator"})
    assert [e.pk for e in by_role.context["queue"]] == [e.pk for e in mediators]
    assert "2 applications match." in by_role.content.decode()
    by_clearance = client.get(url, {"clearance": "cleared"})
    assert [e.pk for e in by_clearance.context["queue"]] == [mediators[0].pk]
    yes = client.get(url, {f"q{questions['french'].pk}": "yes", "clearance": "pending"})
    assert [e.participant.username for e in yes.context["queue"]] == ["a0"]
    ignored = client.get(url, {f"q{questions['role'].pk}": "<script>", "clearance": "bogus"})
    assert len(ignored.context["queue"]) == 3


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


def test_the_queue_with_answers_runs_a_constant_number_of_queries(
    client, login, session, coordinator, django_assert_num_queries
):
    _form, questions = make_form(session, clearance=True)
    apply_many(session, questions, 2, "s", clearance=True)
    login(client, coordinator)
    url = reverse("course_review:review", args=[session.pk])
    client.get(url)
    small, _response = count_queries(client, url)
    apply_many(session, questions, 8, "l", role="Adviser", clearance=True)
    with django_assert_num_queries(small):
        response = client.get(url)
    assert len(response.context["queue"]) == 10


def test_the_queue_is_paged_and_its_filters_work_across_pages(
    client, login, session, coordinator, django_assert_num_queries
):
    _form, questions = make_form(session, clearance=True)
    bulk_applicants(session, questions, 120)  # roles alternate; clearances cycle
    login(client, coordinator)
    url = reverse("course_review:review", args=[session.pk])
    first = client.get(url)
    assert first.context["paginator"].count == 120 and len(first.context["queue"]) == 50
    assert "120 people waiting for a decision" in first.content.decode()
    assert [e.participant.username for e in first.context["queue"][:2]] == [
        "applicant0",
        "applicant1",
    ]
    assert len(client.get(url, {"p": 3}).context["queue"]) == 20
    assert client.get(url, {"p": 99}).context["page_obj"].number == 3  # the last page

    role = f"q{questions['role'].pk}"
    mediators = client.get(url, {role: "Mediator"})
    body = mediators.content.decode()
    assert "60 applications match." in body and "120 people waiting" in body
    assert f"?{role}=Mediator&amp;p=2" in body  # the next page keeps the filter
    count, _response = count_queries(client, f"{url}?{role}=Mediator")
    with django_assert_num_queries(count):
        second = client.get(url, {role: "Mediator", "p": 2})
    rows = second.context["queue"]
    assert len(rows) == 10
    assert {
        a.value for e in rows for a in e.answers.all() if a.question_id == questions["role"].pk
    } == {"Mediator"}
    both = client.get(url, {role: "Adviser", "clearance": "declined", "p": 2})
    # Advisers are the odd ones, declined every third: i = 5, 11, 17, … (20 of them).
    assert both.context["paginator"].count == 20 and len(both.context["queue"]) == 20
    assert both.context["page_obj"].number == 1  # past the last page: the last one
    assert {e.clearance.state for e in both.context["queue"]} == {"declined"}


def test_the_roster_export_carries_the_answers(client, login, session, coordinator):
    _form, questions = make_form(session)
    (enrollment,) = apply_many(session, questions, 1, "r")
    enrollment.status = Enrollment.Status.CONFIRMED
    enrollment.save()
    login(client, coordinator)
    response = client.get(reverse("course_review:roster", args=[session.pk, "csv"]))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["Your role"] == "Mediator"
    assert rows[0]["Do you work in French?"] == "Yes"
    assert rows[0]["Your CV"] == "cv-r0.pdf"
    assert rows[0]["Supervisor's clearance"] == ""
    xlsx = client.get(reverse("course_review:roster", args=[session.pk, "xlsx"]))
    assert xlsx.status_code == 200


def test_the_application_form_admin_is_limited_to_ones_own_sessions(
    client, login, session, coordinator, course
):
    form, _questions = make_form(session)
    other = make_coordinator("other")
    login(client, other)
    assert client.get(reverse("application_forms:edit", args=[form.pk])).status_code == 404
    index = client.get(reverse("application_forms:index"))
    assert index.status_code == 200 and session.code not in index.content.decode()
    login(client, coordinator)
    page = client.get(reverse("application_forms:edit", args=[form.pk]))
    assert page.status_code == 200 and "Your CV" in page.content.decode()


def test_a_nominee_answers_the_form_after_the_nomination(client, login, course, coordinator):
    session = make_session(course, policy="nomination", coordinators=[coordinator])
    _form, questions = make_form(session, cv_required=False)
    nominee = applicant("nominee")
    answers = {questions["role"].pk: "Adviser", questions["years"].pk: "8"}
    with pytest.raises(EnrollmentError, match="focal point nominates them"):
        submit_application(
            participant=nominee, session=session, application=Application(answers=answers)
        )
    nominated = enroll(
        participant=nominee, session=session, nominated_by=coordinator, justification="Lead"
    )
    login(client, nominee)
    assert client.get(reverse("apply", args=[session.code])).status_code == 200
    response = client.post(reverse("apply", args=[session.code]), post_data(questions))
    assert response.status_code == 302
    assert {a.question_id for a in nominated.answers.all()} >= {
        questions["role"].pk,
        questions["years"].pk,
    }
    again = client.get(reverse("apply", args=[session.code]))
    assert again.status_code == 302 and again["Location"] == reverse("my_learning")


def test_my_learning_links_to_an_unanswered_form(client, login, course, coordinator):
    nominated_session = make_session(course, policy="nomination", coordinators=[coordinator])
    make_form(nominated_session, cv_required=False)
    open_session = make_session(course, policy="open", coordinators=[coordinator])
    nominee = applicant("nominee")
    enroll(
        participant=nominee,
        session=nominated_session,
        nominated_by=coordinator,
        justification="Lead",
    )
    early = enroll(participant=nominee, session=open_session)  # before the form was added
    _form, questions = make_form(open_session, cv_required=False)
    login(client, nominee)

    page = client.get(reverse("my_learning")).content.decode()
    for session in (nominated_session, open_session):
        assert f'href="{reverse("apply", args=[session.code])}"' in page
    assert "Answer the application form" in page

    response = client.post(reverse("apply", args=[open_session.code]), post_data(questions))
    assert response.status_code == 302
    answered = Enrollment.objects.get(session=open_session, participant=nominee)
    assert answered.pk == early.pk and answered.status == early.status  # the same seat
    assert answered.answers.filter(question=questions["role"]).get().value == "Mediator"
    page = client.get(reverse("my_learning")).content.decode()
    assert f'href="{reverse("apply", args=[open_session.code])}"' not in page
    assert f'href="{reverse("apply", args=[nominated_session.code])}"' in page
    again = client.get(reverse("apply", args=[open_session.code]))
    assert again.status_code == 302 and again["Location"] == reverse("my_learning")


def test_no_link_once_answered_or_without_a_form(client, login, course, coordinator, session):
    _form, questions = make_form(session, cv_required=False)
    (applied,) = apply_many(session, questions, 1, "done")
    plain = make_session(course, policy="open")
    enroll(participant=applied.participant, session=plain)
    login(client, applied.participant)
    page = client.get(reverse("my_learning")).content.decode()
    assert "Answer the application form" not in page


def test_a_decision_returns_to_the_page_and_filters_it_was_taken_on(
    client, login, session, coordinator
):
    _form, questions = make_form(session, clearance=True)
    bulk_applicants(session, questions, 60)
    login(client, coordinator)
    url = reverse("course_review:review", args=[session.pk])
    role = f"q{questions['role'].pk}"
    page = client.get(url, {role: "Mediator", "p": 2})
    assert f'name="back" value="{role}=Mediator&amp;p=2"' in page.content.decode()
    row = page.context["queue"][0]
    response = client.post(
        reverse("course_review:decide", args=[session.pk]),
        {"row": f"{row.pk}:waitlisted", "back": f"{role}=Mediator&p=2&next=//evil.example"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"{url}?{role}=Mediator&p=2"  # nothing else kept
    assert Enrollment.objects.get(pk=row.pk).status == Enrollment.Status.WAITLISTED
