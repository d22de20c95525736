# ruff: noqa: RUF001 -- Cyrillic and full-width letters of the wording in other scripts
"""Certificates in the seven languages, bilingual certificates, and the name as the
holder wants it printed (with its Latin transliteration)."""

import datetime
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from courses.certificates.pdf import CertificateRenderError, render_certificate
from courses.certificates.services import (
    certificate_content,
    issue_certificates,
    process_certificate,
)
from courses.models import Certificate
from participants.models import Participant
from tests.factories.certificate_pdf import (
    certificate_content as pdf_content,
)
from tests.factories.certificate_pdf import (
    content_text,
    layout_text,
    pages,
)
from tests.factories.certificates import make_completers
from tests.factories.courses import make_session
from tests.factories.pages import make_course

A4_LANDSCAPE = (841.89, 595.28)

# The sentences of each language in the order they are read, and what the dates and
# hours of 3 to 7 March 2025, 22.5 hours, say in it.
READING_ORDER = {
    "en": [
        "CERTIFICATE OF COMPLETION",
        "This certifies that",
        "has successfully completed the course",
        "held from 3 to 7 March 2025",
        "Total attendance: 22.5 hours",
    ],
    "fr": [
        "CERTIFICAT DE RÉUSSITE",
        "Le présent certificat atteste que",
        "a suivi avec succès la formation",
        "du 3 au 7 mars 2025",
        "22,5 heures",
    ],
    "es": [
        "CERTIFICADO DE APROVECHAMIENTO",
        "Se certifica que",
        "ha completado con éxito el curso",
        "celebrado del 3 al 7 de marzo de 2025",
        "Total de horas de asistencia: 22,5",
    ],
    "pt-br": [
        "CERTIFICADO DE CONCLUSÃO",
        "Certificamos que",
        "concluiu com êxito o curso",
        "realizado de 3 a 7 de março de 2025",
        "Total de horas de presença: 22,5",
    ],
    "ru": [
        "СЕРТИФИКАТ ОБ ОКОНЧАНИИ КУРСА",
        "Настоящий сертификат подтверждает, что",
        "успешно завершил(а) курс",
        "проведённый с 3 по 7 марта 2025 г.",
        "Общее время присутствия: 22,5 ч",
    ],
    "ar": [
        "شهادة إتمام",
        "تُمنح هذه الشهادة إلى",
        "تقديرًا لإتمام الدورة التدريبية بنجاح",
        "التي عُقدت من 3 إلى 7 مارس 2025",
        "مجموع ساعات الحضور: 22,5",
    ],
    "zh-hans": [
        "结业证书",
        "兹证明",
        "已顺利完成课程",
        "2025年3月3日至7日",
        "出勤总时数：22.5 小时",
    ],
}
NAMES = {"ar": "أمينة الخطيب", "ru": "Анна Петрова", "zh-hans": "王小明"}


def assert_one_page(pdf: bytes) -> None:
    assert pdf.startswith(b"%PDF-")
    sizes = pages(pdf)
    assert len(sizes) == 1 and sizes[0] == pytest.approx(A4_LANDSCAPE, abs=0.01)


def assert_in_reading_order(text: str, sentences: list[str]) -> None:
    text = " ".join(text.split())
    positions = [text.find(sentence) for sentence in sentences]
    assert -1 not in positions, [s for s, p in zip(sentences, positions, strict=True) if p < 0]
    assert positions == sorted(positions), sentences


@pytest.mark.parametrize("language", sorted(READING_ORDER))
def test_a_certificate_in_each_language_extracts_its_wording_in_reading_order(language):
    name = NAMES.get(language, "Amina Wanjiru Ochieng")
    pdf = render_certificate(pdf_content(language=language, participant_name=name))
    assert_one_page(pdf)
    sentences = READING_ORDER[language]
    assert_in_reading_order(content_text(pdf), [sentences[0], sentences[1], name, *sentences[2:]])
    # pdfminer's layout analysis orders the characters of a line by position: a line
    # that mixes directions (Arabic with digits) comes back in visual runs, so only the
    # sentences in one direction are asserted through it.
    assert_in_reading_order(layout_text(pdf), [sentences[0], sentences[1], name, sentences[2]])


@pytest.mark.parametrize(
    ("first", "second"), [("en", "ar"), ("ar", "en"), ("ru", "en"), ("fr", "zh-hans")]
)
def test_a_bilingual_certificate_fits_one_page_and_each_column_reads_in_order(first, second):
    pdf = render_certificate(
        pdf_content(
            language=first,
            second_language=second,
            participant_name="أمينة الخطيب",
            participant_name_latin="Amina Al-Khatib",
            course_title="Mediation Process Design: from early warning to preventive diplomacy",
        )
    )
    assert_one_page(pdf)
    text = " ".join(content_text(pdf).split())
    for language in (first, second):
        assert_in_reading_order(text, READING_ORDER[language])
    # Each column says everything before the other begins: a reader's copy of one
    # language is not interleaved with the other.
    first_column = [text.find(s) for s in READING_ORDER[first]]
    second_column = [text.find(s) for s in READING_ORDER[second]]
    assert max(first_column) < min(second_column) or max(second_column) < min(first_column)
    assert text.count("Amina Al-Khatib") == 2


