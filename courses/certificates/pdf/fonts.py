"""The fonts a certificate is set in, found among the system's fonts and loaded once per process.

Every font is a TrueType-outline font from a Debian package that ``.ci/run`` and the
Dockerfile install (ReportLab embeds only TrueType outlines, so Noto Sans CJK, which is
CFF, cannot serve):

- ``fonts-noto-core``: Noto Serif and Noto Sans (Latin with every diacritic, Vietnamese,
  Greek, Cyrillic), Noto Naskh Arabic and Noto Sans Arabic, and the Noto faces of the
  other scripts that end each fallback chain (Hebrew, Devanagari, Ethiopic, Thai, …);
- ``fonts-wqy-microhei``: WenQuanYi Micro Hei, Chinese (20,932 of the 20,992 unified
  ideographs U+4E00-U+9FFF), Japanese kana and Korean Hangul.

A *style* (serif, serif bold, sans) is a chain of faces tried in order for each
character; a bold style draws a face that has no bold (CJK) with a thin outline. A
face's character map is read through HarfBuzz the first time it is consulted; its
ReportLab font is built and registered the first time one of its glyphs is drawn, so a
process that never prints Thai never loads the Thai font.
"""

from __future__ import annotations

import os
import threading
import zlib
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import cache

import uharfbuzz as hb
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC, SUBSETN, TTFont

FONT_ROOTS = ("/usr/share/fonts", "/usr/local/share/fonts")

# Debian packages that hold the fonts, named in the error when one is missing.
FONT_PACKAGES = "fonts-noto-core fonts-wqy-microhei"

CJK = "wqy-microhei.ttc"

# Faces tried after a style's own: the scripts a participant's name may well be written
# in beyond Latin, Greek, Cyrillic, Arabic and CJK. Serif faces where Noto has them.
_OTHER_SCRIPTS = (
    "NotoSerifHebrew-{w}.ttf",
    "NotoSerifDevanagari-{w}.ttf",
    "NotoSerifBengali-{w}.ttf",
    "NotoSerifGurmukhi-{w}.ttf",
    "NotoSerifGujarati-{w}.ttf",
    "NotoSerifTamil-{w}.ttf",
    "NotoSerifTelugu-{w}.ttf",
    "NotoSerifKannada-{w}.ttf",
    "NotoSerifMalayalam-{w}.ttf",
    "NotoSerifSinhala-{w}.ttf",
    "NotoSerifThai-{w}.ttf",
    "NotoSerifLao-{w}.ttf",
    "NotoSerifKhmer-{w}.ttf",
    "NotoSerifMyanmar-{w}.ttf",
    "NotoSerifTibetan-{w}.ttf",
    "NotoSerifEthiopic-{w}.ttf",
    "NotoSerifGeorgian-{w}.ttf",
    "NotoSerifArmenian-{w}.ttf",
    "NotoSansMongolian-Regular.ttf",
    "NotoSansThaana-{w}.ttf",
    "NotoSansSyriac-Regular.ttf",
    "NotoSansCherokee-{w}.ttf",
    "NotoSansCanadianAboriginal-{w}.ttf",
    "NotoSansTifinagh-Regular.ttf",
    "NotoSansNKo-Regular.ttf",
    "NotoSansVai-Regular.ttf",
    "NotoSans-{w}.ttf",
    "NotoSansMath-Regular.ttf",
    "NotoSansSymbols-{w}.ttf",
    "NotoSansSymbols2-Regular.ttf",
)


def _chain(latin: str, arabic: str, weight: str) -> tuple[str, ...]:
    others = tuple(name.format(w=weight) for name in _OTHER_SCRIPTS)
    return (latin, arabic, CJK, *others)


STYLES: dict[str, tuple[str, ...]] = {
    "serif": _chain("NotoSerif-Regular.ttf", "NotoNaskhArabic-Regular.ttf", "Regular"),
    "serif-bold": _chain("NotoSerif-Bold.ttf", "NotoNaskhArabic-Bold.ttf", "Bold"),
    "sans": _chain("NotoSans-Regular.ttf", "NotoSansArabic-Regular.ttf", "Regular"),
}


def synthetic_bold(style: str, face: Face) -> bool:
    """Whether ``face`` stands in for a bold it does not have in ``style``."""
    return style.endswith("-bold") and "Bold" not in face.filename


# A style's first faces must be there: without them nothing can be printed.
REQUIRED = 3


class FontsMissing(Exception):
    """A font the certificate cannot do without is not installed."""


