"""The certificate PDF: one A4 landscape page, names in any script kept as text, a QR
code that decodes to the verification URL, English and French wording, and a clear
failure instead of empty boxes."""

from __future__ import annotations

import datetime
import decimal
import re
import unicodedata

import pypdfium2
import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import ImageChops

from courses.certificates.pdf import (
    CertificateRenderError,
    Issuer,
    Signatory,
    printed_text,
    render_certificate,
)
from courses.certificates.pdf import text as certificate_text
from courses.certificates.pdf import wording as certificate_wording
from tests.factories.certificate_pdf import (
    AU,
    CODE,
    IGAD,
    SIGNATORIES,
    UN,
    VERIFY_URL,
    certificate_content,
    content_text,
    image_bytes,
    layout_text,
    pages,
    qr_codes,
    viewer_text,
)

A4_LANDSCAPE = (841.89, 595.28)


def assert_one_a4_landscape_page(pdf: bytes) -> None:
    assert pdf.startswith(b"%PDF-")
    sizes = pages(pdf)
    assert len(sizes) == 1
    assert sizes[0] == pytest.approx(A4_LANDSCAPE, abs=0.01)


def test_a_certificate_is_one_a4_landscape_page_with_everything_it_certifies():
    pdf = render_certificate(certificate_content())

    assert_one_a4_landscape_page(pdf)
    text = layout_text(pdf)
    for expected in (
        "CERTIFICATE OF COMPLETION",
        "This certifies that",
        "Amina Wanjiru Ochieng",
        "has successfully completed the course",
        "Mediation Process Design",
        "held from 3 to 7 March 2025 in Nairobi, Kenya",
        "Total attendance: 22.5 hours",
        "United Nations Department of Political and Peacebuilding Affairs",
        "African Union Commission",
        "DPPA",
        "AUC",
        "Rosemary A. DiCarlo",
        "Under-Secretary-General for Political Affairs",
        "Bankole Adeoye",
        "Certificate no. XQ3B-9JD0-KP7W",
        f"Verification code: {CODE}",
        f"Verify at {VERIFY_URL}",
    ):
        assert expected in text


def test_the_qr_code_decodes_to_the_verification_url():
    pdf = render_certificate(certificate_content())

    assert qr_codes(pdf) == [VERIFY_URL]


@pytest.mark.parametrize(
    ("name", "course"),
    [
        ("Zoë Ångström-Øvergaard Łukasiewicz", "Médiation et négociation"),
        ("Nguyễn Thị Minh Khai", "Thiết kế tiến trình hòa giải"),
        ("Дмитрий Сергеевич Иванов", "Посредничество и превентивная дипломатия"),
        ("Ελένη Παπαδοπούλου", "Διαμεσολάβηση και πρόληψη συγκρούσεων"),
        ("محمد بن عبد الله الحسني", "تصميم عملية الوساطة"),
        ("Omar محمد Khalil", "Mediation for الجامعة العربية staff"),
        ("王小明", "调解进程设计"),
        ("שרה לוי", "גישור"),
    ],
)
def test_names_and_titles_in_every_script_stay_text_in_reading_order(name, course):
    pdf = render_certificate(certificate_content(participant_name=name, course_title=course))

    assert_one_a4_landscape_page(pdf)
    text = content_text(pdf)
    assert name in text
    assert course in text
    assert CODE in text
    assert "XQ3B-9JD0-KP7W" in text


@pytest.mark.parametrize(
    "name",
    [
        "Zoë Ångström-Øvergaard",
        "Nguyễn Thị Minh Khai",
        "Дмитрий Иванов",
        "Ελένη",
        "王小明",
        "محمد بن عبد الله الحسني",
        "مُحَمَّد",
        "שרה לוי",
        "Omar محمد Khalil",
    ],
)
def test_names_also_come_back_from_an_extraction_that_orders_text_by_position(name):
    pdf = render_certificate(certificate_content(participant_name=name))

    assert name in layout_text(pdf)


@pytest.mark.parametrize(
    "name",
    [
        "Zoë Ångström-Øvergaard",
        "Nguyễn Thị Minh Khai",
        "Дмитрий Иванов",
        "王小明",
        "محمد بن سلمان",
        "بلال صلاح",  # lam-alef: two glyphs at one origin
        "Omar محمد Khalil",
    ],
)
def test_a_viewer_that_orders_text_by_position_copies_the_name_too(name):
    pdf = render_certificate(certificate_content(participant_name=name))

    assert name in viewer_text(pdf)


