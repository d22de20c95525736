"""Text in any script, shaped, laid out and drawn so that it extracts in logical order.

How a string becomes glyphs on the page:

1. ``clean``: NFC; controls, default-ignorable characters and bidirectional controls are
   dropped (so an override cannot make the printed name differ from the stored one),
   except ZWJ, ZWNJ, CGJ and variation selectors between two visible characters, which
   steer shaping but print nothing; whitespace becomes single spaces, trimmed.
   ``printed_text`` is what then prints, and what text extraction gives back.
2. Each character gets the first face of the style's fallback chain that has it (a mark,
   space or punctuation stays in the face of the character before it when that face has
   it). A character no face has raises ``MissingGlyph``: nothing prints as an empty box.
3. Bidirectional levels come from the Unicode bidirectional algorithm (python-bidi),
   with the paragraph direction of the first strong character; runs of one level and
   one face are shaped by HarfBuzz (joining, ligatures, marks, kerning) and placed in
   visual order (rule L2).
4. Glyphs are written to the PDF in *logical* (reading) order, each at its visual
   position, through ``ShapedTTFont`` codes whose ToUnicode entries carry the letter
   each glyph stands for (``_glyphs``: a ligature's other letters ride on invisible
   copies of it, in text render mode 3).
5. A mark (a glyph that does not advance: Arabic harakat and shadda, Hebrew points, a
   combining accent) prints as a path where HarfBuzz put it, and its text rides on an
   invisible glyph on the baseline next to its base letter (``_mark_text``): drawn as
   text above or below the line, a mark was read by PDFium as a line of its own, or
   before its letter (محمّد copied as محّمد).

Text in content order is so exactly the printed text in every script, mixed directions
included: pdfminer.six gives it back, with or without its layout analysis. Viewers that
order text by position instead (PDFium, Chrome's, is tested) give back names in Latin,
Cyrillic, Greek, CJK, Arabic (lam-alef and the "Allah" ligature included) and Hebrew,
with their marks, and mixed ones; except a line that mixes left-to-right words with
right-to-left words that carry marks: PDFium takes a line with at least as many
right-to-left runs as left-to-right ones for a right-to-left line, and counts each mark
as the end of a run, so "Omar مُحَمَّد Khalil" copies as "Khalil مُحَمَّد Omar" (the same
name without marks copies right). pdf.js also loses the spaces between Arabic words.
pypdf, which takes every right-to-left run for visual order, reverses Arabic and Hebrew.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

import uharfbuzz as hb
from bidi import algorithm as uba

from courses.certificates.pdf import fonts

# Default_Ignorable_Code_Point (Unicode DerivedCoreProperties), which fonts do not draw.
_IGNORABLE_RANGES = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)
# Of those, the ones that change how their neighbours are shaped (joining, mark order,
# glyph variants): kept for HarfBuzz, which then prints nothing for them.
_SHAPING = "\u200c\u200d\u034f\u180b\u180c\u180d\u180f\ufe00-\ufe0f\U000e0100-\U000e01ef"
_SHAPING_RE = re.compile(f"[{_SHAPING}]")
_LOOSE_SHAPING_RE = re.compile(
    f"^[{_SHAPING}]+|[{_SHAPING}]+$|[{_SHAPING}]+(?= )|(?<= )[{_SHAPING}]+"
)
_SPACES_RE = re.compile(" {2,}")

_RTL_CLASSES = frozenset(("R", "AL", "AN"))
_X9_REMOVED = frozenset(("RLE", "LRE", "RLO", "LRO", "PDF", "BN"))
_FLAGS = hb.BufferFlags.REMOVE_DEFAULT_IGNORABLES | hb.BufferFlags.DO_NOT_INSERT_DOTTED_CIRCLE


class MissingGlyph(Exception):
    """No installed font has a glyph for ``char``."""

    def __init__(self, char: str):
        super().__init__(char)
        self.char = char

    def describe(self) -> str:
        code = ord(self.char)
        name = unicodedata.name(self.char, "")
        if unicodedata.category(self.char) == "Co":
            name = "a private-use character"
        elif not name:
            name = "an unassigned or invalid code point"
        return f"U+{code:04X} ({name})"


def _ignorable(code: int) -> bool:
    for first, last in _IGNORABLE_RANGES:
        if code < first:
            return False
        if code <= last:
            return True
    return False


def clean(text: str) -> str:
    """The text HarfBuzz shapes: see the module's docstring, step 1."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        if char.isspace():
            out.append(" ")
        elif _ignorable(ord(char)):
            if _SHAPING_RE.match(char):
                out.append(char)
        elif unicodedata.category(char) != "Cc":
            out.append(char)
    shaped = "".join(out)
    shaped = _LOOSE_SHAPING_RE.sub("", _SPACES_RE.sub(" ", shaped).strip(" "))
    return unicodedata.normalize("NFC", _SPACES_RE.sub(" ", shaped).strip(" "))