class ShapedTTFont(TTFont):
    """A ReportLab TrueType font addressed by glyph, not by character.

    ReportLab subsets a TrueType font by character: each code of a subset stands for one
    Unicode character, drawn with that character's glyph from the font's cmap. Shaped
    text (Arabic joining forms, ligatures, marks) is made of glyphs that no character
    maps to, so each distinct (glyph, text) pair gets a code of its own from the
    supplementary private use plane, mapped to its glyph, and the subset's ToUnicode
    CMap maps that code back to the text the glyph stands for (one letter, several
    for a ligature, nothing for the second glyph of a decomposed character). Text
    extraction and copy-paste so give back the logical characters, never presentation
    forms or private-use code points.
    """

    _PRIVATE_FIRST = 0xF0000
    _PRIVATE_LAST = 0x10FFFD
    # Embedded subsets kept, per font, for the next document that uses the same one.
    _KEPT_SUBSETS = 24

    def __init__(self, name: str, path: str, index: int, *, personal: bool = False):
        super().__init__(name, path, subfontIndex=index, asciiReadable=False, shapable=False)
        self._codes: dict[tuple[int, str, float], str] = {}
        self._texts: dict[int, str] = {}
        self._next = self._PRIVATE_FIRST
        self.personal = personal
        # A personal font's subsets get tags of their own (EAAAAA+…), so that no two
        # embedded subsets of a document share a PostScript name.
        self._tag_offset = 400_000 if personal else 0
        self._subsets: OrderedDict[tuple, tuple] = OrderedDict()

    def code(self, gid: int, text: str, width: float) -> str:
        """The one-character string that draws glyph ``gid`` and extracts as ``text``."""
        key = (gid, text, round(width, 1))
        found = self._codes.get(key)
        if found is not None:
            return found
        code = self._next
        if code > self._PRIVATE_LAST:  # 131,068 distinct glyph texts: never in practice
            raise OverflowError(f"{self.fontName}: no private code left")
        self._next += 1
        face = self.face
        face.charToGlyph[code] = gid
        face.charWidths[code] = width
        self._texts[code] = text
        found = self._codes[key] = chr(code)
        return found

    def addObjects(self, doc):
        """ReportLab's ``TTFont.addObjects`` with a ToUnicode CMap that maps our codes.

        A subset's font program and CMap, compressed, are kept for the next document
        that embeds the very same subset (the same codes in the same order: the same
        static text of a session's certificates), so that only what differs from one
        certificate to the next (the name, in its personal font) is made again.
        """
        try:
            state = self.state[doc]
        except KeyError:
            state = self.state[doc] = TTFont.State(self._asciiReadable)
        state.frozen = 1
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            base_font_name = b"".join(
                (SUBSETN(n + self._tag_offset), b"+", self.face.name, self.face.subfontNameX)
            ).decode("pdfdoc")
            program, length, cmap, widths = self._subset(n, tuple(subset), base_font_name)
            pdf_font = pdfdoc.PDFTrueTypeFont()
            pdf_font.__Comment__ = f"Font {self.fontName} subset {n}"
            pdf_font.Name = internal_name
            pdf_font.BaseFont = base_font_name
            pdf_font.FirstChar = 0
            pdf_font.LastChar = len(subset) - 1
            pdf_font.Widths = widths
            pdf_font.ToUnicode = doc.Reference(
                _compressed_stream(cmap), "toUnicodeCMap:" + base_font_name
            )
            pdf_font.FontDescriptor = self._descriptor(doc, base_font_name, program, length)
            doc.Reference(pdf_font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = pdf_font
        del self.state[doc]

    def _subset(self, n: int, subset: tuple[int, ...], base_font_name: str) -> tuple:
        """The compressed font program of ``subset``, its length before compression, the
        compressed ToUnicode CMap and the glyph widths (formatted); from the kept ones if
        it is one of them."""
        key = (n, subset)
        kept = self._subsets.get(key)
        if kept is not None:
            self._subsets.move_to_end(key)
            return kept
        program = self.face.makeSubset(list(subset))
        cmap = _to_unicode_cmap(base_font_name, list(subset), self._texts).encode("latin-1")
        made = (
            zlib.compress(program),
            len(program),
            zlib.compress(cmap),
            _Formatted(pdfdoc.PDFArray([self.face.getCharWidth(c) for c in subset]).format(None)),
        )
        # A name's subset never comes back: a personal font keeps none.
        if not self.personal:
            self._subsets[key] = made
            if len(self._subsets) > self._KEPT_SUBSETS:
                self._subsets.popitem(last=False)
        return made

    def _descriptor(self, doc, base_font_name: str, program: bytes, length: int):
        # As TTFontFace.addSubsetObjects, with the font program compressed already.
        font_file = _compressed_stream(program)
        font_file.dictionary["Length1"] = length
        font_file_ref = doc.Reference(font_file, f"fontFile:{self.face.filename}({base_font_name})")
        face = self.face
        descriptor = pdfdoc.PDFDictionary(
            {
                "Type": "/FontDescriptor",
                "Ascent": face.ascent,
                "CapHeight": face.capHeight,
                "Descent": face.descent,
                "Flags": (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC,
                "FontBBox": pdfdoc.PDFArray(face.bbox),
                "FontName": pdfdoc.PDFName(base_font_name),
                "ItalicAngle": face.italicAngle,
                "StemV": face.stemV,
                "FontFile2": font_file_ref,
                "MissingWidth": face.defaultWidth,
            }
        )
        return doc.Reference(descriptor, "fontDescriptor:" + base_font_name)


class _Formatted(pdfdoc.PDFObject):
    """A PDF value formatted once (a subset's widths, hundreds of numbers), written as it is."""

    def __init__(self, data: bytes):
        self.data = data

    def format(self, document):
        return self.data


def _compressed_stream(data: bytes) -> pdfdoc.PDFStream:
    """A stream of ``data`` compressed already (FlateDecode), which ReportLab writes as is."""
    stream = pdfdoc.PDFStream(content=data)
    stream.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])
    return stream


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _to_unicode_cmap(name: str, subset: list[int], texts: dict[int, str]) -> str:
    entries = []
    for index, code in enumerate(subset):
        text = texts.get(code)
        if text is None:
            text = chr(code) if code else ""
        entries.append(f"<{index:02X}> <{_utf16_hex(text)}>")
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        f"/CIDSystemInfo << /Registry ({name}) /Ordering ({name}) /Supplement 0 >> def",
        f"/CMapName /{name} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
    ]
    # A bfchar block holds at most 100 entries.
    for start in range(0, len(entries), 100):
        block = entries[start : start + 100]
        lines += [f"{len(block)} beginbfchar", *block, "endbfchar"]
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


