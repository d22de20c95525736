"""Certificates end to end, with real parts: a Celery worker process on Redis, a local
SMTP server (aiosmtpd), the live site, and the coordinator's screen in Chromium.

1. Thirty people completed a session: the coordinator issues their certificates and
   watches the counts move without reloading; thirty emails arrive, each with a PDF
   whose QR code leads to a verification page that says "valid"; one is revoked and
   its page says so.
2. A worker is killed with ``kill -9`` in the middle of a batch of a hundred, twice; a
   new one (with beat, whose sweep queues again what the dead one held) takes over
   each time: a hundred certificates, a hundred codes, at most one email sent twice
   per kill.
"""

from __future__ import annotations

import collections
import re
import time
import urllib.request

import pypdfium2
import pytest
import zxingcpp
from playwright.sync_api import expect

from courses.certificates.services import issue_certificates
from courses.models import Certificate
from tests.e2e.steps import admin_sign_in
from tests.factories.certificates import make_completers
from tests.factories.courses import make_session
from tests.factories.pages import make_course
from tests.factories.users import make_coordinator
from tests.support.pipeline_harness import Worker, worker_env

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NAMES = [
    ("Amina", "Diallo"),
    ("Nguyễn Thị", "Lan"),
    ("Ольга", "Петрова"),
    ("Σοφία", "Παπαδοπούλου"),
    ("فاطمة", "الزهراء"),
    ("李", "小龙"),
    ("François", "Lefèvre"),
    ("Søren", "Ødegård"),
    ("Zoë", "Brontë-Łukasik"),
    ("José María", "Núñez"),
]


@pytest.fixture
def start_worker(tmp_path, smtp, live_server, queue):
    workers = []

    def start(*, concurrency=2, beat=False, **env):
        worker = Worker(
            queue=queue,
            env=worker_env(queue=queue, smtp=smtp, site_url=live_server.url, **env),
            log_dir=tmp_path,
            concurrency=concurrency,
            beat=beat,
        )
        workers.append(worker)
        worker.wait_ready()
        return worker

    yield start
    for worker in workers:
        worker.stop()
        print(f"--- {worker.log_path.name}\n{worker.log_tail()}")  # shown if the test failed


def qr_of(pdf: bytes) -> str:
    """The text of the QR code printed on the PDF's first page, read from pixels."""
    document = pypdfium2.PdfDocument(pdf)
    assert len(document) == 1
    image = document[0].render(scale=3).to_pil()
    (barcode,) = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    return barcode.text


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=20) as response:
        return response.read().decode()