def test_each_certificate_of_a_session_prints_its_own_name_code_and_hours():
    # One process renders a session's certificates one after another: what it keeps
    # from one to the next (the fonts' subsets) never puts one person's text on another's.
    people = [
        ("Zoë Ångström-Øvergaard", "Ab3-xY_9" * 5, "KP7W-XQ3B-9JD0", "22.5"),
        ("Дмитрий Иванов", "Zz0_Qq-1" * 5, "9JD0-KP7W-XQ3B", "7"),
        ("王小明", "mN8-Rt_4" * 5, "XQ3B-KP7W-9JD0", "14"),
        ("Zoë Ångström-Øvergaard", "Ab3-xY_9" * 5, "KP7W-XQ3B-9JD0", "22.5"),
        ("Ngozi Adeyemi", "Qw9_zX-2" * 5, "B9JD-0KP7-WXQ3", "10.5"),
    ]
    for name, code, short_code, hours in people:
        url = f"https://concord.example.org/certificates/verify/{code}/"
        pdf = render_certificate(
            certificate_content(
                participant_name=name,
                code=code,
                short_code=short_code,
                verify_url=url,
                hours_attended=decimal.Decimal(hours),
            )
        )
        for text in (content_text(pdf), layout_text(pdf)):
            assert name in text
            assert f"Verification code: {code}" in text
            assert f"Certificate no. {short_code}" in text
            assert f"Total attendance: {hours} hours" in text
        assert qr_codes(pdf) == [url]


def test_arabic_is_shaped_into_joining_forms_yet_extracts_as_its_letters():
    name = "محمد"
    pdf = render_certificate(certificate_content(participant_name=name))

    # The four letters are drawn as four contextual forms, none of which a character
    # maps to; the text layer still gives the letters, first letter first.
    text = content_text(pdf)
    assert name in text
    assert not [c for c in text if 0xFB50 <= ord(c) <= 0xFEFF]  # Arabic presentation forms


def test_a_decomposed_name_prints_and_extracts_composed():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Minh Khai")
    pdf = render_certificate(certificate_content(participant_name=decomposed))

    assert "Nguyễn Thị Minh Khai" in content_text(pdf)


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        ("  Zoë   Ångström  ", "Zoë Ångström"),
        ("Zo\u0065\u0308", "Zoë"),
        ("Ana\u200b Maria", "Ana Maria"),
        ("\u202eAli\u202c Khan\u200e", "Ali Khan"),
        ("\u2067محمد\u2069 Ali", "محمد Ali"),
        ("Soft\u00adhyphen\ufeff", "Softhyphen"),
        ("Tab\tand\nnew line", "Tab and new line"),
        ("e\u200b\u0301", "é"),
        ("نیک\u200cنام", "نیکنام"),  # noqa: RUF001 (Persian, not Latin look-alikes)
    ],
)
def test_printed_text_is_nfc_without_invisible_controls_and_with_single_spaces(written, printed):
    assert printed_text(written) == printed


def test_a_zero_width_non_joiner_still_breaks_the_join_but_prints_nothing():
    persian = "نیک\u200cنام"  # noqa: RUF001 (Persian, not Latin look-alikes)
    pdf = render_certificate(certificate_content(participant_name=persian))

    assert "نیکنام" in content_text(pdf)
    apart = certificate_text.fit(persian, style="serif", size=12, width=500)
    joined = certificate_text.fit(printed_text(persian), style="serif", size=12, width=500)
    assert [g.code for g in apart.lines[0].glyphs] != [g.code for g in joined.lines[0].glyphs]


def test_bidirectional_overrides_cannot_make_the_printed_name_differ_from_the_text():
    pdf = render_certificate(certificate_content(participant_name="\u202eevil.exe\u202c Smith"))

    assert "evil.exe Smith" in content_text(pdf)


@pytest.mark.parametrize(
    "name",
    [
        "Maria " * 33 + "Ab",
        "Konstantinopoulou" * 12,
        "王" * 200,
        "محمد بن عبد الله " * 12,
        "Nguyễn Thị Minh Khai Ελένη Дмитрий محمد " * 5,
    ],
)
def test_a_name_of_two_hundred_characters_wraps_and_shrinks_on_the_one_page(name):
    pdf = render_certificate(certificate_content(participant_name=name))

    assert_one_a4_landscape_page(pdf)
    assert printed_text(name) in content_text(pdf)


