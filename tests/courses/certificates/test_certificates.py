"""Certificates: issuing, revoking and re-issuing, the public verification page, who may
download a PDF, the coordinators' screen, and independence from later edits.

The pipeline that renders and emails them is tested in test_certificate_pipeline.py.
"""

import datetime
import re

import pytest
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import ModelLogEntry

from courses.audit import ISSUE_ACTION, REISSUE_ACTION, RETRY_ACTION, REVOKE_ACTION
from courses.certificates.services import (
    CertificateError,
    issue_certificates,
    reissue_certificate,
    requeue_stuck_certificates,
    retry_certificate,
    revoke_certificate,
)
from courses.models import Certificate, Enrollment, Notice, SessionSignatory, certificate_storage
from participants.models import Organization, Participant
from tests.factories.certificates import make_completers
from tests.factories.courses import make_profile, make_session
from tests.factories.pages import make_course
from tests.factories.users import make_coordinator, make_participant, make_user

pytestmark = pytest.mark.django_db

State = Certificate.State


@pytest.fixture
def course(catalog):
    return make_course(catalog, title="Mediation process design", partners=("DPPA", "AUC"))


@pytest.fixture
def session(course, coordinator):
    return make_session(
        course,
        code="mpd-2027-addis",
        city="Addis Ababa",
        country="ET",
        coordinators=[coordinator],
        starts_on=datetime.date(2027, 3, 1),
        ends_on=datetime.date(2027, 3, 5),
        enrollment_opens_at=timezone.now() - datetime.timedelta(days=60),
        enrollment_closes_at=timezone.now() - datetime.timedelta(days=30),
    )


def stored_pdf(certificate, content=b"%PDF-1.7 a stand-in file for access tests"):
    """Give a certificate a file, as the pipeline would once rendered (access tests only)."""
    certificate.pdf.save(f"pdf/test/{certificate.code}.pdf", ContentFile(content), save=False)
    certificate.state = State.SENT
    certificate.save()
    return certificate


# ------------------------------------------------------------------------------- issuing


def test_each_completer_gets_one_certificate_with_what_it_certifies(
    session, coordinator, django_capture_on_commit_callbacks
):
    amina, kwame = make_completers(session, 2, names=[("Amina", "Diallo"), ("Kwame", "Asante")])
    (absent,) = make_completers(session, 1, attended=1)
    Enrollment.objects.filter(pk=absent.pk).update(status=Enrollment.Status.NOT_COMPLETED)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        issued = issue_certificates(session=session, by=coordinator)
    assert len(callbacks) == 1  # the tasks are queued only once the rows are committed
    assert sorted(c.snapshot["participant_name"] for c in issued) == [
        "Amina Diallo",
        "Kwame Asante",
    ]
    certificate = Certificate.objects.get(enrollment=amina)
    assert certificate.state == State.PENDING
    assert len(certificate.code) >= 22 and certificate.code != certificate.short_code
    assert len({c.code for c in issued}) == 2
    snapshot = certificate.snapshot
    assert snapshot["course_title"] == "Mediation process design"
    assert (snapshot["starts_on"], snapshot["ends_on"]) == ("2027-03-01", "2027-03-05")
    assert snapshot["place"] == "Addis Ababa, Ethiopia" and snapshot["is_online"] is False
    assert snapshot["hours_attended"] == "14.0"  # two sittings of seven hours
    assert [i["acronym"] for i in snapshot["issuers"]] == ["DPPA", "AUC"]  # UN entity first
    assert certificate.language == "en" and certificate.issued_by == coordinator
    entry = ModelLogEntry.objects.get(action=ISSUE_ACTION, object_id=str(certificate.pk))
    assert entry.user == coordinator and entry.data["session"] == session.code
    assert kwame.certificates.count() == 1


def test_issuing_twice_issues_nothing_new(session, coordinator):
    make_completers(session, 3)
    assert len(issue_certificates(session=session, by=coordinator)) == 3
    assert issue_certificates(session=session, by=coordinator) == []
    one = Enrollment.objects.filter(session=session).first()
    assert issue_certificates(session=session, by=coordinator, enrollments=[one]) == []
    assert Certificate.objects.count() == 3