def wait_until(predicate, timeout: float, step: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


def test_thirty_completers_receive_certificates_that_verify(
    new_context, start_worker, smtp, live_server, catalog, settings
):
    settings.CERTIFICATE_VERIFY_LIMIT = 1000  # this test verifies thirty from one address
    coordinator = make_coordinator()
    course = make_course(catalog, title="Mediation process design")
    session = make_session(course, code="mpd-e2e", coordinators=[coordinator])
    names = (NAMES * 3)[:30]
    enrollments = make_completers(session, 30, names=names)

    page = new_context().new_page()
    admin_sign_in(page, "coordinator")
    page.goto(f"/admin/courses/sessions/{session.pk}/certificates/")
    page.get_by_role("button", name="Issue 30 certificates").click()
    # The confirmation step names who will be emailed before anything is sent.
    expect(page.get_by_role("heading", name="30 people will be emailed")).to_be_visible()
    assert not Certificate.objects.exists()
    page.get_by_role("button", name="Issue 30 certificates and email them").click()
    expect(page.get_by_text("30 certificates issued: they are being made")).to_be_visible()
    figures = page.locator("[data-count='sent']")
    expect(figures).to_have_text("0")
    expect(page.get_by_text("A batch is running")).to_be_visible()

    # The worker starts only now: the screen follows the batch without a reload.
    start_worker(concurrency=2)
    expect(figures).to_have_text("30", timeout=120_000)
    expect(page.locator("[data-count='pending']")).to_have_text("0")
    # The finished batch reloads the page: the list below shows every certificate sent.
    expect(page.get_by_text("A batch is running")).to_be_hidden(timeout=15_000)
    expect(page.locator("[data-count='sent']")).to_have_text("30")
    expect(page.locator("progress")).to_have_attribute("value", "30")

    assert smtp.wait_for(30, timeout=10)
    assert smtp.count() == 30
    # One SMTP session per pool process, reused from one email to the next.
    assert smtp.sessions <= 4, smtp.sessions

    certificates = {c.enrollment_id: c for c in Certificate.objects.all()}
    assert len(certificates) == 30
    assert {c.state for c in certificates.values()} == {Certificate.State.SENT}
    by_email = {e.participant.email: certificates[e.pk] for e in enrollments}
    for accepted in smtp.accepted:
        (recipient,) = accepted.recipients
        certificate = by_email.pop(recipient)
        message = accepted.message
        assert message["Subject"] == "Your certificate for Mediation process design"
        url = qr_of(accepted.pdf())
        assert url == f"{live_server.url}/certificates/verify/{certificate.code}/"
        assert url in message.get_body(("plain",)).get_content()
        page_text = fetch(url)
        assert "Valid certificate" in page_text
        assert certificate.snapshot["participant_name"] in page_text
    assert by_email == {}  # everyone got exactly their own

    # Revoked from the screen: its page says so at once.
    revoked = certificates[enrollments[0].pk]
    page.reload()
    row = page.get_by_role("row").filter(has_text=revoked.short_code)
    row.get_by_text("Revoke or re-issue…").click()
    row.get_by_label("Reason").fill("Issued to the wrong session")
    row.get_by_role("button", name="Revoke", exact=True).click()
    expect(page.get_by_text(f"Certificate {revoked.short_code} revoked.")).to_be_visible()
    text = fetch(f"{live_server.url}/certificates/verify/{revoked.code}/")
    assert "Revoked certificate" in text and "Valid certificate" not in text
    assert "wrong session" not in text


def code_in(accepted) -> str:
    body = accepted.message.get_body(("plain",)).get_content()
    return re.search(r"/certificates/verify/([\w-]+)/", body).group(1)


def test_a_worker_killed_mid_batch_loses_nothing(start_worker, smtp, catalog):
    """Killed twice, each time just after the mail server accepted an email (the worst
    moment: the mark that it was sent is not committed yet). Each killed worker has one
    pool process, so one email is in flight at a kill: at most one is sent twice. (With
    N pool processes the bound is N per kill: one per email in flight.)"""
    coordinator = make_coordinator()
    course = make_course(catalog, title="Early warning")
    session = make_session(course, code="ew-kill", coordinators=[coordinator])
    make_completers(session, 100)
    # Short timeouts, so that the sweep steps in within the test's patience.
    quick = {"CERTIFICATE_STUCK_AFTER": 3, "CERTIFICATE_SWEEP_EVERY": 1}
    worker = start_worker(concurrency=1, **quick)

    issue_certificates(session=session, by=coordinator)  # committed: the tasks are queued
    kills = []
    for threshold in (20, 50):
        assert wait_until(lambda n=threshold: smtp.count() >= n, timeout=90, step=0.005), (
            worker.log_tail()
        )
        worker.kill9()
        kills.append(smtp.count())
        worker = start_worker(concurrency=1, beat=True, **quick)
    assert kills[-1] < 100, "the batch ended before the last kill: nothing was tested"

    sent = Certificate.objects.filter(state=Certificate.State.SENT)
    assert wait_until(lambda: sent.count() == 100, timeout=180, step=0.5), (
        f"{sent.count()} sent; states: "
        f"{collections.Counter(Certificate.objects.values_list('state', flat=True))}"
    )

    codes = set(Certificate.objects.values_list("code", flat=True))
    assert Certificate.objects.count() == 100 and len(codes) == 100
    assert smtp.wait_for(100, timeout=10)
    time.sleep(2)  # anything still in flight arrives now
    mailed = collections.Counter(code_in(accepted) for accepted in smtp.accepted)
    assert set(mailed) == codes  # everyone got theirs
    duplicates = sum(mailed.values()) - len(mailed)
    print(f"kills after {kills} emails; {duplicates} sent twice")
    assert duplicates <= len(kills), f"{duplicates} emails sent twice for {len(kills)} kills"
