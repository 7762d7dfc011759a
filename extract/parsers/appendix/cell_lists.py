"""Lists inside table cells: list items, bullets, "1. …; 2. …", numbered activities.

A cell's items come from its paragraphs (DOCX, HTML <li>) when the reader kept them;
otherwise from its lines, where a line that does not start a new item ("- ", "1.", "3.2.")
continues the one before it (a PDF cell wraps its text over several lines).
"""

from __future__ import annotations

import re

from normalize.patterns import CELL_BULLET, CELL_INLINE_BULLET, CELL_ITEM_START, CELL_LEADING_MARK
from normalize.text import fold_ws
from schemas.document import Cell, Paragraph

_DECIMAL_NO = re.compile(r"^\s*(\d+(?:\.\d+)+)\.?(?=\s|$)")
_TRAILING = " ;."  # a trailing comma is kept: the row may go on after a page break


def clean_text(text: str) -> str:
    """Whitespace folded (markup never gets here: the readers take it off)."""
    return fold_ws(text)


def strip_marker(text: str) -> str:
    """ "- Báo cáo" → "Báo cáo"; "5.1. Trung tâm …" → "Trung tâm …"; "2) X" → "X"."""
    return CELL_LEADING_MARK.sub("", text, count=1).strip()


def leading_number(text: str) -> str | None:
    """The decimal number a cell starts with: "3.8 Xây dựng" → "3.8", "2.16. Ban hành" → "2.16"."""
    match = _DECIMAL_NO.match(text)
    return match.group(1) if match else None


def _raw_items(cell: Cell) -> list[str]:
    paras = [clean_text(b.text) for b in cell.blocks if isinstance(b, Paragraph) and b.text.strip()]
    if len(paras) > 1:
        return paras
    items: list[str] = []
    for line in cell.text.split("\n"):
        line = clean_text(line)
        if not line:
            continue
        if items and not CELL_ITEM_START.match(line):
            items[-1] = f"{items[-1]} {line}"
        else:
            items.append(line)
    return items


def _split_inline_bullets(text: str) -> list[str]:
    """ "- A; - B" → ["- A;", "- B"]: a dash opens an item after a stop or before a capital,
    so "kinh tế - xã hội" stays whole."""
    if not re.match(rf"^\s*{CELL_BULLET}\s", text):
        return [text]
    parts, start = [], 0
    for match in CELL_INLINE_BULLET.finditer(text):
        before = text[: match.start()].rstrip()
        after = text[match.end() :]
        if before.endswith((";", ".", ":")) or after[:1].isupper():
            parts.append(text[start : match.start()])
            start = match.start()
        # otherwise a dash inside a phrase
    parts.append(text[start:])
    return [p for p in (p.strip() for p in parts) if p]


def _split_inline_numbers(text: str) -> list[str]:
    """ "1. A; 2. B" → ["1. A;", "2. B"], only when the numbers run 1, 2, 3 …"""
    first = re.match(r"^\s*(\d+)[.)]\s", text)
    if not first:
        return [text]
    parts, start, expected = [], 0, int(first.group(1)) + 1
    while True:
        nxt = re.compile(rf"(?<=[\s;.]){expected}[.)]\s").search(text, start + 1)
        if not nxt:
            break
        parts.append(text[start : nxt.start()])
        start, expected = nxt.start(), expected + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _tidy(item: str) -> str:
    return strip_marker(item).strip(_TRAILING).strip()


def cell_items(cell: Cell | None, *, split_semicolons: bool = True) -> list[str]:
    """The items of a list inside a cell, markers and trailing ";" taken off.

    >>> from schemas.document import Cell
    >>> cell_items(Cell(row=0, col=0, text="- Kế hoạch; - Báo cáo", raw=""))
    ['Kế hoạch', 'Báo cáo']
    """
    if cell is None:
        return []
    items: list[str] = []
    for raw in _raw_items(cell):
        for part in _split_inline_bullets(raw):
            for piece in _split_inline_numbers(part):
                chunks = piece.split(";") if split_semicolons else [piece]
                items.extend(t for t in (_tidy(c) for c in chunks) if t)
    return items


def joined_items(cell: Cell | None) -> str:
    """A cell's items joined by "; " (agency and deadline cells written as lists)."""
    return "; ".join(cell_items(cell, split_semicolons=False))


def numbered_items(text: str) -> list[tuple[str | None, str]]:
    """Split a cell holding several numbered entries, "3.1. A 3.2. B", into (no, text).

    Only numbers that follow on from the first ("3.1" then "3.2", "3.3" …) open an entry,
    so a figure inside the text ("ISO 9001:2015", "Nghị định 3.2") does not.

    >>> numbered_items("3.18 Ban hành kế hoạch 3.19. Thông báo lịch")
    [('3.18', 'Ban hành kế hoạch'), ('3.19', 'Thông báo lịch')]
    """
    text = clean_text(text)
    first = leading_number(text)
    if first is None:
        return [(None, text)] if text else []
    prefix, _, last = first.rpartition(".")
    entries: list[tuple[str | None, str]] = []
    no, start, n = first, 0, int(last)
    while True:
        pattern = re.compile(rf"(?<=\s){re.escape(prefix)}\.{n + 1}\.?(?=\s)")
        nxt = pattern.search(text, start + len(no))
        if not nxt:
            break
        entries.append((no, strip_marker(text[start : nxt.start()])))
        no, start, n = f"{prefix}.{n + 1}", nxt.start(), n + 1
    entries.append((no, strip_marker(text[start:])))
    return entries
