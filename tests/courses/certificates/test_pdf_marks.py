"""Marks (Arabic harakat and shadda, Hebrew points, combining accents) extract with the
letter they sit on: in content order, with pdfminer's layout analysis, and as PDFium
(Chrome's viewer) copies text, ordered by position. They print as paths where HarfBuzz
puts them, their text on invisible glyphs: see courses/certificates/pdf/text.py."""

import dataclasses
import unicodedata

import pypdfium2
import pytest
from PIL import ImageChops
from reportlab.pdfgen.canvas import Canvas

from courses.certificates.pdf import render_certificate
from courses.certificates.pdf import text as certificate_text
from tests.factories.certificate_pdf import (
    certificate_content,
    content_text,
    layout_text,
    viewer_text,
)

NAMES = [
    "محمّد",
    "عَلِيّ",
    "فاطِمة",
    "مُحَمَّد بن عَلِيّ",
    "لَا إِلَٰهَ",  # a haraka between the two glyphs of lam-alef, two marks on one letter
    "عبد الله",  # the "Allah" ligature: one glyph for four letters
    "שָׁלוֹם כֹּהֵן",
    "Zoë q̃uẹ̄",  # combining accents that no precomposed letter has
]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("extract", [content_text, layout_text, viewer_text])
def test_a_name_with_marks_extracts_as_written(name, extract):
    pdf = render_certificate(certificate_content(participant_name=name))

    assert unicodedata.normalize("NFC", name) in extract(pdf)


@pytest.mark.parametrize("extract", [content_text, layout_text])
def test_a_latin_and_arabic_name_with_marks_extracts_as_written(extract):
    name = "Omar مُحَمَّد Khalil"
    pdf = render_certificate(certificate_content(participant_name=name))

    assert name in extract(pdf)


@pytest.mark.xfail(
    strict=True,
    reason="PDFium counts each mark as the end of a right-to-left run and takes a line "
    "with as many of those as left-to-right runs for a right-to-left line: it copies "
    "Khalil مُحَمَّد Omar (see text.py)",
)
def test_a_viewer_copies_a_latin_and_arabic_name_with_marks_as_written():
    name = "Omar مُحَمَّد Khalil"
    pdf = render_certificate(certificate_content(participant_name=name))

    assert name in viewer_text(pdf)


def _render(block: certificate_text.Block):
    """``block`` alone on a page, rasterized by PDFium at 288 dpi, in grey levels."""
    canvas = Canvas(None, pagesize=(400, 120), pageCompression=0)
    certificate_text.draw(canvas, block, x=200, y=50, colour=(0, 0, 0))
    canvas.showPage()
    document = pypdfium2.PdfDocument(canvas.getpdfdata())
    try:
        return document[0].render(scale=4).to_pil().convert("L")
    finally:
        document.close()


@pytest.mark.parametrize("name", ["مُحَمَّد", "שָׁלוֹם", "q̃uẹ̄"])
def test_marks_print_as_paths_where_their_glyphs_would_print(name):
    block = certificate_text.fit(name, style="serif-bold", size=34, width=380)
    line = block.lines[0]
    assert line.inks, "the marks are drawn as paths"
    # The same line with each mark drawn as its glyph instead, the way text is drawn.
    as_glyphs = dataclasses.replace(
        line,
        inks=(),
        glyphs=(
            *line.glyphs,
            *(
                certificate_text.Glyph(ink.face, ink.face.code(ink.gid, ""), ink.x, ink.y, 0.0)
                for ink in line.inks
            ),
        ),
    )
    without_marks = dataclasses.replace(line, inks=())

    printed = _render(block)
    glyphs = _render(dataclasses.replace(block, lines=(as_glyphs,)))
    bare = _render(dataclasses.replace(block, lines=(without_marks,)))

    assert ImageChops.difference(printed, bare).getbbox() is not None, "the marks print"
    # Paths and glyphs are rasterized apart (anti-aliasing): the same shapes, at the
    # same places, differ by a few grey levels at their edges only.
    difference = ImageChops.difference(printed, glyphs)
    assert difference.getextrema()[1] <= 48
    assert sum(difference.histogram()[16:]) <= 40
