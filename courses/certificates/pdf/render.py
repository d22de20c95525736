"""The certificate's page: an A4 landscape sheet drawn with ReportLab's canvas.

Everything sits at fixed places on one page; a text that is too long shrinks and wraps
inside its own box, so no content can push the page into a second one.
"""

from __future__ import annotations

import datetime
import decimal
import hashlib
import io
import re
import string
import threading
from collections import OrderedDict
from dataclasses import dataclass

import segno
from django.utils.translation import get_language_info
from PIL import Image
from reportlab import rl_config
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from courses.certificates.pdf import fonts, text
from courses.certificates.pdf.wording import languages, wording

PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)  # 841.89 x 595.28 pt
OUTER = 22  # frame insets
INNER = 29
CENTRE = PAGE_WIDTH / 2

INK = HexColor("#1b1b1b")
MUTED = HexColor("#4d4d4d")
WHITE = HexColor("#ffffff")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_QR_MASK = 2
_DARK_RUN = re.compile(rb"[^\x00]+")  # a run of dark modules in a row of the matrix

# Streams compressed only, not also ASCII85-encoded: smaller files, and saving a
# certificate twice as fast. (A process-wide ReportLab setting; Concord has no other
# ReportLab user.)
rl_config.useA85 = 0


@dataclass(frozen=True)
class Issuer:
    """An issuing organization: its logo, or else a monogram of its acronym on its colour."""

    name: str
    acronym: str
    colour: str = "#1f4e79"
    logo: bytes | None = None  # PNG or JPEG


@dataclass(frozen=True)
class Signatory:
    name: str
    title: str
    signature: bytes | None = None  # PNG or JPEG


@dataclass(frozen=True)
class CertificateContent:
    """Everything a certificate prints: a snapshot, so a rendering needs no database."""

    language: str  # one of settings.LANGUAGES ("ar", "en", "zh-hans", …)
    participant_name: str
    course_title: str
    starts_on: datetime.date
    ends_on: datetime.date
    place: str  # "Nairobi, Kenya"; ignored when is_online
    is_online: bool
    hours_attended: decimal.Decimal
    issuers: tuple[Issuer, ...]  # 1 to 3; the first one's colour is the certificate's
    signatories: tuple[Signatory, ...]  # 0 to 3
    code: str  # the full verification code
    short_code: str  # its human-readable short form
    verify_url: str  # absolute URL of the verification page, encoded in the QR code
    # A bilingual certificate says everything in this language too, in a second column.
    second_language: str = ""
    second_place: str = ""  # ``place`` in the second language
    second_course_title: str = ""  # ``course_title`` in the second language
    participant_name_latin: str = ""  # printed under a name in another script


class CertificateRenderError(Exception):
    """The certificate cannot be rendered; the message says why, for a coordinator."""


# ReportLab's font objects keep per-document state, and ours hand out glyph codes:
# one rendering at a time per process (renderings are CPU-bound under the GIL anyway).
_lock = threading.Lock()


def render_certificate(content: CertificateContent) -> bytes:
    """The certificate as a one-page A4 landscape PDF.

    Pure: reads nothing but ``content`` and the installed fonts. Raises
    CertificateRenderError with a reason a coordinator can act on (a character no font
    has, an image that is not a PNG or JPEG, a missing font package, …).
    """
    _check(content)
    words = wording(
        language=content.language,
        starts_on=content.starts_on,
        ends_on=content.ends_on,
        place=content.place,
        is_online=content.is_online,
        hours_attended=content.hours_attended,
    )
    second = None
    if content.second_language:
        second = wording(
            language=content.second_language,
            starts_on=content.starts_on,
            ends_on=content.ends_on,
            place=content.second_place or content.place,
            is_online=content.is_online,
            hours_attended=content.hours_attended,
        )
    buffer = io.BytesIO()
    with _lock:
        canvas = Canvas(
            buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), lang=content.language, pageCompression=1
        )
        canvas.setTitle(f"{words.title} — {text.printed_text(content.participant_name)}")
        canvas.setSubject(text.printed_text(content.course_title))
        canvas.setAuthor(", ".join(text.printed_text(i.name) for i in content.issuers))
        canvas.setCreator("Concord")
        try:
            for style, characters in _RESERVED:
                text.reserve(canvas, style, characters)
            _Page(canvas, content, words, second).draw()
            canvas.showPage()
            canvas.save()
        except fonts.FontsMissing as error:
            raise CertificateRenderError(str(error)) from None
    return buffer.getvalue()