def test_the_database_refuses_a_second_valid_certificate(session, coordinator):
    (enrollment,) = make_completers(session)
    issue_certificates(session=session, by=coordinator)
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(enrollment=enrollment, language="en")


def test_issuing_to_one_person_only_and_only_to_completers(session, coordinator):
    first, second = make_completers(session, 2)
    (issued,) = issue_certificates(session=session, by=coordinator, enrollments=[second])
    assert issued.enrollment == second and not first.certificates.exists()
    Enrollment.objects.filter(pk=first.pk).update(status=Enrollment.Status.NOT_COMPLETED)
    with pytest.raises(CertificateError, match="completed"):
        issue_certificates(session=session, by=coordinator, enrollments=[first])
    stranger = make_coordinator("stranger")
    with pytest.raises(CertificateError):
        issue_certificates(session=session, by=stranger)
    assert Certificate.objects.count() == 1


def test_the_session_chooses_the_language_and_english_stands_in(course, coordinator):
    french = make_session(
        course, is_online=True, city="", language="fr", coordinators=[coordinator]
    )
    arabic = make_session(course, language="ar", coordinators=[coordinator])
    chinese = make_session(course, language="zh", coordinators=[coordinator])
    swahili = make_session(course, language="sw", coordinators=[coordinator])
    for session in (french, arabic, chinese, swahili):
        make_completers(session)
    (fr,) = issue_certificates(session=french, by=coordinator)
    (ar,) = issue_certificates(session=arabic, by=coordinator)
    (zh,) = issue_certificates(session=chinese, by=coordinator)
    (sw,) = issue_certificates(session=swahili, by=coordinator)
    assert fr.language == "fr" and fr.snapshot["place"] == "En ligne"
    assert ar.language == "ar"
    assert zh.language == "zh-hans"  # the interface's code for the course's "zh"
    assert sw.language == "en"  # no certificate wording in Swahili


def test_issuers_default_to_the_un_entity_and_the_course_partners(catalog, coordinator, settings):
    settings.CERTIFICATE_UN_ENTITY = "UNITAR"
    regional_only = make_course(catalog, partners=("OSCE",))
    session = make_session(regional_only, coordinators=[coordinator])
    make_completers(session)
    (certificate,) = issue_certificates(session=session, by=coordinator)
    assert [i["acronym"] for i in certificate.snapshot["issuers"]] == ["UNITAR", "OSCE"]
    # The session's own choice wins.
    other = make_session(regional_only, coordinators=[coordinator])
    other.issuing_organizations.set(Organization.objects.filter(acronym__in=["UNDP", "LAS"]))
    make_completers(other)
    (chosen,) = issue_certificates(session=other, by=coordinator)
    assert [i["acronym"] for i in chosen.snapshot["issuers"]] == ["UNDP", "LAS"]


# ------------------------------------------------------------------- revoke and reissue


def test_revoking_needs_a_reason_and_records_who_when_and_why(session, coordinator):
    make_completers(session)
    (certificate,) = issue_certificates(session=session, by=coordinator)
    with pytest.raises(CertificateError, match="reason"):
        revoke_certificate(certificate=certificate, reason="  ", by=coordinator)
    revoked = revoke_certificate(certificate=certificate, reason="Issued in error", by=coordinator)
    assert revoked.state == State.REVOKED and revoked.revoked_by == coordinator
    assert revoked.revocation_reason == "Issued in error" and revoked.revoked_at is not None
    again = revoke_certificate(certificate=certificate, reason="Once more", by=coordinator)
    assert again.revocation_reason == "Issued in error"  # revoking twice changes nothing
    assert ModelLogEntry.objects.filter(action=REVOKE_ACTION).count() == 1
    # Once revoked, the person may be issued a new certificate.
    assert len(issue_certificates(session=session, by=coordinator)) == 1


def test_reissuing_revokes_the_old_one_and_issues_from_the_corrected_records(session, coordinator):
    (enrollment,) = make_completers(session, names=[("Amina", "Dialo")])
    (old,) = issue_certificates(session=session, by=coordinator)
    user = enrollment.participant
    user.last_name = "Diallo"
    user.save()
    new = reissue_certificate(certificate=old, reason="Name misspelt", by=coordinator)
    old.refresh_from_db()
    assert old.state == State.REVOKED and old.revocation_reason == "Name misspelt"
    assert old.snapshot["participant_name"] == "Amina Dialo"  # the old one is left as it was
    assert new.state == State.PENDING and new.replaces == old and new.code != old.code
    assert new.snapshot["participant_name"] == "Amina Diallo"
    assert reissue_certificate(certificate=old, reason="Again", by=coordinator) == new
    assert Certificate.objects.filter(enrollment=enrollment).count() == 2
    assert ModelLogEntry.objects.filter(action=REISSUE_ACTION).count() == 1