@pytest.mark.parametrize("length", [10, 40, 80, 120, 200])
def test_a_long_name_shrinks_until_its_lines_fit_the_height_kept_for_the_name(length):
    name = ("Konstantina Papadopoulou " * 10)[:length]

    block = certificate_text.fit(
        name, style="serif-bold", size=34, width=680, max_lines=3, height=68, leading=1.12
    )

    assert 1 <= len(block.lines) <= 3
    assert block.width <= 680
    assert certificate_text.CAP_HEIGHT * block.size + block.leading * (len(block.lines) - 1) <= 68
    if length == 10:
        assert block.size == 34


def test_three_issuers_three_signatories_logos_and_signatures_fit_one_page():
    content = certificate_content(
        issuers=(
            UN,
            Issuer(AU.name, AU.acronym, AU.colour, logo=image_bytes("PNG", (300, 300))),
            Issuer(IGAD.name, IGAD.acronym, IGAD.colour, logo=image_bytes("JPEG")),
        ),
        signatories=tuple(
            Signatory(s.name, s.title, signature=image_bytes(fmt))
            for s, fmt in zip(SIGNATORIES, ("PNG", "JPEG", "PNG"), strict=True)
        ),
    )
    pdf = render_certificate(content)

    assert_one_a4_landscape_page(pdf)
    text = layout_text(pdf)
    for signatory in SIGNATORIES:
        assert signatory.name in text
        assert signatory.title in text
    assert IGAD.name in text
    assert qr_codes(pdf) == [VERIFY_URL]


def test_french_certificates_speak_french():
    pdf = render_certificate(
        certificate_content(
            language="fr",
            is_online=True,
            starts_on=datetime.date(2025, 2, 28),
            ends_on=datetime.date(2025, 3, 1),
        )
    )

    text = layout_text(pdf)
    for expected in (
        "CERTIFICAT DE RÉUSSITE",
        "Le présent certificat atteste que",
        "a suivi avec succès la formation",
        "organisée en ligne du 28 février au 1er mars 2025",
        "Présence totale : 22,5 heures",
        "Certificat n° XQ3B-9JD0-KP7W",
        "Code de vérification",
        "Scanner pour vérifier",
    ):
        assert expected in text
    assert "Nairobi" not in text
    assert "Certificate" not in text


@pytest.mark.parametrize(
    ("language", "starts_on", "ends_on", "expected"),
    [
        ("en", (2025, 3, 3), (2025, 3, 3), "on 3 March 2025"),
        ("en", (2025, 3, 3), (2025, 3, 7), "from 3 to 7 March 2025"),
        ("en", (2025, 2, 28), (2025, 3, 4), "from 28 February to 4 March 2025"),
        ("en", (2024, 12, 30), (2025, 1, 2), "from 30 December 2024 to 2 January 2025"),
        ("fr", (2025, 3, 1), (2025, 3, 1), "le 1er mars 2025"),
        ("fr", (2025, 3, 1), (2025, 3, 7), "du 1er au 7 mars 2025"),
        ("fr", (2025, 2, 28), (2025, 3, 4), "du 28 février au 4 mars 2025"),
        ("fr", (2024, 12, 30), (2025, 1, 1), "du 30 décembre 2024 au 1er janvier 2025"),
    ],
)
def test_dates_are_written_the_way_each_language_writes_them(
    language, starts_on, ends_on, expected
):
    with translation.override(language):
        written = certificate_wording.dates(datetime.date(*starts_on), datetime.date(*ends_on))
    assert written == expected


@pytest.mark.parametrize(
    ("language", "hours", "expected"),
    [
        ("en", "1", "1 hour"),
        ("en", "24.00", "24 hours"),
        ("en", "22.50", "22.5 hours"),
        ("en", "120", "120 hours"),
        ("fr", "1", "1 heure"),
        ("fr", "7.25", "7,25 heures"),
    ],
)
def test_hours_print_without_trailing_zeros_in_the_local_way(language, hours, expected):
    with translation.override(language):
        assert certificate_wording.hours(decimal.Decimal(hours)) == expected