@dataclass(eq=False)
class Face:
    """One font file: its HarfBuzz font for shaping and, once drawn, its ReportLab font.

    A *personal* face (``personal_twin``) shapes with the same HarfBuzz font but draws
    with a ReportLab font of its own, for the text that differs from one certificate to
    the next (the participant's name): the subsets of the shared fonts then hold the
    same glyphs on every certificate of a session, and are embedded from the kept ones.
    """

    filename: str
    path: str
    index: int = 0
    personal: bool = False
    twin_of: Face | None = field(default=None, repr=False)
    _upem: int = field(default=1000, repr=False)
    _hb_font: hb.Font | None = field(default=None, repr=False)
    _rl_font: ShapedTTFont | None = field(default=None, repr=False)
    _covers: dict[int, bool] = field(default_factory=dict, repr=False)
    _advances: dict[int, float] = field(default_factory=dict, repr=False)
    _blank: int | None = field(default=None, repr=False)
    _inked: dict[int, bool] = field(default_factory=dict, repr=False)
    _outlines: dict[int, str] = field(default_factory=dict, repr=False)

    def personal_twin(self) -> Face:
        return Face(
            filename=self.filename, path=self.path, index=self.index, personal=True, twin_of=self
        )

    @property
    def upem(self) -> int:
        if self.twin_of is not None:
            return self.twin_of.upem
        return self._upem

    @property
    def hb_font(self) -> hb.Font:
        if self.twin_of is not None:
            return self.twin_of.hb_font
        if self._hb_font is None:
            blob = hb.Blob.from_file_path(self.path)
            face = hb.Face(blob, self.index)
            self._upem = face.upem
            self._hb_font = hb.Font(face)  # scaled to font units: shape once, scale later
        return self._hb_font

    def covers(self, codepoint: int) -> bool:
        if self.twin_of is not None:
            return self.twin_of.covers(codepoint)
        found = self._covers.get(codepoint)
        if found is None:
            found = self._covers[codepoint] = self.hb_font.get_nominal_glyph(codepoint) is not None
        return found

    @property
    def rl_font(self) -> ShapedTTFont:
        if self._rl_font is None:
            name = "Concord-" + os.path.splitext(self.filename)[0]
            if self.personal:
                name += "-Personal"
            font = ShapedTTFont(name, self.path, self.index, personal=self.personal)
            # ReportLab keeps one dynamic font per PostScript name, and hands it out for
            # any other registered with that name: a twin registers under another one.
            postscript_name = font.face.name
            if self.personal:
                font.face.name = postscript_name + b"-Personal"
            try:
                pdfmetrics.registerFont(font)
            finally:
                font.face.name = postscript_name
            self._rl_font = font
        return self._rl_font

    def code(self, gid: int, text: str, width: float | None = None) -> str:
        """The character that draws ``gid`` in this face's ReportLab font (see ShapedTTFont).

        ``width`` (thousandths of the size) is the glyph's PDF width, by default its own
        advance; text extractors read it to tell where the glyph's text ends.
        """
        return self.rl_font.code(gid, text, self.advance(gid) if width is None else width)

    def blank_glyph(self) -> int | None:
        """A glyph that draws nothing and advances nothing (a zero-width space's), if any."""
        if self.twin_of is not None:
            return self.twin_of.blank_glyph()
        if self._blank is None:
            self._blank = 0
            hb_font = self.hb_font
            for codepoint in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF):
                gid = hb_font.get_nominal_glyph(codepoint)
                if gid and not hb_font.get_glyph_h_advance(gid):
                    extents = hb_font.get_glyph_extents(gid)
                    if extents is None or (extents.width == 0 and extents.height == 0):
                        self._blank = gid
                        break
        return self._blank or None

    def inked(self, gid: int) -> bool:
        """Whether the glyph draws anything (a space's or a joiner's does not)."""
        if self.twin_of is not None:
            return self.twin_of.inked(gid)
        found = self._inked.get(gid)
        if found is None:
            extents = self.hb_font.get_glyph_extents(gid)
            found = self._inked[gid] = bool(extents and extents.width and extents.height)
        return found

    def outline(self, gid: int) -> str:
        """The glyph's outline as PDF path operators in font units (``upem`` to the em),
        quadratic curves made cubic, to be filled with the nonzero rule."""
        if self.twin_of is not None:
            return self.twin_of.outline(gid)
        found = self._outlines.get(gid)
        if found is None:
            pen = _PathPen()
            self.hb_font.draw_glyph_with_pen(gid, pen)
            found = self._outlines[gid] = " ".join(pen.ops)
        return found

    def advance(self, gid: int) -> float:
        """The glyph's own advance in thousandths of the font size (as in PDF /Widths)."""
        if self.twin_of is not None:
            return self.twin_of.advance(gid)
        width = self._advances.get(gid)
        if width is None:
            width = self._advances[gid] = self.hb_font.get_glyph_h_advance(gid) * 1000 / self.upem
        return width