def test_reissuing_is_refused_when_the_person_no_longer_completed(session, coordinator):
    (enrollment,) = make_completers(session)
    (certificate,) = issue_certificates(session=session, by=coordinator)
    Enrollment.objects.filter(pk=enrollment.pk).update(status=Enrollment.Status.NOT_COMPLETED)
    with pytest.raises(CertificateError, match="revoke"):
        reissue_certificate(certificate=certificate, reason="Correction", by=coordinator)
    certificate.refresh_from_db()
    assert certificate.state == State.PENDING  # the refusal rolled everything back


def test_retrying_a_failed_certificate_starts_again_where_it_failed(session, coordinator):
    make_completers(session, 2)
    first, second = issue_certificates(session=session, by=coordinator)
    Certificate.objects.filter(pk=first.pk).update(
        state=State.FAILED, attempts=3, last_error="SMTPDataError: 554 rejected"
    )
    Certificate.objects.filter(pk=second.pk).update(
        state=State.FAILED, rendered_at=timezone.now(), last_error="boom"
    )
    assert retry_certificate(certificate=first, by=coordinator).state == State.PENDING
    assert retry_certificate(certificate=second, by=coordinator).state == State.RENDERED
    first.refresh_from_db()
    assert (first.attempts, first.last_error) == (0, "")
    entry = ModelLogEntry.objects.filter(action=RETRY_ACTION).first()
    assert entry.data["error"] in ("SMTPDataError: 554 rejected", "boom")
    # Not failed any more: a second retry does nothing.
    assert retry_certificate(certificate=first, by=coordinator).state == State.PENDING
    assert ModelLogEntry.objects.filter(action=RETRY_ACTION).count() == 2


def test_the_sweep_queues_stuck_certificates_again_and_gives_up_in_the_end(
    session, coordinator, settings, django_capture_on_commit_callbacks
):
    settings.CERTIFICATE_STUCK_AFTER = 600
    settings.CERTIFICATE_MAX_ATTEMPTS = 3
    make_completers(session, 3)
    _fresh, stuck, hopeless = issue_certificates(session=session, by=coordinator)
    long_ago = timezone.now() - datetime.timedelta(hours=1)
    Certificate.objects.filter(pk__in=[stuck.pk, hopeless.pk]).update(queued_at=long_ago)
    Certificate.objects.filter(pk=hopeless.pk).update(attempts=3, last_error="TimeoutError")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert requeue_stuck_certificates() == 1
    assert len(callbacks) == 1
    stuck.refresh_from_db()
    hopeless.refresh_from_db()
    assert stuck.queued_at > long_ago and stuck.state == State.PENDING
    assert hopeless.state == State.FAILED
    assert hopeless.last_error.startswith("Gave up after 3 attempts.")
    assert "TimeoutError" in hopeless.last_error
    assert requeue_stuck_certificates() == 0  # just queued: not stuck any more


# -------------------------------------------------------------------- the public page


def verify_url(certificate):
    return reverse("certificate_verify", args=[certificate.code])


def test_the_verification_page_says_what_it_certifies_and_nothing_else(
    client, session, coordinator
):
    (enrollment,) = make_completers(session, names=[("Amina", "Diallo")], acronym="OSCE")
    Participant.objects.filter(user=enrollment.participant).update(job_title="Secret title")
    (certificate,) = issue_certificates(session=session, by=coordinator)
    response = client.get(verify_url(certificate))
    assert response.status_code == 200
    page = response.content.decode()
    for text in (
        "Valid certificate",
        "Amina Diallo",
        "Mediation process design",
        "March 1, 2027",
        "March 5, 2027",
        "14",
        "UN Department of Political and Peacebuilding Affairs",
        "African Union Commission",
        certificate.short_code,
    ):
        assert text in page, text
    for private in ("example.org", "OSCE", "Organization for Security", "Secret title"):
        assert private not in page, private
    assert response["Cache-Control"] == "no-store"