# Titles, places and organizations recur from one certificate to the next.
@lru_cache(maxsize=256)
def printed_text(text: str) -> str:
    """What a certificate prints for ``text``, and what text extraction gives back.

    NFC of ``text`` without control, bidirectional-control and other default-ignorable
    characters (zero-width space and joiners, soft hyphen, BOM, variation selectors, …),
    every run of whitespace made one space, trimmed, and NFC once more (dropping a
    character can let two neighbours compose).
    """
    return unicodedata.normalize("NFC", _SHAPING_RE.sub("", clean(text)))


def _faces_for(text: str, chain: tuple[fonts.Face, ...]) -> list[fonts.Face]:
    """Each character's face (step 2); raises MissingGlyph."""
    faces: list[fonts.Face] = []
    previous: fonts.Face | None = None
    for char in text:
        code = ord(char)
        face = None
        if _SHAPING_RE.match(char):
            face = previous or chain[0]
        else:
            category = unicodedata.category(char)
            if category in ("Co", "Cs", "Cn"):
                raise MissingGlyph(char)
            if previous is not None and category[0] in "MZPSN" and previous.covers(code):
                face = previous
            else:
                face = _first_face(char, chain)
                if face is None:
                    raise MissingGlyph(char)
        faces.append(face)
        previous = face
    return faces


def _first_face(char: str, chain: tuple[fonts.Face, ...]) -> fonts.Face | None:
    code = ord(char)
    for face in chain:
        if face.covers(code):
            return face
    # HarfBuzz draws a character a face lacks from its canonical decomposition.
    parts = unicodedata.normalize("NFD", char)
    if len(parts) > 1:
        for face in chain:
            if all(face.covers(ord(part)) for part in parts):
                return face
    return None


def _levels(text: str, base: int) -> list[int]:
    """Resolved bidirectional levels (rules P to I of UAX #9) of each character.

    From python-bidi's pure-Python implementation of the algorithm (``bidi.algorithm``),
    whose steps expose the levels; its Rust one returns only the reordered string.
    Characters rule X9 sets aside (joiners) take the level of the one before.
    """
    if base == 0 and not any(unicodedata.bidirectional(c) in _RTL_CLASSES for c in text):
        return [0] * len(text)
    storage = uba.get_empty_storage()
    storage["base_level"] = base
    storage["base_dir"] = "LR"[base]
    uba.get_embedding_levels(text, storage)
    chars = list(storage["chars"])
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    levels = []
    previous = base
    for char in chars:
        level = previous if char["orig"] in _X9_REMOVED else char["level"]
        levels.append(level)
        previous = level
    return levels