def _number(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


class _PathPen:
    """Collects a glyph's outline (HarfBuzz's draw calls, fontTools' pen protocol) as PDF
    path operators; a TrueType quadratic curve becomes the cubic that draws it exactly."""

    def __init__(self):
        self.ops: list[str] = []
        self._current = (0.0, 0.0)

    def moveTo(self, point):
        self.ops.append(f"{_number(point[0])} {_number(point[1])} m")
        self._current = point

    def lineTo(self, point):
        self.ops.append(f"{_number(point[0])} {_number(point[1])} l")
        self._current = point

    def qCurveTo(self, control, point):
        (x0, y0), (qx, qy), (x3, y3) = self._current, control, point
        c1 = (x0 + 2 * (qx - x0) / 3, y0 + 2 * (qy - y0) / 3)
        c2 = (x3 + 2 * (qx - x3) / 3, y3 + 2 * (qy - y3) / 3)
        self.curveTo(c1, c2, point)

    def curveTo(self, c1, c2, point):
        numbers = " ".join(_number(v) for v in (*c1, *c2, *point))
        self.ops.append(f"{numbers} c")
        self._current = point

    def closePath(self):
        self.ops.append("h")


@cache
def _font_files() -> dict[str, str]:
    """Every font file under the system font directories, by file name (first found wins)."""
    found: dict[str, str] = {}
    for root in FONT_ROOTS:
        for directory, _dirs, files in sorted(os.walk(root)):
            for name in files:
                if name.endswith((".ttf", ".ttc")):
                    found.setdefault(name, os.path.join(directory, name))
    return found


_faces: dict[str, Face] = {}
_twins: dict[str, Face] = {}
_lock = threading.Lock()


@cache
def chain(style: str, personal: bool = False) -> tuple[Face, ...]:
    """The faces of ``style`` in fallback order (their personal twins with ``personal``);
    raises FontsMissing if a main one is absent."""
    files = _font_files()
    faces = []
    missing = [name for name in STYLES[style][:REQUIRED] if name not in files]
    if missing:
        raise FontsMissing(
            f"The certificate fonts {', '.join(missing)} are not installed "
            f"(Debian packages: {FONT_PACKAGES})."
        )
    with _lock:
        for name in STYLES[style]:
            path = files.get(name)
            if path is None:
                continue
            face = _faces.get(name)
            if face is None:
                face = _faces[name] = Face(filename=name, path=path)
            if personal:
                twin = _twins.get(name)
                if twin is None:
                    twin = _twins[name] = face.personal_twin()
                face = twin
            faces.append(face)
    return tuple(faces)