def test_a_revoked_certificate_shows_the_date_but_not_the_reason(client, session, coordinator):
    make_completers(session)
    (certificate,) = issue_certificates(session=session, by=coordinator)
    revoke_certificate(
        certificate=certificate,
        reason="Plagiarised final assignment",
        by=coordinator,
        now=timezone.make_aware(datetime.datetime(2027, 4, 2, 10, 0)),
    )
    page = client.get(verify_url(certificate)).content.decode()
    assert "Revoked certificate" in page and "April 2, 2027" in page
    assert "Valid certificate" not in page and "Plagiarised" not in page


def test_verification_is_rate_limited_per_client_address(client, session, coordinator, settings):
    settings.CERTIFICATE_VERIFY_LIMIT = 3
    make_completers(session)
    (certificate,) = issue_certificates(session=session, by=coordinator)
    url = verify_url(certificate)
    for _ in range(3):
        assert client.get(url, REMOTE_ADDR="203.0.113.7").status_code == 200
    refused = client.get(url, REMOTE_ADDR="203.0.113.7")
    assert refused.status_code == 429
    assert refused["Retry-After"] == str(settings.CERTIFICATE_VERIFY_WINDOW)
    assert "Too many verifications" in refused.content.decode()
    # Unknown codes count too, so guessing is slowed as much as checking.
    assert client.get("/certificates/verify/guess/", REMOTE_ADDR="203.0.113.7").status_code == 429
    assert client.get(url, REMOTE_ADDR="198.51.100.9").status_code == 200


# ------------------------------------------------------------------------- downloads


def test_who_may_download_a_certificate(client, session, coordinator, course, login):
    (enrollment,) = make_completers(session)
    (certificate,) = issue_certificates(session=session, by=coordinator)
    stored_pdf(certificate)
    url = reverse("certificate_download", args=[certificate.code])

    holder = login(client, enrollment.participant)
    response = holder.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert response["Content-Disposition"] == (
        f'attachment; filename="certificate-{certificate.short_code}.pdf"'
    )
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Type"] == "application/pdf"

    login(client, coordinator)
    assert client.get(url).status_code == 200
    other = make_coordinator("other-coord")
    make_session(course, coordinators=[other])  # runs another session
    login(client, other)
    assert client.get(url).status_code == 404
    login(client, make_participant("someone-else"))
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # to the sign-in page, whatever the code

    # Revoked: its holder no longer gets it; the coordinators still do.
    revoke_certificate(certificate=certificate, reason="Error", by=coordinator)
    login(client, enrollment.participant)
    assert client.get(url).status_code == 404
    login(client, coordinator)
    assert client.get(url).status_code == 200


def test_my_learning_links_to_the_certificate_once_it_is_made(client, session, coordinator, login):
    (enrollment,) = make_completers(session)
    (certificate,) = issue_certificates(session=session, by=coordinator)
    login(client, enrollment.participant)
    link = reverse("certificate_download", args=[certificate.code])
    assert link not in client.get(reverse("my_learning")).content.decode()  # not made yet
    stored_pdf(certificate)
    assert link in client.get(reverse("my_learning")).content.decode()
    revoke_certificate(certificate=certificate, reason="Error", by=coordinator)
    assert link not in client.get(reverse("my_learning")).content.decode()


# ------------------------------------------------------------- the coordinators' screen


def screen_url(session):
    return reverse("course_certificates:index", args=[session.pk])


def test_the_coordinator_issues_and_follows_progress_on_the_screen(
    client, session, coordinator, login
):
    make_completers(session, 3, names=[("Amina", "Diallo")])
    login(client, coordinator)
    page = client.get(screen_url(session)).content.decode()
    assert "3 people completed the session and have no certificate yet." in page
    issue = reverse("course_certificates:issue", args=[session.pk])
    # First a confirmation step: who will be emailed; nothing issued, nothing queued.
    confirm = client.post(issue).content.decode()
    assert "3 people will be emailed" in confirm and "Amina Diallo" in confirm
    assert not Certificate.objects.exists() and not Notice.objects.exists()
    people = re.findall(r'name="people" value="(\d+)"', confirm)
    response = client.post(issue, {"confirm": "1", "people": people})
    assert response.status_code == 302
    assert Certificate.objects.filter(enrollment__session=session).count() == 3
    page = client.get(screen_url(session)).content.decode()
    assert "Amina Diallo" in page and 'data-running="true"' in page
    progress = client.get(reverse("course_certificates:progress", args=[session.pk])).json()
    assert progress == {
        "pending": 3,
        "rendered": 0,
        "sent": 0,
        "failed": 0,
        "revoked": 0,
        "total": 3,
        "in_progress": 3,
        "percent": 0,
        "done": False,
    }


