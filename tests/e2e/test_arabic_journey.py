"""An Arabic-speaking participant, end to end in Arabic with real parts (the live site in
Chromium, a Celery worker on Redis, a local SMTP server): she switches the site to
Arabic, creates her account, completes her profile with Arabic as her language, enrolls
in a session of the demo's course translated into Arabic, reads a module in Arabic,
checks in to the sitting under way, and receives her emails in Arabic and a bilingual
certificate (Arabic and English side by side), whose text is read back from the PDF.

Each page is photographed at 1366 and 375 px (``CONCORD_SCREENSHOTS``) to be looked at.
"""

from __future__ import annotations

import datetime
import re

import pypdfium2
import pytest
from django.utils import timezone
from django.utils.translation import gettext, override
from playwright.sync_api import expect

from cms.demo import COURSES, seed_course, seed_translations
from cms.models import CoursePage, ModulePage
from courses.attendance.services import current_check_in, evaluate_completion
from courses.certificates.services import issue_certificates
from courses.models import Attendance, Certificate, Enrollment, Meeting
from participants.models import Organization, Participant
from tests.e2e.steps import look
from tests.factories.certificate_pdf import content_text
from tests.factories.courses import make_session
from tests.factories.users import make_coordinator
from tests.support.pipeline_harness import Worker, worker_env

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SLUG = "partnering-under-chapter-viii"
MODULE_SLUG = "comparative-advantages-and-division-of-labour"
EMAIL = "fatima.alzahraa@example.org"
PASSWORD = "a long and unusual passphrase 42"
#: A phone narrower than the suite's usual 390 px: Arabic lines break differently.
WIDTHS = (1366, 375)


def ar(message: str) -> str:
    """``message`` as the Arabic catalogue has it (the page's own words, not retyped)."""
    with override("ar"):
        return gettext(message)


def pdf_text(pdf: bytes) -> str:
    """The certificate's text in reading order (each column whole, each line logical)."""
    assert len(pypdfium2.PdfDocument(pdf)) == 1, "a bilingual certificate fits one page"
    return content_text(pdf)


def plain(accepted) -> str:
    return accepted.message.get_body(("plain",)).get_content()


@pytest.fixture
def chapter_viii(catalog):
    """The demo's course and its modules, translated into Arabic, French and Spanish."""
    index, data = next((i, c) for i, c in enumerate(COURSES) if c["slug"] == SLUG)
    seed_course(catalog, data, index=index)
    assert seed_translations() == 3
    return CoursePage.objects.get(slug=SLUG, locale__language_code="en")


def test_an_arabic_speaker_from_sign_up_to_a_bilingual_certificate(
    new_context, smtp, queue, live_server, chapter_viii, tmp_path
):
    worker = Worker(
        queue=queue,
        env=worker_env(queue=queue, smtp=smtp, site_url=live_server.url),
        log_dir=tmp_path,
        concurrency=1,
    )
    try:
        journey(new_context, smtp, worker, chapter_viii)
    finally:
        worker.stop()
        print(f"--- {worker.log_path.name}\n{worker.log_tail()}")  # shown if the test failed