# What varies between the certificates of a session, by style: the verification code,
# the reference, the hours and names in plain Latin letters (see ``text.reserve``).
_PLAIN_NAME = string.ascii_letters + string.digits + "-'."
_RESERVED = (
    ("sans", string.ascii_letters + string.digits + "-_"),
    ("serif", string.digits + ".,"),
    ("serif-bold", _PLAIN_NAME),
)
_PLAIN_NAME_CHARACTERS = frozenset(_PLAIN_NAME + " ")


def _check(content: CertificateContent) -> None:
    for language in filter(None, (content.language, content.second_language)):
        if language not in languages():
            raise CertificateRenderError(
                f"There is no certificate template in the language {language!r}."
            )
    if content.second_language == content.language:
        raise CertificateRenderError("A bilingual certificate needs two different languages.")
    if not 1 <= len(content.issuers) <= 3:
        raise CertificateRenderError("A certificate names one to three issuing organizations.")
    if len(content.signatories) > 3:
        raise CertificateRenderError("A certificate has at most three signatories.")
    if content.ends_on < content.starts_on:
        raise CertificateRenderError("The session ends before it starts.")
    if content.hours_attended < 0:
        raise CertificateRenderError("The hours attended cannot be negative.")
    for issuer in content.issuers:
        if not _COLOUR.fullmatch(issuer.colour):
            raise CertificateRenderError(
                f"The colour of {issuer.name} is {issuer.colour!r}, not a #rrggbb colour."
            )
    if not text.printed_text(content.participant_name):
        raise CertificateRenderError("The participant's name is empty.")
    if not text.printed_text(content.course_title):
        raise CertificateRenderError("The course title is empty.")
    if not content.is_online and not text.printed_text(content.place):
        raise CertificateRenderError("The session has no place and is not online.")


def get_language_bidi_of(language: str) -> bool:
    return get_language_info(language)["bidi"]


def _luminance(colour: Color) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in colour.rgb())
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _readable_on_white(colour: Color) -> Color:
    """``colour``, darkened until text in it meets 4.5:1 contrast on white."""
    r, g, b = colour.rgb()
    while (1.05 / (_luminance(Color(r, g, b)) + 0.05)) < 4.5:
        r, g, b = r * 0.9, g * 0.9, b * 0.9
    return Color(r, g, b)


class _Images:
    """Logos and signatures, made ready once per process and kept by content digest.

    Each is composited on white (the page is white), scaled down to at most ``max_px``
    pixels a side and stored as a JPEG (quality 92, no chroma subsampling): ReportLab
    copies JPEG data into a PDF as it is, where a PNG would be decoded and compressed
    again for every certificate, which costs more than the rest of the page.
    """

    def __init__(self, size: int = 64, max_px: int = 900):
        self._size = size
        self._max_px = max_px
        self._readers: OrderedDict[bytes, ImageReader] = OrderedDict()

    def get(self, data: bytes) -> ImageReader:
        key = hashlib.sha256(data).digest()
        reader = self._readers.get(key)
        if reader is None:
            reader = self._readers[key] = _PreparedJpeg(self._prepare(data), key)
            if len(self._readers) > self._size:
                self._readers.popitem(last=False)
        else:
            self._readers.move_to_end(key)
        return reader

    def _prepare(self, data: bytes) -> bytes:
        if not data.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")):
            raise ValueError("not a PNG or JPEG image")
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            image.thumbnail((self._max_px, self._max_px), Image.Resampling.LANCZOS)
            rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        flat = Image.alpha_composite(white, rgba).convert("RGB")
        out = io.BytesIO()
        flat.save(out, "JPEG", quality=92, subsampling=0, optimize=True)
        return out.getvalue()