def test_the_screen_shows_failures_with_their_reasons_and_offers_a_retry(
    client, session, coordinator, login
):
    make_completers(session)
    (certificate,) = issue_certificates(session=session, by=coordinator)
    Certificate.objects.filter(pk=certificate.pk).update(
        state=State.FAILED, last_error="No installed font has a glyph for 𓀀 (U+13000)"
    )
    login(client, coordinator)
    page = client.get(screen_url(session)).content.decode()
    assert "No installed font has a glyph for 𓀀 (U+13000)" in page
    action = reverse("course_certificates:action", args=[session.pk, certificate.pk])
    assert action in page
    client.post(action, {"action": "retry"})
    certificate.refresh_from_db()
    assert certificate.state == State.PENDING


def test_revoke_and_reissue_from_the_screen_need_a_reason(client, session, coordinator, login):
    make_completers(session)
    (certificate,) = issue_certificates(session=session, by=coordinator)
    login(client, coordinator)
    action = reverse("course_certificates:action", args=[session.pk, certificate.pk])
    response = client.post(action, {"action": "revoke", "reason": ""})
    assert "Give the reason" in str(next(iter(get_messages(response.wsgi_request))))
    certificate.refresh_from_db()
    assert certificate.state == State.PENDING
    client.post(action, {"action": "reissue", "reason": "Wrong dates"})
    certificate.refresh_from_db()
    assert certificate.state == State.REVOKED
    assert certificate.replaced_by.state == State.PENDING
    assert client.get(action).status_code == 405  # nothing changes on GET


def test_coordinators_of_other_sessions_get_404(client, session, coordinator, course, login):
    make_completers(session)
    (certificate,) = issue_certificates(session=session, by=coordinator)
    other = make_coordinator("other-coord")
    make_session(course, coordinators=[other])
    login(client, other)
    for url in (
        screen_url(session),
        reverse("course_certificates:progress", args=[session.pk]),
    ):
        assert client.get(url).status_code == 404
    issue = reverse("course_certificates:issue", args=[session.pk])
    action = reverse("course_certificates:action", args=[session.pk, certificate.pk])
    assert client.post(issue).status_code == 404
    assert client.post(action, {"action": "revoke", "reason": "x"}).status_code == 404
    certificate.refresh_from_db()
    assert certificate.state == State.PENDING


def test_a_certificate_of_another_session_is_not_found_through_this_one(
    client, session, coordinator, course, login
):
    mine = make_session(course, coordinators=[coordinator])
    make_completers(session)
    (certificate,) = issue_certificates(session=session, by=coordinator)
    login(client, coordinator)
    action = reverse("course_certificates:action", args=[mine.pk, certificate.pk])
    assert client.post(action, {"action": "revoke", "reason": "x"}).status_code == 404


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_screen_runs_a_constant_number_of_queries(
    client, session, coordinator, django_assert_num_queries, login
):
    make_completers(session, 2)
    issue_certificates(session=session, by=coordinator)
    make_completers(session, 1)
    login(client, coordinator)
    client.get(screen_url(session))
    small = count_queries(client, screen_url(session))
    make_completers(session, 12)
    issue_certificates(session=session, by=coordinator)
    make_completers(session, 5)
    with django_assert_num_queries(small):
        response = client.get(screen_url(session))
    assert len(response.context["certificates"]) == 15


# ------------------------------------------------------ independence from later changes


