"""Page geometry → text: words → lines → column flows → paragraphs.

Pure functions on pdfplumber's word dicts (``extract_words(return_chars=True)``);
nothing here opens a file. Units are PDF points, origin top-left.
"""

from __future__ import annotations

import functools
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from normalize.patterns import PDF_LINE_ITEM as ITEM_START  # a line that starts a paragraph
from schemas.document import Align

# Font names say the weight: "TimesNewRomanPS-BoldMT", "ABCDEF+TimesNewRoman,Bold",
# "Arial-Black", "Calibri-Semibold", "VNI-Times-B".
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demibold|[-,+]b$|[-,]bd|-bi$", re.I)
_ITALIC_FONT = re.compile(r"italic|oblique|[-,]i$|[-,]bi$|[-,]it$", re.I)

COLUMN_GAP_EM = 1.5  # a gap this wide may separate two columns ...
LONE_COLUMN_GAP_EM = 4.0  # ... and this wide needs no neighbour to confirm it
BAND_LINE_GAP_EM = 0.8  # lines of a two-column band follow each other this closely
WRAPPED_WIDTH = 0.7  # a centred line this wide (of the text area) may have wrapped
TOUCHING_EM = 0.03  # words closer than this are one word cut by a stray space


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    italic: bool


class Line:
    """Words on one baseline, left to right; its measures are computed once."""

    __slots__ = ("bold", "bottom", "italic", "size", "text", "top", "words", "x0", "x1")

    def __init__(self, words: tuple[Word, ...]) -> None:
        self.words = words
        self.x0 = words[0].x0
        self.x1 = max(w.x1 for w in words)
        self.top = min(w.top for w in words)
        self.bottom = max(w.bottom for w in words)
        self.text = " ".join(w.text for w in words)
        self.size = _weighted_median([(w.size, len(w.text)) for w in words])
        self.bold = _majority(words, "bold")
        self.italic = _majority(words, "italic")

    def __repr__(self) -> str:
        return f"Line({self.text!r})"


@dataclass(frozen=True, slots=True)
class Margins:
    """The left and right edges of the text area a flow of lines sits in."""

    left: float
    right: float

    @property
    def centre(self) -> float:
        return (self.left + self.right) / 2

    @property
    def width(self) -> float:
        return self.right - self.left


def _majority(words: Sequence[Word], attr: str) -> bool:
    total = sum(len(w.text) for w in words)
    flagged = sum(len(w.text) for w in words if getattr(w, attr))
    return total > 0 and flagged * 2 > total


def _weighted_median(pairs: Iterable[tuple[float, int]]) -> float:
    ordered = sorted(pairs)
    total = sum(n for _, n in ordered)
    seen = 0
    for value, n in ordered:
        seen += n
        if seen * 2 >= total:
            return round(value, 1)
    return 0.0


@functools.cache
def font_is_bold(fontname: str) -> bool:
    return bool(_BOLD_FONT.search(fontname.split("+")[-1]))


@functools.cache
def font_is_italic(fontname: str) -> bool:
    return bool(_ITALIC_FONT.search(fontname.split("+")[-1]))