class _PreparedJpeg(ImageReader):
    """A prepared image (a JPEG, which ReportLab copies into the PDF as it is) that names
    itself by the digest of its source.

    ReportLab names an image in a document after a hash of its decoded pixels, which it
    asks for with ``getRGBData`` (and would hash, some 130 KB for a signature, on every
    drawing): the digest says the same, at no cost. Nothing else reads a JPEG's pixels.
    """

    def __init__(self, jpeg: bytes, identity: bytes):
        super().__init__(io.BytesIO(jpeg))
        if getattr(self, "jpeg_fh", None) is None:
            raise ValueError("not a JPEG image")
        self._identity = identity
        self._dataA = None  # no alpha channel: composited on white

    def getRGBData(self):
        return self._identity


_images = _Images()


class _Page:
    def __init__(self, canvas: Canvas, content: CertificateContent, words, second=None):
        self.c = canvas
        self.content = content
        self.words = words
        self.second = second
        self.accent = _readable_on_white(HexColor(content.issuers[0].colour))

    def fit(self, value: str, field: str, **kwargs) -> text.Block:
        try:
            return text.fit(value, **kwargs)
        except text.MissingGlyph as error:
            raise CertificateRenderError(
                f"No installed font has the character {error.describe()} in {field}."
            ) from None

    def image(self, data: bytes, what: str) -> ImageReader:
        try:
            return _images.get(data)
        except Exception:
            raise CertificateRenderError(f"{what} is not a PNG or JPEG image.") from None

    def write(self, block: text.Block, *, x: float, y: float, colour, align="center") -> float:
        return text.draw(self.c, block, x=x, y=y, colour=colour, align=align)

    def write_in_box(self, block: text.Block, *, top: float, bottom: float, colour) -> None:
        """``block`` centred across the page and vertically between ``top`` and ``bottom``."""
        cap = block.size * text.CAP_HEIGHT
        inked = cap + block.leading * (len(block.lines) - 1)
        first = (top + bottom) / 2 + inked / 2 - cap
        self.write(block, x=CENTRE, y=first, colour=colour)

    def draw(self) -> None:
        self.frame()
        self.issuers()
        self.body()
        self.signatories()
        self.verification()

    def frame(self) -> None:
        c = self.c
        c.setStrokeColor(self.accent)
        c.setLineWidth(2.6)
        c.rect(OUTER, OUTER, PAGE_WIDTH - 2 * OUTER, PAGE_HEIGHT - 2 * OUTER)
        c.setLineWidth(0.7)
        c.rect(INNER, INNER, PAGE_WIDTH - 2 * INNER, PAGE_HEIGHT - 2 * INNER)
        c.setFillColor(self.accent)
        for x in (INNER, PAGE_WIDTH - INNER):
            for y in (INNER, PAGE_HEIGHT - INNER):
                self.diamond(x, y, 4.5)

    def diamond(self, x: float, y: float, r: float) -> None:
        path = self.c.beginPath()
        path.moveTo(x, y + r)
        path.lineTo(x + r, y)
        path.lineTo(x, y - r)
        path.lineTo(x - r, y)
        path.close()
        self.c.drawPath(path, stroke=0, fill=1)

    # Logos or monograms, each with its organization's name under it.
    LOGO_TOP = 548
    LOGO_HEIGHT = 56
    LOGO_WIDTH = 132

    def issuers(self) -> None:
        issuers = self.content.issuers
        spacing = {1: 0, 2: 230, 3: 215}[len(issuers)]
        first = CENTRE - spacing * (len(issuers) - 1) / 2
        for number, issuer in enumerate(issuers, start=1):
            x = first + spacing * (number - 1)
            bottom = self.LOGO_TOP - self.LOGO_HEIGHT
            if issuer.logo:
                reader = self.image(issuer.logo, f"The logo of {issuer.name}")
                self.c.drawImage(
                    reader,
                    x - self.LOGO_WIDTH / 2,
                    bottom,
                    width=self.LOGO_WIDTH,
                    height=self.LOGO_HEIGHT,
                    preserveAspectRatio=True,
                    anchor="c",
                    mask="auto",
                )
            else:
                self.monogram(issuer, x, bottom + self.LOGO_HEIGHT / 2, number)
            name = self.fit(
                issuer.name,
                f"the name of issuing organization {number}",
                style="sans",
                size=8.5,
                width=190,
                max_lines=2,
                leading=1.25,
            )
            self.write(name, x=x, y=bottom - 14, colour=MUTED)

    def monogram(self, issuer: Issuer, x: float, y: float, number: int) -> None:
        colour = HexColor(issuer.colour)
        radius = self.LOGO_HEIGHT / 2
        self.c.setFillColor(colour)
        self.c.circle(x, y, radius, stroke=0, fill=1)
        self.c.setStrokeColor(WHITE)
        self.c.setLineWidth(1.2)
        self.c.circle(x, y, radius - 3.5, stroke=1, fill=0)
        on_colour = WHITE if _luminance(colour) < 0.4 else INK
        acronym = self.fit(
            issuer.acronym or issuer.name,
            f"the acronym of issuing organization {number}",
            style="serif-bold",
            size=17,
            width=radius * 1.45,
        )
        self.write(acronym, x=x, y=y - acronym.size * 0.36, colour=on_colour)

    def body(self) -> None:
        if self.second is not None:
            self.bilingual()
        else:
            self.monolingual()

    # A bilingual certificate: each language says everything in a column of its own, a
    # right-to-left language in the right-hand column (where its reader starts). Each
    # column is drawn whole before the other, so its text extracts in reading order.
    COLUMN_WIDTH = 330
    COLUMN_OFFSET = 192

    def bilingual(self) -> None:
        content = self.content
        columns = [
            (content.language, self.words, content.place, content.course_title),
            (
                content.second_language,
                self.second,
                content.second_place or content.place,
                content.second_course_title or content.course_title,
            ),
        ]
        if get_language_bidi_of(columns[0][0]) and not get_language_bidi_of(columns[1][0]):
            columns.reverse()
        self.c.setStrokeColor(self.accent)
        self.c.setLineWidth(0.6)
        self.c.line(CENTRE, 440, CENTRE, 168)
        for (_language, words, place, course_title), x in zip(
            columns, (CENTRE - self.COLUMN_OFFSET, CENTRE + self.COLUMN_OFFSET), strict=True
        ):
            self.column(words, place, course_title, x)

    def column(self, words, place: str, course_title: str, x: float) -> None:
        content = self.content
        width = self.COLUMN_WIDTH
        title = self.fit(
            words.title.upper(),
            "the title",
            style="serif-bold",
            size=19,
            width=width,
            max_lines=2,
            height=40,
            tracking=0.05,
        )
        self.write(title, x=x, y=432, colour=self.accent)
        lead = self.fit(words.presented_to, "the wording", style="serif", size=11.5, width=width)
        self.write(lead, x=x, y=390, colour=MUTED)
        latin = content.participant_name_latin
        name = self.fit(
            content.participant_name,
            "the participant's name",
            style="serif-bold",
            size=25,
            width=width,
            max_lines=2,
            height=50,
            leading=1.12,
            personal=not _PLAIN_NAME_CHARACTERS.issuperset(content.participant_name),
        )
        self.box(name, x=x, top=380, bottom=332 if latin else 322, colour=INK)
        if latin:
            self.write(self.transliteration(width), x=x, y=320, colour=MUTED)
        done = self.fit(words.completed, "the wording", style="serif", size=11.5, width=width)
        self.write(done, x=x, y=300, colour=MUTED)
        course = self.fit(
            course_title,
            "the course title",
            style="serif-bold",
            size=15,
            width=width,
            max_lines=3,
            height=52,
            leading=1.15,
        )
        self.box(course, x=x, top=290, bottom=238, colour=self.accent)
        if not content.is_online:
            self.fit(place, "the place", style="serif", size=10.5, width=width)
        held = self.fit(words.held, "the place", style="serif", size=10.5, width=width, max_lines=3)
        last = self.write(held, x=x, y=220, colour=INK)
        hours = self.fit(words.hours, "the wording", style="serif", size=10.5, width=width)
        self.write(hours, x=x, y=last - 15, colour=INK)

    def box(self, block: text.Block, *, x: float, top: float, bottom: float, colour) -> None:
        """``block`` centred on ``x`` and vertically between ``top`` and ``bottom``."""
        cap = block.size * text.CAP_HEIGHT
        inked = cap + block.leading * (len(block.lines) - 1)
        self.write(block, x=x, y=(top + bottom) / 2 + inked / 2 - cap, colour=colour)

    def transliteration(self, width: float) -> text.Block:
        return self.fit(
            self.content.participant_name_latin,
            "the name in Latin letters",
            style="sans",
            size=11,
            width=width,
            personal=not _PLAIN_NAME_CHARACTERS.issuperset(self.content.participant_name_latin),
        )

    def monolingual(self) -> None:
        words = self.words
        content = self.content
        title = self.fit(
            words.title.upper(), "the title", style="serif-bold", size=29, width=660, tracking=0.07
        )
        self.write(title, x=CENTRE, y=424, colour=self.accent)
        self.c.setStrokeColor(self.accent)
        self.c.setLineWidth(0.8)
        self.c.line(CENTRE - 150, 407, CENTRE - 9, 407)
        self.c.line(CENTRE + 9, 407, CENTRE + 150, 407)
        self.c.setFillColor(self.accent)
        self.diamond(CENTRE, 407, 3.5)

        lead = self.fit(words.presented_to, "the wording", style="serif", size=13, width=600)
        self.write(lead, x=CENTRE, y=380, colour=MUTED)
        name = self.fit(
            content.participant_name,
            "the participant's name",
            style="serif-bold",
            size=34,
            width=680,
            max_lines=3,
            height=68,
            leading=1.12,
            # A name in other letters gets fonts of its own rather than changing the
            # session's shared subsets (see ``fonts.Face``).
            personal=not _PLAIN_NAME_CHARACTERS.issuperset(content.participant_name),
        )
        latin = content.participant_name_latin
        self.write_in_box(name, top=368, bottom=312 if latin else 300, colour=INK)
        if latin:
            self.write(self.transliteration(600), x=CENTRE, y=296, colour=MUTED)

        done = self.fit(words.completed, "the wording", style="serif", size=13, width=600)
        self.write(done, x=CENTRE, y=276, colour=MUTED)
        course = self.fit(
            content.course_title,
            "the course title",
            style="serif-bold",
            size=20,
            width=640,
            max_lines=2,
            height=50,
            leading=1.15,
        )
        self.write_in_box(course, top=266, bottom=216, colour=self.accent)

        if not content.is_online:
            self.fit(content.place, "the place", style="serif", size=12.5, width=700)
        held = self.fit(words.held, "the place", style="serif", size=12.5, width=700, max_lines=2)
        last = self.write(held, x=CENTRE, y=196, colour=INK)
        hours = self.fit(words.hours, "the wording", style="serif", size=12.5, width=700)
        self.write(hours, x=CENTRE, y=last - 18, colour=INK)

    # Signatories share the width left of the QR code.
    SIGN_LEFT = INNER + 24
    SIGN_RIGHT = PAGE_WIDTH - INNER - 130
    SIGN_LINE = 112

    def signatories(self) -> None:
        signatories = self.content.signatories
        if not signatories:
            return
        column = (self.SIGN_RIGHT - self.SIGN_LEFT) / len(signatories)
        width = min(column - 24, 190)
        for number, signatory in enumerate(signatories, start=1):
            x = self.SIGN_LEFT + column * (number - 0.5)
            if signatory.signature:
                reader = self.image(signatory.signature, f"The signature of {signatory.name}")
                self.c.drawImage(
                    reader,
                    x - width / 2,
                    self.SIGN_LINE + 3,
                    width=width,
                    height=40,
                    preserveAspectRatio=True,
                    anchor="s",
                    mask="auto",
                )
            self.c.setStrokeColor(MUTED)
            self.c.setLineWidth(0.6)
            self.c.line(x - width / 2, self.SIGN_LINE, x + width / 2, self.SIGN_LINE)
            name = self.fit(
                signatory.name,
                f"the name of signatory {number}",
                style="serif-bold",
                size=10.5,
                width=width,
                max_lines=1,
            )
            self.write(name, x=x, y=self.SIGN_LINE - 13, colour=INK)
            title = self.fit(
                signatory.title,
                f"the title of signatory {number}",
                style="sans",
                size=8.5,
                width=width,
                max_lines=2,
                leading=1.2,
            )
            self.write(title, x=x, y=self.SIGN_LINE - 25, colour=MUTED)

    QR_SIZE = 78

    def verification(self) -> None:
        content = self.content
        words = self.words
        right = PAGE_WIDTH - INNER - 14
        bottom = INNER + 12
        self.qr(content.verify_url, right - self.QR_SIZE, bottom, self.QR_SIZE)
        caption = self.fit(words.scan_to_verify, "the wording", style="sans", size=7, width=100)
        self.write(caption, x=right - self.QR_SIZE / 2, y=bottom + self.QR_SIZE + 6, colour=MUTED)

        left = INNER + 14
        width = right - self.QR_SIZE - 16 - left
        number = self.fit(
            words.certificate_number.format(code=content.short_code),
            "the short code",
            style="sans",
            size=8.5,
            width=width,
        )
        self.write(number, x=left, y=bottom + 18, colour=INK, align="left")
        line = self.fit(
            f"{words.verification_code.format(code=content.code)}   ·   "
            f"{words.verify_at.format(url=content.verify_url)}",
            "the verification URL",
            style="sans",
            size=7,
            width=width,
            max_lines=2,
        )
        self.write(line, x=left, y=bottom + 7, colour=MUTED, align="left")

    def qr(self, data: str, x: float, y: float, size: float) -> None:
        """The QR code as one vector path: a rectangle per run of dark modules in a row.

        Drawn in module units (one unit a module), so that each rectangle is four short
        numbers. The mask is fixed: choosing the best of eight costs segno 10 ms, and a
        verification URL, mostly random characters, scores much the same under each.
        """
        matrix = segno.make(data, error="m", micro=False, mask=_QR_MASK).matrix
        count = len(matrix)
        module = size / count
        ops = []
        for row, bits in enumerate(matrix):
            # Each row reaches 0.05 module into the next: no hairline seams when rasterized.
            bottom = f"{count - row - 1.05:.2f}"
            ops.extend(
                f"{run.start()} {bottom} {run.end() - run.start()} 1.05 re"
                for run in _DARK_RUN.finditer(bytes(bits))
            )
        self.c.saveState()
        self.c.setFillColor(INK)
        self.c.transform(module, 0, 0, module, x, y)
        self.c.addLiteral("\n".join(ops) + "\nf")
        self.c.restoreState()
