"""Markdown marks on one line: ATX headings and **bold** / *italic* spans.

The marks are removed from the text and turned into style hints. A block is
bold (italic) only when every letter or digit of it sits inside such a span:
"**Điều 1.** Ban hành ..." is not bold, "**PHỤ LỤC**" is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
_ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])")
_HARD_BREAK = re.compile(r"(?: {2,}|\\)$")


@dataclass(frozen=True)
class Marked:
    """One line with its markdown marks read and removed."""

    text: str
    bold: bool
    italic: bool
    heading_level: int | None = None


def heading_of(line: str) -> tuple[int, str] | None:
    """'### Title' → (3, 'Title'); None when the line is not an ATX heading."""
    match = _HEADING.match(line.strip())
    if not match:
        return None
    return len(match.group(1)), match.group(2)


def has_hard_break(raw_line: str) -> bool:
    """Markdown's hard line break: two trailing spaces or a backslash."""
    return bool(_HARD_BREAK.search(raw_line.rstrip("\r\n")))


def _strip_spans(text: str, pattern: re.Pattern[str]) -> tuple[str, list[tuple[int, int]]]:
    """Remove the span markers; return the text and the spans' positions in it."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    length = 0
    for match in pattern.finditer(text):
        before = text[pos : match.start()]
        inner = next(g for g in match.groups() if g is not None)
        out.append(before)
        length += len(before)
        spans.append((length, length + len(inner)))
        out.append(inner)
        length += len(inner)
        pos = match.end()
    out.append(text[pos:])
    return "".join(out), spans


def _covers_all(text: str, spans: list[tuple[int, int]]) -> bool:
    if not spans:
        return False
    inside = [False] * len(text)
    for start, end in spans:
        for i in range(start, end):
            inside[i] = True
    return all(inside[i] for i, ch in enumerate(text) if ch.isalnum())


def _shift(spans: list[tuple[int, int]], removed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Map spans of a text through a later removal of 1-char markers at `removed`."""

    def moved(pos: int) -> int:
        return pos - sum(1 for start, _ in removed if start < pos)

    return [(moved(s), moved(e)) for s, e in spans]


def read_marks(line: str) -> Marked:
    """Read bold/italic marks of a line (no heading handling)."""
    text = line.strip()
    open_bold = text.startswith("**") and text.count("**") % 2 == 1
    close_bold = text.endswith("**") and text.count("**") % 2 == 1
    if open_bold:
        text = text[2:]
    elif close_bold:
        text = text[:-2]
    text, bold_spans = _strip_spans(text, _BOLD)
    plain, italic_spans = _strip_spans(text, _ITALIC)
    # italic removal shifted the bold spans: recompute them on the final text
    markers = [(m.start(), m.start()) for m in _ITALIC.finditer(text)]
    markers += [(m.end() - 1, m.end() - 1) for m in _ITALIC.finditer(text)]
    bold_spans = _shift(bold_spans, markers)
    bold = open_bold or close_bold or _covers_all(plain, bold_spans)
    italic = _covers_all(plain, italic_spans)
    return Marked(text=plain.strip(), bold=bold, italic=italic)


def read_markdown_line(line: str) -> Marked:
    """Heading level plus bold/italic of a markdown line, marks removed.

    >>> read_markdown_line("### **2. Cải cách thủ tục hành chính**")
    Marked(text='2. Cải cách thủ tục hành chính', bold=True, italic=False, heading_level=3)
    """
    heading = heading_of(line)
    if heading is None:
        return read_marks(line)
    level, body = heading
    marked = read_marks(body)
    return Marked(marked.text, marked.bold, marked.italic, heading_level=level)