def _visual_order(levels: list[int]) -> list[int]:
    """Rule L2: indexes of runs in visual order, given each run's level."""
    order = list(range(len(levels)))
    odd = [level for level in levels if level % 2]
    if not odd:
        return order
    for level in range(max(levels), min(odd) - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order


@dataclass(frozen=True, slots=True)
class Glyph:
    face: fonts.Face
    code: str  # the character of face.rl_font that draws this glyph
    x: float  # position in em from the line's left end, visual
    y: float
    advance: float  # the glyph's own advance in em (its PDF width)
    invisible: bool = False  # text without ink (render mode 3): see ``_layout``


@dataclass(frozen=True, slots=True)
class Ink:
    """A glyph drawn as a path: ink without text (a mark; see ``_layout``)."""

    face: fonts.Face
    gid: int
    x: float  # em, as Glyph's
    y: float


@dataclass(frozen=True, slots=True)
class Line:
    glyphs: tuple[Glyph, ...]  # in logical (reading) order
    width: float  # em
    advances: tuple[float, ...]  # em, per character of the line's text, for breaking
    # The space a line was broken at: printed (invisibly) after the line so that the
    # text of a wrapped paragraph extracts with its words apart.
    broken_space: Glyph | None = None
    inks: tuple[Ink, ...] = ()


_FEATURES: dict[str, bool] = {}
CAP_HEIGHT = 0.72  # of Noto Serif and Noto Sans, in em


def _layout(text: str, faces: list[fonts.Face], base: int, tracking: float = 0.0) -> Line:
    """One line of ``text`` (steps 3 and 4); ``tracking`` adds em after each glyph."""
    n = len(text)
    levels = _levels(text, base)
    codepoints = [ord(c) for c in text]
    runs: list[tuple[int, int]] = []
    start = 0
    for i in range(1, n + 1):
        if i == n or levels[i] != levels[start] or faces[i] is not faces[start]:
            runs.append((start, i))
            start = i

    shaped = []
    for start, end in runs:
        face = faces[start]
        rtl = levels[start] % 2 == 1
        buf = hb.Buffer()
        buf.add_codepoints(codepoints, start, end - start)
        buf.direction = "rtl" if rtl else "ltr"
        buf.guess_segment_properties()
        buf.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
        flags = _FLAGS
        if start == 0:
            flags |= hb.BufferFlags.BOT
        if end == n:
            flags |= hb.BufferFlags.EOT
        buf.flags = flags
        hb.shape(face.hb_font, buf, _FEATURES)
        infos = buf.glyph_infos
        for info in infos:
            if info.codepoint == 0:
                raise MissingGlyph(text[info.cluster])
        shaped.append((face, rtl, end, infos, buf.glyph_positions))

    # Visual positions (L2), then the text each glyph stands for.
    advances = [0.0] * n
    positions: list[list[tuple[float, float]]] = [[] for _ in runs]
    pen = 0.0
    for index in _visual_order([levels[start] for start, _end in runs]):
        face, _rtl, _end, infos, glyph_positions = shaped[index]
        scale = 1 / face.upem
        placed = positions[index]
        for info, pos in zip(infos, glyph_positions, strict=True):
            advance = pos.x_advance * scale
            if advance and tracking:
                advance += tracking
            placed.append((pen + pos.x_offset * scale, pos.y_offset * scale))
            advances[info.cluster] += advance
            pen += advance

    glyphs: list[Glyph] = []
    inks: list[Ink] = []
    for (face, rtl, end, infos, glyph_positions), placed in zip(shaped, positions, strict=True):
        clusters = sorted({info.cluster for info in infos})
        bounds = dict(zip(clusters, [*clusters[1:], end], strict=True))
        seen = set()
        run: list[Glyph] = []
        base: Glyph | None = None  # the glyph that the next marks sit on
        base_gid = 0
        marks = 0
        for i in range(len(infos) - 1, -1, -1) if rtl else range(len(infos)):
            info = infos[i]
            gid = info.codepoint
            cluster = info.cluster
            if cluster in seen:
                glyph_text = ""
            else:
                seen.add(cluster)
                glyph_text = _SHAPING_RE.sub("", text[cluster : bounds[cluster]])
            x, y = placed[i]
            advance = glyph_positions[i].x_advance
            if not advance and _marks_only(glyph_text) and face.inked(gid):
                # A mark: its ink where HarfBuzz put it, as a path, and its text on
                # the baseline in its base's reach (see the module's docstring).
                inks.append(Ink(face, gid, x, y))
                if glyph_text:
                    marks += 1
                    run.append(_mark_text(face, glyph_text, base, base_gid, marks, x, gid, rtl))
                continue
            for glyph in _glyphs(face, gid, glyph_text, x, y, advance / face.upem, rtl):
                if base is not None:
                    glyph = _apart(glyph, base, rtl)
                run.append(glyph)
                base = glyph
            base_gid, marks = gid, 0
        glyphs += run
    return Line(glyphs=tuple(glyphs), width=pen, advances=tuple(advances), inks=tuple(inks))


_HAIR = 0.002  # em


def _mark_text(
    face: fonts.Face,
    text: str,
    base: Glyph | None,
    base_gid: int,
    number: int,
    x: float,
    gid: int,
    rtl: bool,
) -> Glyph:
    """The invisible glyph that carries the text of the ``number``-th mark on ``base``.

    It lies on the baseline (PDFium takes a glyph set above or below the line for a
    line of its own) where a viewer that orders text by position reads it right after
    its base: a hair left of the base's origin in right-to-left text, a hair short of
    the base's end in left-to-right text; the marks of one base from left to right in
    both, as PDFium reverses letters of a right-to-left run but not marks. It is drawn with
    the base's glyph, whose extent overlaps the base's (PDFium skips text that has no
    extent, and breaks the line between glyphs that do not overlap vertically).
    """
    if base is None:
        return Glyph(face, face.code(gid, text, _HAIR * 1000), x, 0.0, _HAIR, invisible=True)
    # Within half a hair of the base: the next letter is at least a hair away (_apart).
    if rtl:
        at = base.x - _HAIR / 2 / number
    else:
        at = base.x + max(base.advance, _HAIR) - _HAIR / 2 / number
    return Glyph(face, face.code(base_gid, text, _HAIR * 1000), at, 0.0, _HAIR, invisible=True)


def _apart(glyph: Glyph, previous: Glyph, rtl: bool) -> Glyph:
    """``glyph``, a hair past the ``previous`` letter in reading order if they (nearly)
    share an origin.

    The components of a ligature can (Arabic lam-alef): apart, position-ordering
    extractors keep their order, and the text of marks on ``previous`` fits between.
    """
    if abs(glyph.x - previous.x) >= 0.01 or (glyph.x < previous.x if rtl else glyph.x > previous.x):
        return glyph
    return replace(glyph, x=previous.x + (-_HAIR if rtl else _HAIR))


def _marks_only(text: str) -> bool:
    return all(unicodedata.category(char)[0] == "M" for char in text)


def _glyphs(
    face: fonts.Face, gid: int, text: str, x: float, y: float, span: float, rtl: bool
) -> list[Glyph]:
    """The glyph ``gid`` standing for ``text``, in reading order.

    A ligature (one glyph for several letters, as Arabic "lillah" or "fi") stands for
    the letter at its origin only, and each other letter gets a glyph of its own at its
    share of the ligature's width: every code then maps to one letter at a place of its
    own, which position-ordering extractors (viewers' copy and paste) put in order,
    where a several-letter code would come out reversed in right-to-left text. In
    left-to-right text that glyph is a blank one (a zero-width space's), written with
    the ligature in one string; in right-to-left text, where each glyph is written on
    its own and PDFium skips a string without extent, an invisible copy of the ligature
    (render mode 3).
    """
    count = len(text)
    if count < 2 or span <= 0 or not face.inked(gid):
        return [Glyph(face, face.code(gid, text), x, y, face.advance(gid) / 1000)]
    share = span / count
    own = count - 1 if rtl else 0  # the letter at the glyph's origin, its left end
    blank = None if rtl else face.blank_glyph()
    glyphs = []
    for k, letter in enumerate(text):
        if k == own:
            glyphs.append(Glyph(face, face.code(gid, letter, share * 1000), x, y, share))
            continue
        slot = count - 1 - k if rtl else k
        code = face.code(gid if blank is None else blank, letter, share * 1000)
        glyphs.append(Glyph(face, code, x + share * slot, 0.0, share, invisible=blank is None))
    return glyphs


def _break_allowed(text: str, i: int) -> bool:
    before, after = text[i - 1], text[i]
    if before == " ":
        return True
    if unicodedata.category(after)[0] == "M" or _SHAPING_RE.match(before):
        return False
    wide = ("W", "F")
    return (
        unicodedata.east_asian_width(before) in wide or unicodedata.east_asian_width(after) in wide
    ) and unicodedata.category(after) not in ("Pe", "Pf", "Po")


def _breaks(text: str, advances: tuple[float, ...], width: float) -> list[tuple[int, int]]:
    """Greedy line breaks: after spaces, between CJK characters, else inside a word."""
    n = len(text)
    lines = []
    start = 0
    while start < n:
        while start < n and text[start] == " ":
            start += 1
        if start == n:
            break
        used = 0.0
        soft = None  # last allowed break
        hard = None  # last break inside a word that keeps a character and its marks whole
        end = n
        for i in range(start, n):
            if i > start:
                if _break_allowed(text, i):
                    soft = i
                elif advances[i] and unicodedata.category(text[i])[0] != "M":
                    hard = i
            if used + advances[i] > width and i > start and text[i] != " ":
                end = soft or hard or i
                break
            used += advances[i]
        lines.append((start, end))
        start = end
    return lines


@dataclass(frozen=True, slots=True)
class Block:
    lines: tuple[Line, ...]
    size: float  # points
    leading: float  # points between baselines
    style: str

    @property
    def width(self) -> float:
        return max((line.width for line in self.lines), default=0.0) * self.size

    @property
    def height(self) -> float:
        return self.leading * (len(self.lines) - 1) + self.size if self.lines else 0.0


def _paragraph(text: str, style: str, tracking: float, personal: bool):
    shaped = clean(text)
    if not shaped:
        return shaped, [], 0, Line((), 0.0, ())
    faces = _faces_for(shaped, fonts.chain(style, personal))
    base = uba.get_base_level(shaped)
    return shaped, faces, base, _layout(shaped, faces, base, tracking)


def _wrapped_line(text: str, faces: list[fonts.Face], base: int, tracking: float) -> Line:
    stripped = text.rstrip(" ")
    line = _layout(stripped, faces[: len(stripped)], base, tracking)
    if len(stripped) == len(text):
        return line
    face = faces[len(stripped)]
    gid = face.hb_font.get_nominal_glyph(32) or 0
    advance = face.advance(gid) / 1000
    space = Glyph(face, face.code(gid, " "), line.width, 0.0, advance)
    return replace(line, broken_space=space)


# Course titles, wording and issuers recur from one certificate to the next; names do not,
# so the cache stays small (a 200-character name lays out as 200 glyphs).
@lru_cache(maxsize=512)
def fit(
    text: str,
    *,
    style: str,
    size: float,
    width: float,
    max_lines: int = 1,
    height: float | None = None,
    leading: float = 1.22,
    tracking: float = 0.0,
    personal: bool = False,
) -> Block:
    """``text`` at the largest size from ``size`` down that fits ``width`` in ``max_lines``
    and, if given, ``height`` (from the cap height of the first line to the last
    baseline).

    Lines break after spaces, between CJK characters, and inside a word only when one
    word is wider than ``width``. ``personal`` text (a name, which no other certificate
    prints) is set in the personal twins of the style's faces (see ``fonts.Face``).
    Raises MissingGlyph.
    """
    shaped, faces, base, line = _paragraph(text, style, tracking, personal)
    current = size
    if not shaped:
        return Block((), current, current * leading, style)
    while True:
        if line.width * current <= width:
            return Block((line,), current, current * leading, style)
        spans = _breaks(shaped, line.advances, width / current)
        tall = CAP_HEIGHT * current + (len(spans) - 1) * leading * current
        if (len(spans) <= max_lines and (height is None or tall <= height)) or current < 1:
            lines = tuple(_wrapped_line(shaped[a:b], faces[a:b], base, tracking) for a, b in spans)
            return Block(lines, current, current * leading, style)
        current *= 0.96


@lru_cache(maxsize=16)
def _reserved_codes(style: str, characters: str) -> tuple[tuple[fonts.Face, str], ...]:
    line = fit(" ".join(characters), style=style, size=10, width=1e9).lines[0]
    codes: dict[fonts.Face, list[str]] = {}
    for glyph in line.glyphs:
        codes.setdefault(glyph.face, []).append(glyph.code)
    return tuple((face, "".join(found)) for face, found in codes.items())


def reserve(canvas, style: str, characters: str) -> None:
    """Give ``characters`` of ``style`` their places in the document's font subsets now.

    Text that differs from one certificate to the next in a few known characters only
    (digits, verification codes) then adds nothing to the subsets that the same text
    of every certificate of a session fills in the same order, so they are embedded
    from the kept ones (see ``fonts.ShapedTTFont.addObjects``).
    """
    doc = canvas._doc
    for face, codes in _reserved_codes(style, characters):
        font = face.rl_font
        font.splitString(codes, doc)
        font.getSubsetInternalName(0, doc)  # the document embeds it even if nothing else is drawn


def draw(canvas, block: Block, *, x: float, y: float, colour, align: str = "center") -> float:
    """Draw ``block`` with its first baseline at ``y``; returns the last baseline.

    A face that stands in for a missing bold (see ``fonts.synthetic_bold``) is filled
    and stroked with a hairline of the same colour.
    """
    size = block.size
    if not block.lines:
        return y
    canvas.setFillColor(colour)
    canvas.setStrokeColor(colour)
    canvas.setLineWidth(size * _BOLD_STROKE)
    fill_modes = _FillModes(block.style)
    baseline = y
    for number, line in enumerate(block.lines):
        baseline = y - number * block.leading
        text = canvas.beginText()
        width = line.width * size
        left = x - width / 2 if align == "center" else x - width if align == "right" else x
        face = None
        mode = None
        batch: list[str] = []
        expected = 0.0
        batch_y = 0.0
        glyphs = line.glyphs if line.broken_space is None else (*line.glyphs, line.broken_space)
        for glyph in glyphs:
            gx = left + glyph.x * size
            gy = baseline + glyph.y * size
            glyph_mode = 3 if glyph.invisible else fill_modes[glyph.face]
            contiguous = batch and abs(gx - expected) < 0.01 and gy == batch_y
            if contiguous and glyph.face is face and glyph_mode == mode:
                batch.append(glyph.code)
            else:
                if batch:
                    text.textOut("".join(batch))
                if glyph_mode != mode:
                    mode = glyph_mode
                    text.setTextRenderMode(mode)
                if glyph.face is not face or not contiguous:
                    if glyph.face is not face:
                        face = glyph.face
                        text.setFont(face.rl_font.fontName, size)
                    text.setTextOrigin(gx, gy)
                    batch_y = gy
                    expected = gx
                batch = [glyph.code]
            expected += glyph.advance * size
        if batch:
            text.textOut("".join(batch))
        # The mode outlives the text object, and ReportLab takes each new one to
        # start in mode 0: leave it there.
        text.setTextRenderMode(0)
        canvas.drawText(text)
        if line.inks:
            canvas.addLiteral(_inks(line.inks, left, baseline, size, block.style))
    return baseline


_BOLD_STROKE = 0.035  # em: the outline of a synthetic bold


class _FillModes(dict):
    """Text render mode of each face of a style: 2 (fill, then stroke) for a face that
    stands in for a missing bold, else 0."""

    def __init__(self, style: str):
        super().__init__()
        self.style = style

    def __missing__(self, face: fonts.Face) -> int:
        mode = self[face] = 2 if fonts.synthetic_bold(self.style, face) else 0
        return mode


def _inks(inks: tuple[Ink, ...], left: float, baseline: float, size: float, style: str) -> str:
    """Path operators that draw ``inks`` as their glyphs would print, in the current
    colours."""
    ops = []
    for ink in inks:
        scale = size / ink.face.upem
        paint = "f"
        if fonts.synthetic_bold(style, ink.face):
            paint = "B"
            ops.append(f"q {size * _BOLD_STROKE / scale:.2f} w")
        else:
            ops.append("q")
        ops.append(
            f"{scale:.6g} 0 0 {scale:.6g} {left + ink.x * size:.3f} "
            f"{baseline + ink.y * size:.3f} cm {ink.face.outline(ink.gid)} {paint} Q"
        )
    return "\n".join(ops)