def dict_to_word(word: dict[str, Any]) -> Word:
    """A pdfplumber word (with its ``chars``) → Word; style is the majority of its glyphs."""
    chars = [c for c in word.get("chars", ()) if c["text"].strip()] or word.get("chars", [])
    n = max(len(chars), 1)
    bold = sum(font_is_bold(c.get("fontname", "")) for c in chars) * 2 > n
    italic = sum(font_is_italic(c.get("fontname", "")) for c in chars) * 2 > n
    sizes = sorted(round(float(c.get("size", 0.0)), 1) for c in chars)
    size = sizes[len(sizes) // 2] if sizes else 0.0
    return Word(
        text=word["text"],
        x0=float(word["x0"]),
        x1=float(word["x1"]),
        top=float(word["top"]),
        bottom=float(word["bottom"]),
        size=size,
        bold=bold,
        italic=italic,
    )


# ---------------------------------------------------------------- words → lines


def _same_line(word: Word, top: float, bottom: float) -> bool:
    overlap = min(word.bottom, bottom) - max(word.top, top)
    return overlap >= 0.5 * min(word.bottom - word.top, bottom - top)


def words_to_lines(words: Iterable[Word]) -> list[Line]:
    """Group words whose heights overlap by half into lines, top to bottom, left to right."""
    open_lines: list[tuple[float, float, list[Word]]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        # only the last few lines can still receive a word: words come sorted by top
        for top, bottom, members in reversed(open_lines[-4:]):
            if _same_line(word, top, bottom):
                members.append(word)
                break
        else:
            open_lines.append((word.top, word.bottom, [word]))
    return [Line(fuse_touching(sorted(ws, key=lambda w: w.x0))) for _, _, ws in open_lines]


def fuse_touching(words: Sequence[Word]) -> tuple[Word, ...]:
    """Join words that touch: Word's justification can put stray spaces over a word
    ("K T . GIÁM ĐỐC" for "KT. GIÁM ĐỐC"), and pdfplumber then splits it."""
    out: list[Word] = []
    for word in words:
        prev = out[-1] if out else None
        if prev is not None and word.x0 - prev.x1 < TOUCHING_EM * (word.size or 10.0):
            main = prev if len(prev.text) >= len(word.text) else word
            out[-1] = Word(
                prev.text + word.text,
                prev.x0,
                max(prev.x1, word.x1),
                min(prev.top, word.top),
                max(prev.bottom, word.bottom),
                main.size,
                main.bold,
                main.italic,
            )
        else:
            out.append(word)
    return tuple(out)


# ---------------------------------------------------------------- columns


@dataclass(frozen=True, slots=True)
class Gap:
    x0: float
    x1: float
    index: int  # the line splits before words[index]


def widest_gap(line: Line) -> Gap | None:
    """The widest blank between two words of a line, when it could be a column gutter."""
    best: Gap | None = None
    words = line.words
    for i in range(1, len(words)):
        width = words[i].x0 - words[i - 1].x1
        if width >= COLUMN_GAP_EM * line.size and (best is None or width > best.x1 - best.x0):
            best = Gap(words[i - 1].x1, words[i].x0, i)
    return best


def _overlaps(a: Gap, b: Gap) -> bool:
    return min(a.x1, b.x1) > max(a.x0, b.x0)


def column_gaps(lines: Sequence[Line]) -> list[Gap | None]:
    """For each line, the gutter splitting it into two columns, or None.

    A wide gap (a blank "Số:  /KH-UBND" or "ngày  tháng") is a gutter only when it is
    very wide or a nearby line has a gap at the same place: the agency block and the
    national motto of a decision header line up over several lines.
    """
    candidates = [widest_gap(line) for line in lines]
    gaps: list[Gap | None] = []
    for i, gap in enumerate(candidates):
        if gap is None:
            gaps.append(None)
            continue
        size = lines[i].size or 1.0
        lone = gap.x1 - gap.x0 >= LONE_COLUMN_GAP_EM * size
        near = [
            other
            for j, other in enumerate(candidates)
            if other is not None
            and j != i
            and abs(j - i) <= 3
            and abs(lines[j].top - lines[i].top) <= 4 * size
        ]
        gaps.append(gap if lone or any(_overlaps(gap, o) for o in near) else None)
    return gaps


def _side(line: Line, gutter: tuple[float, float]) -> str | None:
    if line.x1 <= gutter[1]:
        return "left"
    if line.x0 >= gutter[0]:
        return "right"
    return None


@dataclass(frozen=True, slots=True)
class Flow:
    """Lines read one after the other; `column` when they are one side of a band."""

    lines: list[Line]
    column: bool = False


def lines_to_flows(lines: Sequence[Line]) -> list[Flow]:
    """Cut the page's lines into flows read one after the other.

    Full-width text is one flow. A two-column band (decision header: agency left,
    national motto right; signature block: recipients left, signer right) gives its
    left column as one flow, then its right column.
    """
    gaps = column_gaps(lines)
    flows: list[Flow] = []
    current: list[Line] = []
    i = 0
    while i < len(lines):
        gap = gaps[i]
        if gap is None:
            current.append(lines[i])
            i += 1
            continue
        if current:
            flows.append(Flow(current))
            current = []
        left, right, i = _take_band(lines, gaps, i)
        flows.extend(Flow(f, column=True) for f in (left, right) if f)
    if current:
        flows.append(Flow(current))
    return flows


def _take_band(
    lines: Sequence[Line], gaps: Sequence[Gap | None], start: int
) -> tuple[list[Line], list[Line], int]:
    left: list[Line] = []
    right: list[Line] = []
    gutter = (0.0, 0.0)
    prev_bottom = None
    i = start
    while i < len(lines):
        line, gap = lines[i], gaps[i]
        if prev_bottom is not None and line.top - prev_bottom > BAND_LINE_GAP_EM * line.size:
            break
        if gap is not None and (i == start or gap.x0 < gutter[1] and gap.x1 > gutter[0]):
            left.append(Line(line.words[: gap.index]))
            right.append(Line(line.words[gap.index :]))
            gutter = (
                (gap.x0, gap.x1) if i == start else (max(gutter[0], gap.x0), min(gutter[1], gap.x1))
            )
            if gutter[0] >= gutter[1]:
                gutter = (gap.x0, gap.x1)
        else:
            side = _side(line, gutter) if gap is None else None
            if side is None:
                break
            (left if side == "left" else right).append(line)
        prev_bottom = line.bottom
        i += 1
    return left, right, i


# ---------------------------------------------------------------- lines → paragraphs


def flow_margins(lines: Sequence[Line]) -> Margins:
    return Margins(min(ln.x0 for ln in lines), max(ln.x1 for ln in lines))


def is_centred(line: Line, margins: Margins) -> bool:
    em = line.size or 10.0
    if margins.width < 8 * em:
        return False
    if line.text[:2] in ("- ", "+ ", "• ", "– "):
        return False  # an indented dash item can sit near the centre by chance
    off_centre = abs((line.x0 + line.x1) / 2 - margins.centre)
    return (
        off_centre <= max(3.0, 0.4 * em)
        and line.x0 > margins.left + em
        and line.x1 < margins.right - em
    )


def _starts_lower(text: str) -> bool:
    first = text.lstrip("\"'“‘(")[:1]
    return first.islower()


def normal_line_gap(lines: Sequence[Line]) -> float:
    """The usual blank between two lines of one paragraph (median of positive gaps)."""
    if not lines:
        return 0.0
    limit = 3 * (statistics.median(ln.size for ln in lines) or 10.0)
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:], strict=False)]
    gaps = [g for g in gaps if -2 < g < limit]
    return statistics.median(gaps) if gaps else 0.0


