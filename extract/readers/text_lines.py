"""Lines of a text file → paragraphs.

Text files break paragraphs in three ways: Markdown writes one paragraph per
line (or per block of lines) with blank lines between; a plain-text export writes
one paragraph per line; raw PDF text (pdftotext, copy-paste) wraps every line at
the page width and sometimes puts a blank line after each. `join_lines` undoes
the wrapping with one rule for all three:

a line continues the previous one when the previous one does not end a
sentence or clause (. ; : ! ? …) and this line does not start a numbered item
("1.", "1.1.", "a)", "-", "+", "I.", "Điều 2") and neither is a heading or an
all-capitals title line — and either this line starts in lower case (a sentence
cut by a page or line break, even across a blank line), or the previous line is
as long as the document's wrapped lines and no blank line separates them in
Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from normalize.patterns import TEXT_LINE_ITEM
from normalize.site_furniture import is_site_furniture

_SENTENCE_END = re.compile(r"[.;:!?…][\"”’)\]*]*$")
_WRAPPED_SHARE = 0.75


@dataclass(frozen=True)
class TextLine:
    """One non-blank source line, with the hints the joiner needs."""

    no: int  # 1-based line number in the file
    raw: str
    text: str  # marks removed, stripped, not yet repaired
    blank_before: bool = False
    hard_break_before: bool = False  # markdown hard break at the end of the previous line
    heading_level: int | None = None
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class TextParagraph:
    lines: tuple[TextLine, ...]

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)

    @property
    def raw(self) -> str:
        return "\n".join(line.raw for line in self.lines)


def starts_numbered(text: str) -> bool:
    return bool(TEXT_LINE_ITEM.match(text))


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.rstrip()))


def is_all_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def wrap_width(lines: Sequence[TextLine]) -> int:
    """The length a wrapped line reaches: the 90th percentile of line lengths."""
    lengths = sorted(len(line.text) for line in lines)
    if not lengths:
        return 0
    return lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]


def continues(prev: TextLine, line: TextLine, *, width: int, markdown: bool) -> bool:
    """Whether `line` continues the paragraph that ends with `prev`."""
    if prev.heading_level or line.heading_level:
        return False
    if ends_sentence(prev.text) or starts_numbered(line.text):
        return False
    if is_site_furniture(prev.text) or is_site_furniture(line.text):
        return False  # a banner or notice is a block of its own, never glued to the text
    if is_all_caps(prev.text) or is_all_caps(line.text):
        return False
    first = line.text[:1]
    if first.islower():
        return True
    separated = line.blank_before or line.hard_break_before
    if markdown and separated:
        return False
    if markdown:
        return True
    return len(prev.text) >= _WRAPPED_SHARE * width


def join_lines(lines: Sequence[TextLine], *, markdown: bool) -> list[TextParagraph]:
    """Group consecutive lines into paragraphs (see the module docstring)."""
    width = wrap_width(lines)
    groups: list[list[TextLine]] = []
    for line in lines:
        if groups and continues(groups[-1][-1], line, width=width, markdown=markdown):
            groups[-1].append(line)
        else:
            groups.append([line])
    return [TextParagraph(tuple(group)) for group in groups]