def test_a_name_with_a_character_no_font_has_fails_with_the_reason_instead_of_boxes():
    with pytest.raises(CertificateRenderError) as failure:
        render_certificate(certificate_content(participant_name="Ankh \U00013000 Ra"))

    assert str(failure.value) == (
        "No installed font has the character U+13000 (EGYPTIAN HIEROGLYPH A001) "
        "in the participant's name."
    )


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"course_title": "Course \ue000"}, "U+E000 (a private-use character) in the course title"),
        ({"place": "Lieu \u0378"}, "U+0378 (an unassigned or invalid code point) in the place"),
        (
            {"signatories": (Signatory("Ra \U00013001", "Scribe"),)},
            "U+13001 (EGYPTIAN HIEROGLYPH A002) in the name of signatory 1",
        ),
    ],
)
def test_every_printed_field_fails_clearly_on_a_missing_glyph(changes, reason):
    with pytest.raises(CertificateRenderError, match=re.escape(reason)):
        render_certificate(certificate_content(**changes))


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"language": "de"}, "no certificate template in the language 'de'"),
        ({"issuers": ()}, "one to three issuing organizations"),
        ({"issuers": (UN, AU, IGAD, UN)}, "one to three issuing organizations"),
        ({"signatories": SIGNATORIES + SIGNATORIES[:1]}, "at most three signatories"),
        ({"participant_name": " \u200b "}, "participant's name is empty"),
        ({"issuers": (Issuer("Org", "ORG", colour="blue"),)}, "not a #rrggbb colour"),
        (
            {"issuers": (Issuer("Org", "ORG", logo=b"GIF89a not accepted"),)},
            "The logo of Org is not a PNG or JPEG image",
        ),
        (
            {"signatories": (Signatory("A B", "C", signature=b"\x89PNG\r\n\x1a\nbroken"),)},
            "The signature of A B is not a PNG or JPEG image",
        ),
        ({"ends_on": datetime.date(2025, 3, 1)}, "ends before it starts"),
        ({"place": " ", "is_online": False}, "no place and is not online"),
    ],
)
def test_content_that_cannot_make_a_certificate_is_refused_with_a_reason(changes, reason):
    with pytest.raises(CertificateRenderError, match=re.escape(reason)):
        render_certificate(certificate_content(**changes))


# Property: names over the scripts a certificate must print, with combining marks,
# zero-width and bidirectional controls, up to 200 characters.
def _chars(first: int, last: int) -> st.SearchStrategy[str]:
    return st.integers(first, last).map(chr)


NAME_CHARACTERS = st.one_of(
    _chars(0x41, 0x5A),
    _chars(0x61, 0x7A),
    _chars(0xC0, 0x24F),  # Latin-1 and Latin Extended-A/B letters
    _chars(0x1EA0, 0x1EF9),  # Vietnamese
    _chars(0x300, 0x36F),  # combining diacritical marks
    _chars(0x391, 0x3C9),  # Greek (U+03A2 is unassigned: a clear failure)
    _chars(0x400, 0x4FF),  # Cyrillic
    _chars(0x621, 0x64A),  # Arabic letters
    _chars(0x64B, 0x652),  # Arabic vowel marks
    _chars(0x4E00, 0x9FFF),  # CJK unified ideographs
    st.sampled_from(" -'.,()0123456789"),
    st.sampled_from(
        "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
        "\u2066\u2067\u2068\u2069\ufeff\u00ad\u2060\u061c"
    ),
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(name=st.lists(NAME_CHARACTERS, min_size=1, max_size=200).map("".join))
def test_any_name_gives_one_page_that_extracts_as_the_printed_name_or_a_clear_failure(name):
    try:
        pdf = render_certificate(certificate_content(participant_name=name))
    except CertificateRenderError as error:
        reason = str(error)
        if reason == "The participant's name is empty.":
            assert printed_text(name) == ""
            return
        missing = re.fullmatch(
            r"No installed font has the character U\+([0-9A-F]{4,6}) \(.+\) "
            r"in the participant's name\.",
            reason,
        )
        assert missing, reason
        assert chr(int(missing.group(1), 16)) in unicodedata.normalize("NFC", name)
        return

    assert_one_a4_landscape_page(pdf)
    # Canonically equivalent: compared decomposed, so that a name that starts with a
    # combining mark is not composed with the last letter of the line above it.
    printed = unicodedata.normalize("NFD", printed_text(name))
    assert printed in unicodedata.normalize("NFD", content_text(pdf))


def _page_below_the_name(pdf: bytes):
    """The page under the name's box (from y = 295 pt down), rasterized by PDFium."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[0].render(scale=2).to_pil().convert("L")
    finally:
        document.close()
    return image.crop((0, (595 - 295) * 2, image.width, image.height))


def test_a_name_in_a_face_made_bold_leaves_the_text_after_it_as_it_was():
    # A CJK face has no bold: the name is filled and outlined (text render mode 2),
    # which must end with the name, not thicken the sentence and title under it.
    cjk = render_certificate(certificate_content(participant_name="王小明"))
    latin = render_certificate(certificate_content(participant_name="Amina Ochieng"))

    assert (
        ImageChops.difference(_page_below_the_name(cjk), _page_below_the_name(latin)).getbbox()
        is None
    )