def page_x_of(pdf: bytes, needle: str) -> float:
    """Where ``needle`` starts across the page, read by PDFium (the viewer's text)."""
    import pypdfium2  # noqa: PLC0415

    document = pypdfium2.PdfDocument(pdf)
    textpage = document[0].get_textpage()
    searcher = textpage.search(needle)
    index, _count = searcher.get_next()
    left, _bottom, _right, _top = textpage.get_charbox(index)
    return left


def test_the_right_to_left_column_stands_on_the_right():
    for first, second in (("en", "ar"), ("ar", "en")):
        pdf = render_certificate(pdf_content(language=first, second_language=second))
        assert page_x_of(pdf, "This certifies that") < 421 < page_x_of(pdf, "الشهادة")


def test_a_bilingual_certificate_needs_two_languages_it_knows():
    with pytest.raises(CertificateRenderError, match="two different languages"):
        render_certificate(pdf_content(language="en", second_language="en"))
    with pytest.raises(CertificateRenderError, match="'de'"):
        render_certificate(pdf_content(language="en", second_language="de"))


def test_the_latin_transliteration_prints_under_the_name():
    pdf = render_certificate(
        pdf_content(
            language="zh-hans", participant_name="王小明", participant_name_latin="Wang Xiaoming"
        )
    )
    assert_one_page(pdf)
    assert_in_reading_order(content_text(pdf), ["王小明", "Wang Xiaoming", "已顺利完成课程"])


def test_every_language_of_the_site_has_its_certificate_wording(settings):
    for code, _name in settings.LANGUAGES:
        pdf = render_certificate(pdf_content(language=code))
        assert READING_ORDER[code][0] in content_text(pdf)


# ------------------------------------------------------------------ issued certificates


@pytest.fixture
def course(catalog):
    return make_course(catalog, title="Mediation process design")


@pytest.mark.django_db
def test_a_session_chooses_bilingual_certificates_with_the_printed_name(course, coordinator):
    session = make_session(
        course,
        language="en",
        certificate_second_language="ar",
        coordinators=[coordinator],
        city="Cairo",
        country="EG",
        starts_on=datetime.date(2027, 3, 1),
        ends_on=datetime.date(2027, 3, 5),
    )
    (enrollment,) = make_completers(session, names=[("Amina", "Al-Khatib")])
    Participant.objects.filter(user=enrollment.participant).update(
        printed_name="أمينة الخطيب", printed_name_latin="Amina Al-Khatib", preferred_language="ar"
    )
    (certificate,) = issue_certificates(session=session, by=coordinator)

    assert certificate.language == "en"
    assert certificate.snapshot["second_language"] == "ar"
    assert certificate.snapshot["place"] == "Cairo, Egypt"
    assert certificate.snapshot["second_place"] == "Cairo, مصر"
    assert certificate.snapshot["participant_name"] == "أمينة الخطيب"
    assert certificate.snapshot["participant_name_latin"] == "Amina Al-Khatib"
    content = certificate_content(certificate)
    assert (content.second_language, content.participant_name_latin) == ("ar", "Amina Al-Khatib")

    assert process_certificate(certificate_id=certificate.pk) == Certificate.State.SENT
    certificate.refresh_from_db()
    with certificate.pdf.open("rb") as file:
        pdf = file.read()
    assert_one_page(pdf)
    text = content_text(pdf)
    assert "CERTIFICATE OF COMPLETION" in text and "شهادة إتمام" in text
    # The email is written in the holder's language, the PDF in the session's.
    (message,) = mail.outbox
    html, _mimetype = message.alternatives[0]
    assert re.search(r'<html lang="ar" dir="rtl">', html)


@pytest.mark.django_db
def test_without_a_printed_name_the_given_name_comes_first(course, coordinator):
    session = make_session(course, coordinators=[coordinator])
    make_completers(session, names=[("Zoltán", "Kodály")])
    (certificate,) = issue_certificates(session=session, by=coordinator)
    assert certificate.snapshot["participant_name"] == "Zoltán Kodály"
    assert certificate.snapshot["participant_name_latin"] == ""


@pytest.mark.django_db
def test_the_second_language_must_differ_from_the_first(course):
    session = make_session(course, language="zh", certificate_second_language="zh-hans")
    with pytest.raises(ValidationError) as error:
        session.full_clean()
    assert "certificate_second_language" in error.value.message_dict