def starts_paragraph(
    prev: Line, line: Line, margins: Margins, line_gap: float, *, column: bool = False
) -> bool:
    """Whether `line` opens a new paragraph after `prev` in the same flow.

    A line continues the paragraph when the line above runs to the right margin and
    it is not indented (whatever its style: a quotation in italics, a bold phrase),
    or when it starts in lower case. In a column of a band (header, signature block)
    every line is its own paragraph, as in the Word original, unless it starts in
    lower case.
    """
    em = line.size or 10.0
    if line.top - prev.bottom > line_gap + 0.35 * em or ITEM_START.match(line.text):
        return True
    lower = _starts_lower(line.text)
    if column:
        return not lower
    prev_centred, line_centred = is_centred(prev, margins), is_centred(line, margins)
    if line_centred and _wraps_centred(prev, line, margins):
        return False
    if prev_centred or line_centred:
        return not lower
    indented = line.x0 > prev.x0 + 0.8 * em
    full = prev.x1 >= margins.right - 1.5 * em
    if full and not indented:
        return _sentence_ends(prev.text) and _style_changes(prev, line) and not lower
    return not lower


def _wraps_centred(prev: Line, line: Line, margins: Margins) -> bool:
    """A centred sentence wrapped onto the next line ("(Ban hành kèm theo … của" /
    "Ủy ban nhân dân tỉnh)"): the line above is wide, unfinished, in the same style.
    Lines in capitals are title lines of their own."""
    return not (
        prev.x1 - prev.x0 < WRAPPED_WIDTH * margins.width
        or _style_changes(prev, line)
        or prev.text.isupper()
        or line.text.isupper()
        or _sentence_ends(prev.text)
    )


def _sentence_ends(text: str) -> bool:
    return text.rstrip("\"”)' ").endswith((".", ";", ":", "!", "?"))


def _style_changes(prev: Line, line: Line) -> bool:
    return prev.bold != line.bold or prev.italic != line.italic or abs(prev.size - line.size) > 0.8


def lines_to_paragraphs(
    lines: Sequence[Line],
    margins: Margins | None = None,
    line_gap: float | None = None,
    *,
    column: bool = False,
) -> list[list[Line]]:
    """Group a flow's lines into paragraphs: vertical gaps, indents, short last
    lines, style changes and item starts ("1.", "a)", "- ", "Điều 2.") break them."""
    if not lines:
        return []
    margins = margins or flow_margins(lines)
    line_gap = normal_line_gap(lines) if line_gap is None else line_gap
    paragraphs: list[list[Line]] = [[lines[0]]]
    for prev, line in zip(lines, lines[1:], strict=False):
        if starts_paragraph(prev, line, margins, line_gap, column=column):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return paragraphs


def paragraph_align(lines: Sequence[Line], margins: Margins) -> Align:
    if all(is_centred(ln, margins) for ln in lines):
        return "center"
    em = lines[0].size or 10.0
    if all(ln.x0 > margins.left + 0.25 * margins.width for ln in lines) and all(
        ln.x1 >= margins.right - em for ln in lines
    ):
        return "right"
    if len(lines) > 1 and all(ln.x1 >= margins.right - em for ln in lines[:-1]):
        return "justify"
    return "left"


def join_line_texts(texts: Sequence[str]) -> str:
    """Lines of one paragraph → one string: a space between lines, none after a word
    cut at its own hyphen ("26/CT-" + "TTg"; Vietnamese words are not hyphenated, codes
    are)."""
    out = ""
    for text in texts:
        out = text if not out else out + ("" if _cut_at_hyphen(out) else " ") + text
    return out


def _cut_at_hyphen(text: str) -> bool:
    last = text.rsplit(" ", 1)[-1]
    return len(last) > 1 and last.endswith("-")


def cell_lines_to_text(lines: Sequence[Line]) -> str:
    """A table cell's lines joined, keeping a line break before list items."""
    items: list[list[str]] = []
    for line in lines:
        if not items or ITEM_START.match(line.text):
            items.append([line.text])
        else:
            items[-1].append(line.text)
    return "\n".join(join_line_texts(item) for item in items)