def journey(new_context, smtp, worker, source):
    arabic = CoursePage.objects.get(
        translation_key=source.translation_key, locale__language_code="ar"
    )
    arabic_module = ModulePage.objects.get(slug=MODULE_SLUG, locale__language_code="ar")
    coordinator = make_coordinator()
    today = timezone.localdate()
    # A session of the course (its source page, in English) held in Arabic, certificates in
    # Arabic and English, whose first sitting started five minutes ago.
    session = make_session(
        source,
        code="chapter-viii-cairo",
        city="Cairo",
        country="EG",
        timezone="Africa/Cairo",
        language="ar",
        certificate_second_language="en",
        starts_on=today,
        ends_on=today + datetime.timedelta(days=1),
        coordinators=[coordinator],
    )
    # Issued by the UN department that runs the programme and the League of Arab States.
    session.issuing_organizations.set(Organization.objects.filter(acronym__in=["DPPA", "LAS"]))
    start = timezone.now() - datetime.timedelta(minutes=5)
    meeting = Meeting.objects.create(
        session=session, starts_at=start, ends_at=start + datetime.timedelta(hours=3)
    )

    page = new_context().new_page()
    page.goto("/")
    # The language switcher, at the top of every page, names Arabic in Arabic.
    page.locator(".lang-switch button[name=language][value=ar]").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")

    page.get_by_role("link", name=ar("Create an account")).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ar("Create your Concord account"))
    page.locator("input[name=email]").fill(EMAIL)
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    look(page, "ar-signup", widths=WIDTHS)
    page.get_by_role("button", name=ar("Create account")).click()

    expect(page.get_by_role("heading", level=1, name=ar("My profile"))).to_be_visible()
    page.locator("input[name=first_name]").fill("فاطمة")
    page.locator("input[name=last_name]").fill("الزهراء")
    las = Organization.objects.get(acronym="LAS")
    page.locator("select[name=organization]").select_option(value=str(las.pk))
    page.locator("input[name=job_title]").fill("مسؤولة الشؤون السياسية")
    page.locator("select[name=duty_station]").select_option(value="EG")
    page.locator("select[name=preferred_language]").select_option(value="ar")
    page.locator("input[name=printed_name_latin]").fill("Fatima Al-Zahraa")
    look(page, "ar-profile", widths=WIDTHS)
    page.get_by_role("button", name=ar("Save my profile")).click()
    expect(page.get_by_role("status")).to_contain_text(ar("Your profile is saved."))
    profile = Participant.objects.get(user__email=EMAIL)
    assert profile.preferred_language == "ar"

    # The course in Arabic: the catalogue's address of the course serves its translation.
    page.goto(source.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(arabic.title)
    sessions = page.get_by_role("region", name=ar("Upcoming sessions"))
    expect(sessions.locator(".session-item")).to_have_count(1)
    look(page, "ar-course", widths=WIDTHS)
    sessions.get_by_role("button", name=ar("Enroll")).click()
    expect(page).to_have_url(re.compile(r"/my-learning/$"))
    enrollment = Enrollment.objects.get(participant__email=EMAIL)
    assert enrollment.status == Enrollment.Status.CONFIRMED
    expect(page.get_by_role("main")).to_contain_text(arabic.title)
    look(page, "ar-my-learning", widths=WIDTHS)

    # A module, in Arabic, open to her now that her place is confirmed.
    page.goto(arabic_module.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(arabic_module.title)
    expect(page.get_by_role("main")).to_contain_text("المزايا النسبية")
    look(page, "ar-module", widths=WIDTHS)

    # The sitting is under way: she checks in from My learning with the screen's code.
    page.goto("/my-learning/")
    page.get_by_role("link", name=re.compile("^" + re.escape(ar("Check in")))).click()
    expect(page).to_have_url(re.compile(r"/check-in/$"))
    look(page, "ar-check-in", widths=WIDTHS)
    page.locator("input[name=code]").fill(current_check_in(meeting=meeting).code)
    page.get_by_role("button", name=ar("Check in with this code")).click()
    expect(page).to_have_url(re.compile(r"/my-learning/$"))
    mark = Attendance.objects.get(enrollment=enrollment, meeting=meeting)
    assert mark.status == Attendance.Status.PRESENT and mark.source == Attendance.Source.CHECK_IN

    # The coordinator closes the session: completion by its rule, then the certificates.
    assert evaluate_completion(session=session, by=coordinator).completed == 1
    (certificate,) = issue_certificates(session=session, by=coordinator)

    worker.wait_ready()
    assert smtp.wait_for(3, timeout=60), worker.log_tail()
    mails = {a.message["Subject"]: a for a in smtp.accepted if EMAIL in a.recipients}
    subjects = list(mails)
    # 1. The address's confirmation, written in the language she signed up in.
    (confirmation,) = [s for s in subjects if "/accounts/confirm-email/" in plain(mails[s])]
    assert re.search(r"[\u0600-\u06ff]", confirmation), confirmation
    # 2. Her place, in Arabic, the course named by its Arabic title.
    placed = ar("Your place in %(course)s is confirmed") % {"course": arabic.title}
    assert placed in subjects, subjects
    assert "فاطمة" in plain(mails[placed])
    # 3. The certificate, in Arabic, with the bilingual PDF.
    titled = ar("Your certificate for %(course)s") % {"course": arabic.title}
    assert titled in subjects, subjects
    certificate.refresh_from_db()
    assert certificate.state == Certificate.State.SENT
    assert certificate.short_code in plain(mails[titled])

    text = pdf_text(mails[titled].pdf())
    # Lines break where the column ends: compared without spaces.
    squeezed = "".join(text.split())
    for expected in (
        # The Arabic column: the wording, the name as written and the course's Arabic title.
        "تُمنح هذه الشهادة إلى",
        "فاطمة الزهراء",
        arabic.title.split(":")[0],
        # The English column, and the Latin transliteration under the Arabic name.
        "This certifies that",
        "has successfully completed the course",
        "Fatima Al-Zahraa",
        source.title.split(":")[0],
        certificate.short_code,
    ):
        assert "".join(expected.split()) in squeezed, f"{expected!r} not in:\n{text}"

    # My learning offers it; the verification page says it is valid, in Arabic.
    page.goto("/my-learning/")
    look(page, "ar-my-learning-certificate", widths=WIDTHS)
    page.goto(certificate.get_absolute_url())
    expect(page.get_by_role("main")).to_contain_text(ar("Valid certificate"))
    look(page, "ar-verify", widths=WIDTHS)
