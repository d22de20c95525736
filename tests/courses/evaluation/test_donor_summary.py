"""The one-page donor summary: prepared on request by the worker's service, one page,
the session's figures in its text, small groups suppressed, and downloadable only by
the session's coordinators (anyone else: 404)."""

import pypdfium2
import pytest
from django.urls import reverse

from courses.evaluation import services
from courses.models import DonorSummary, Enrollment
from courses.reports import donor
from tests.courses.evaluation.conftest import full_answers
from tests.factories.courses import make_cohort
from tests.factories.users import make_coordinator

pytestmark = pytest.mark.django_db


def people(session):
    return [e.participant for e in Enrollment.objects.filter(session=session).order_by("pk")]


def pdf_text(data: bytes) -> tuple[int, str]:
    document = pypdfium2.PdfDocument(data)
    pages = len(document)
    text = "\n".join(document[i].get_textpage().get_text_range() for i in range(pages))
    return pages, " ".join(text.split())


def prepared(client, coordinator, session, django_capture_on_commit_callbacks):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = client.post(reverse("course_session_report:donor_summary", args=[session.pk]))
    assert response.status_code == 302
    assert len(queued) == 1  # the rendering goes to the worker
    summary = DonorSummary.objects.get(session=session)
    assert summary.state == DonorSummary.State.PENDING
    page = client.get(reverse("course_session_report:index", args=[session.pk])).content
    assert "Being prepared" in page.decode()
    donor.render_donor_summary(summary.pk)  # what the task runs
    summary.refresh_from_db()
    assert summary.state == DonorSummary.State.READY
    return summary


def download(client, session):
    response = client.get(reverse("course_session_report:donor_summary_pdf", args=[session.pk]))
    return response


def test_one_page_with_the_figures_and_anonymous_quotes(
    client, coordinator, evaluation, pre_check, post_check, django_capture_on_commit_callbacks
):
    session = evaluation.session
    users = people(session)
    for user in users[:5]:
        services.submit(
            assignment=evaluation,
            user=user,
            data=full_answers(evaluation, rating=5, text="The ceasefire simulation"),
        )
        services.submit(assignment=post_check, user=user, data=full_answers(post_check))
        wrong = {f"q{q.pk}": ["2"] for q in pre_check.questionnaire.questions.all()}
        services.submit(assignment=pre_check, user=user, data=wrong)
    prepared(client, coordinator, session, django_capture_on_commit_callbacks)

    response = download(client, session)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pages, text = pdf_text(b"".join(response.streaming_content))
    assert pages == 1
    assert session.course.title in text and session.code in text
    assert "Response rate: 83 % (5)" in text  # 5 of 6
    assert "100 % agree or strongly agree: Overall, the course was useful." in text
    assert "5 · The logistics worked well" in text
    assert "Mean score before (%): 0" in text and "Mean score after (%): 100" in text
    assert "Mean learning gain (points): 100 (5 people took both)" in text
    assert "“The ceasefire simulation”" in text
    assert "UN entity 6" in text  # six people of DPPA: a group of 5 or more


def test_small_groups_and_few_responses_are_suppressed(
    client, coordinator, evaluation, django_capture_on_commit_callbacks
):
    session = evaluation.session
    make_cohort(session, 2, acronym="AUC", prefix="au")  # 6 UN entity, 2 regional
    for user in people(session)[:4]:
        services.submit(
            assignment=evaluation, user=user, data=full_answers(evaluation, text="Only mine")
        )
    prepared(client, coordinator, session, django_capture_on_commit_callbacks)
    _pages, text = pdf_text(b"".join(download(client, session).streaming_content))
    # The regional group (2) is hidden, and the UN group too: 8 minus 6 would tell it.
    assert "Regional organization fewer than 5" in text
    assert "UN entity fewer than 5" in text
    assert "UN entity 6" not in text and "organization 2" not in text
    # 4 responses: the rate, nothing else.
    assert "Response rate: 50 % (4)" in text
    assert "Fewer than 5 responses" in text
    assert "Only mine" not in text and "agree or strongly agree" not in text


def test_only_the_sessions_coordinators_download_it(
    client, coordinator, evaluation, django_capture_on_commit_callbacks
):
    session = evaluation.session
    prepared(client, coordinator, session, django_capture_on_commit_callbacks)
    other = make_coordinator("another-coordinator")
    client.force_login(other)
    assert download(client, session).status_code == 404
    url = reverse("course_session_report:donor_summary", args=[session.pk])
    assert client.post(url).status_code == 404
    client.force_login(people(session)[0])
    assert download(client, session).status_code in (302, 403, 404)
    client.logout()
    assert download(client, session).status_code in (302, 404)
    assert client.get(url).status_code in (302, 404, 405)  # no state change on GET
    assert DonorSummary.objects.get(session=session).requested_by == coordinator


def test_in_the_bucket_it_is_private_replaced_and_goes_with_its_row(
    bucket, client, coordinator, evaluation, django_capture_on_commit_callbacks
):
    session = evaluation.session
    summary = prepared(client, coordinator, session, django_capture_on_commit_callbacks)
    first = f"certificates/{summary.pdf.name}"
    assert first in bucket.object_keys() and bucket.anonymous_get(first) == 403
    response = download(client, session)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    client.force_login(make_coordinator("another-coordinator"))
    assert download(client, session).status_code == 404

    donor.render_donor_summary(summary.pk)  # asked again: a new file, the old one gone
    summary.refresh_from_db()
    assert f"certificates/{summary.pdf.name}" in bucket.object_keys()
    assert first not in bucket.object_keys()
    with django_capture_on_commit_callbacks(execute=True):
        summary.delete()
    assert not any(key.startswith("certificates/donor-summaries/") for key in bucket.object_keys())