def test_renames_and_deletions_leave_issued_certificates_intact(
    client, session, coordinator, course
):
    logo = Image.objects.create(title="AUC logo", file=get_test_image_file())
    Organization.objects.filter(acronym="AUC").update(logo=logo)
    signature = Image.objects.create(title="Signature", file=get_test_image_file())
    SessionSignatory.objects.create(
        session=session, name="Grace Mbeki", title="Director", signature=signature
    )
    (enrollment,) = make_completers(session, names=[("Amina", "Diallo")])
    (certificate,) = issue_certificates(session=session, by=coordinator)
    before = dict(certificate.snapshot)
    logo_copy = before["issuers"][1]["logo"]
    signature_copy = before["signatories"][0]["signature"]
    assert logo_copy and signature_copy

    course.title = "Renamed course"
    course.save_revision().publish()
    session.city = "Nairobi"
    session.save()
    user = enrollment.participant
    user.first_name = "Someone"
    user.save()
    Participant.objects.filter(user=user).delete()  # the profile goes
    Organization.objects.filter(acronym="AUC").update(name="Renamed Commission", logo=None)
    logo.delete()
    signature.delete()

    certificate.refresh_from_db()
    assert certificate.snapshot == before

    assert certificate_storage().exists(logo_copy) and certificate_storage().exists(signature_copy)
    page = client.get(verify_url(certificate)).content.decode()
    assert "Amina Diallo" in page and "Mediation process design" in page
    assert "African Union Commission" in page and "Renamed" not in page

    # What still refers to the certificate cannot be deleted under it.
    with pytest.raises(ProtectedError), transaction.atomic():
        session.delete()
    with pytest.raises(ProtectedError), transaction.atomic():
        enrollment.delete()
    with pytest.raises(ProtectedError), transaction.atomic():
        course.delete()


def test_an_issuing_organization_can_be_deleted_without_breaking_certificates(
    client, catalog, coordinator
):
    course = make_course(catalog, partners=("OSCE",))
    session = make_session(course, coordinators=[coordinator])
    issuer = Organization.objects.create(
        name="Temporary Partner Forum", acronym="TPF", kind="regional"
    )
    session.issuing_organizations.set([issuer])
    make_completers(session)
    (certificate,) = issue_certificates(session=session, by=coordinator)
    issuer.delete()
    page = client.get(verify_url(certificate)).content.decode()
    assert "Temporary Partner Forum" in page


def test_signatories_of_other_sessions_are_out_of_reach(
    client, session, coordinator, course, login
):
    other = make_coordinator("other-coord")
    foreign = make_session(course, coordinators=[other])
    mine = SessionSignatory.objects.create(session=session, name="Grace Mbeki", title="Director")
    theirs = SessionSignatory.objects.create(session=foreign, name="Ivan Petrov", title="Chief")
    login(client, coordinator)
    page = client.get(reverse("session_signatories:index")).content.decode()
    assert "Grace Mbeki" in page and "Ivan Petrov" not in page
    assert client.get(reverse("session_signatories:edit", args=[mine.pk])).status_code == 200
    assert client.get(reverse("session_signatories:edit", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("session_signatories:delete", args=[theirs.pk])).status_code == 404
    assert SessionSignatory.objects.filter(pk=theirs.pk).exists()


def test_my_learning_runs_a_constant_number_of_queries_with_certificates(
    client, course, coordinator, django_assert_num_queries, login
):
    learner = make_participant("learner")
    make_profile(learner)

    def certified_session():
        session = make_session(course, coordinators=[coordinator])
        (enrollment,) = make_completers(session)
        Enrollment.objects.filter(pk=enrollment.pk).update(participant=learner)
        (certificate,) = issue_certificates(session=session, by=coordinator)
        stored_pdf(certificate)

    certified_session()
    login(client, learner)
    client.get(reverse("my_learning"))
    small = count_queries(client, reverse("my_learning"))
    for _ in range(4):
        certified_session()
    with django_assert_num_queries(small):
        response = client.get(reverse("my_learning"))
    assert response.content.decode().count("Certificate (PDF)") == 5


def test_deleting_a_session_with_certificates_in_the_admin_is_refused_politely(
    client, session, coordinator, login
):
    make_completers(session)
    (certificate,) = issue_certificates(session=session, by=coordinator)
    login(client, make_user("root", superuser=True))
    response = client.post(reverse("course_sessions:delete", args=[session.pk]), follow=True)
    assert response.status_code == 200
    assert "it cannot be deleted. Cancel it instead." in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.enrollment.session == session
