"""Arabic vowel marks (harakat, shadda) extract with the letter they sit on: the text
of a name with marks equals the name, in content order and with pdfminer's layout
analysis. (A viewer that orders text by position, PDFium, still splits marks set above
the line into a line of their own: see courses/certificate_pdf/text.py.)"""

import unicodedata

import pytest

from courses.certificates.pdf import render_certificate
from tests.factories.certificate_pdf import certificate_content, content_text, layout_text

NAMES = ["محمّد", "عَلِيّ", "مُحَمَّد بن عَلِيّ", "Omar مُحَمَّد Khalil"]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("extract", [content_text, layout_text])
def test_a_name_with_vowel_marks_extracts_as_written(name, extract):
    pdf = render_certificate(certificate_content(participant_name=name))
    assert unicodedata.normalize("NFC", name) in extract(pdf)
