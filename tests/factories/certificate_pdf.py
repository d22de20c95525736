"""What a certificate prints, and how to read a rendered one back (text, pages, QR code)."""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import io

import pypdfium2
import zxingcpp
from pdfminer.converter import PDFPageAggregator
from pdfminer.high_level import extract_text
from pdfminer.layout import LTChar
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from PIL import Image, ImageDraw

from courses.certificates.pdf import CertificateContent, Issuer, Signatory

CODE = "Xq3b9Jd0kP-7wVv2s1LrTg_8yZcUe4aNhQmR5oFiB6E"
VERIFY_URL = f"https://concord.example.org/certificates/verify/{CODE}/"

UN = Issuer(
    name="United Nations Department of Political and Peacebuilding Affairs",
    acronym="DPPA",
    colour="#1f4e79",
)
AU = Issuer(name="African Union Commission", acronym="AUC", colour="#2e7d32")
IGAD = Issuer(name="Intergovernmental Authority on Development", acronym="IGAD", colour="#b8860b")

SIGNATORIES = (
    Signatory("Rosemary A. DiCarlo", "Under-Secretary-General for Political Affairs"),
    Signatory("Bankole Adeoye", "Commissioner for Political Affairs, Peace and Security"),
    Signatory("Workneh Gebeyehu", "Executive Secretary"),
)


def certificate_content(**changes) -> CertificateContent:
    content = CertificateContent(
        language="en",
        participant_name="Amina Wanjiru Ochieng",
        course_title="Mediation Process Design",
        starts_on=datetime.date(2025, 3, 3),
        ends_on=datetime.date(2025, 3, 7),
        place="Nairobi, Kenya",
        is_online=False,
        hours_attended=decimal.Decimal("22.5"),
        issuers=(UN, AU),
        signatories=SIGNATORIES[:2],
        code=CODE,
        short_code="XQ3B-9JD0-KP7W",
        verify_url=VERIFY_URL,
    )
    return dataclasses.replace(content, **changes)


def image_bytes(fmt: str = "PNG", size=(360, 120), colour=(31, 78, 121)) -> bytes:
    """A small logo or signature: a stroke on a transparent (PNG) or white (JPEG) ground."""
    mode = "RGBA" if fmt == "PNG" else "RGB"
    ground = (255, 255, 255, 0) if fmt == "PNG" else (255, 255, 255)
    image = Image.new(mode, size, ground)
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.line(
        [(10, height - 20), (width // 3, 15), (2 * width // 3, height - 25), (width - 10, 20)],
        fill=colour,
        width=6,
    )
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    return buffer.getvalue()


def content_text(pdf: bytes) -> str:
    """The text of every page in content-stream order, as the PDF states it.

    Each glyph's text comes from its font's ToUnicode map, in the order the content
    stream shows the glyphs, with no guess about reading order: a position-based
    extractor (pdfminer's layout analysis, pypdf, a viewer's selection) orders runs by
    where they stand and reverses right-to-left runs it takes for visual order, so its
    reading of mixed-direction lines is a heuristic, while the content order of a
    certificate is the logical order of each line.
    """
    manager = PDFResourceManager()
    device = PDFPageAggregator(manager, laparams=None)
    interpreter = PDFPageInterpreter(manager, device)
    parts = []
    for page in PDFPage.get_pages(io.BytesIO(pdf)):
        interpreter.process_page(page)
        parts += [item.get_text() for item in device.get_result() if isinstance(item, LTChar)]
    return "".join(parts)


def layout_text(pdf: bytes) -> str:
    """pdfminer.six's ordinary text extraction (layout analysis on), lines joined by spaces."""
    return " ".join(extract_text(io.BytesIO(pdf)).split())


def viewer_text(pdf: bytes) -> str:
    """The first page's text as PDFium (Chrome's viewer) copies it: ordered by position."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        text_page = page.get_textpage()
        text = text_page.get_text_range()
        text_page.close()
        page.close()
        return text
    finally:
        document.close()


def pages(pdf: bytes) -> list[tuple[float, float]]:
    """Width and height of each page, in points."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [document[i].get_size() for i in range(len(document))]
    finally:
        document.close()


def qr_codes(pdf: bytes, scale: float = 3) -> list[str]:
    """The QR codes a decoder reads on the first page rasterized at 72 x ``scale`` dpi."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[0].render(scale=scale).to_pil()
    finally:
        document.close()
    return [
        result.text
        for result in zxingcpp.read_barcodes(image)
        if result.format == zxingcpp.BarcodeFormat.QRCode
    ]
