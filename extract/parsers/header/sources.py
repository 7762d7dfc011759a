"""Header lines as documents from anywhere bring them (issue 14), made plain before the
header is read: web copies' cells flattened onto one line ("Số: 214/KH-UBND | Quảng
Trị, ngày …"), draft stamps among the header lines, a date broken
over two lines or written after its place, and figures a scan could not read.

Each function takes and gives `Line`s or strings; parse.py decides what they mean.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extract.parsers.header.lines import (
    Line,
    NumberLine,
    PlaceDate,
    is_caps,
    metadata_row,
    parse_number_line,
    parse_place_date,
    type_line,
)
from normalize.dates import PartialDate, parse_date
from normalize.header_sources import is_draft_stamp, opens_with_other_type
from normalize.header_terms import is_motto
from normalize.patterns import (
    HEADER_BLANK_SLOT,
    HEADER_DATE_OPEN,
    HEADER_DATE_REST,
    HEADER_DATE_THEN_PLACE,
    HEADER_DAY_MONTH,
    HEADER_NUMBER_WITH_JUNK,
    HEADER_PLACE_ALONE,
    HEADER_YEAR_AT_END,
)
from normalize.provinces import find_province
from normalize.text import fold_key, fold_ws
from schemas.codes import DocType

MAX_ZONE = 60  # lines from the top that can hold the header
_VIET = fold_key("VIỆT")
_PIPE = re.compile(r"\s*\|\s*")
_TABS = re.compile(r"\t+")


@dataclass(frozen=True)
class Cleaned:
    """The lines the header is read from, and what was taken out of them."""

    lines: list[Line]
    draft: bool


def _cells(line: Line) -> list[str]:
    """The cells of a flattened header row: cut at "|"; at tabs only where the number
    or the agency stands before them and the date or the motto after (Word uses tabs
    for the blanks of "ngày\t\ttháng" too)."""
    text = line.text
    if metadata_row(text) is not None:
        return [text]
    if "|" in text:
        return [c for c in _PIPE.split(text) if c.strip()]
    parts = [p for p in _TABS.split(text) if p.strip()]
    if len(parts) < 2:
        return [text]
    first, rest = parts[0], " ".join(parts[1:])
    if (parse_number_line(first) or is_caps(first)) and (
        is_motto(rest) or parse_place_date(rest)
    ):
        return [first, rest]
    return [fold_ws(text)]


def split_cells(lines: list[Line]) -> list[Line]:
    """A web copy's header row flattened onto one line gives one line per cell. A run of
    such rows is read column by column, as a header table is: agency block over the
    number, then the motto over the date."""
    out: list[Line] = []
    run: list[list[Line]] = []

    def flush() -> None:
        width = max((len(r) for r in run), default=0)
        for col in range(width):
            out.extend(r[col] for r in run if col < len(r))
        run.clear()

    for i, line in enumerate(lines):
        cells = _cells(line) if i < MAX_ZONE else [line.text]
        if len(cells) < 2:
            flush()
            out.append(line)
            continue
        run.append([replace(line, text=fold_ws(c)) for c in cells])
    flush()
    return out


def _motto_cut(lines: list[Line]) -> bool:
    """The motto's line ends at "VIỆT": its "NAM" went elsewhere."""
    return any(
        is_motto(line.text) and fold_key(line.text).endswith(_VIET) for line in lines[:MAX_ZONE]
    )


def without_motto_spill(line: Line) -> Line | None:
    """An agency line with the motto's "NAM" read into it (a two-column PDF header whose
    right column wraps): the word goes, and a line that was only that word."""
    words = line.text.split()
    if not is_caps(line.text) or "NAM" not in (words[0], words[-1]):
        return line
    kept = words[1:] if words[0] == "NAM" else words[:-1]
    if kept and find_province(line.text) != find_province(" ".join(kept)):
        return line  # "TỈNH HÀ NAM", "NAM ĐỊNH": the word is the province's
    return replace(line, text=" ".join(kept)) if kept else None


def clean_header_lines(lines: list[Line]) -> Cleaned:
    """Without the draft stamp (near the top), web-copy cells split, the motto's stray
    "NAM" put back out of the agency block. Site furniture never gets here: the readers
    give it its own role, and the header is read from the body blocks."""
    draft = False
    kept: list[Line] = []
    cells = split_cells(lines)
    cut = _motto_cut(cells)
    for i, line in enumerate(cells):
        if cut and i < MAX_ZONE and not is_motto(line.text):
            spilled = without_motto_spill(line)
            if spilled is None:
                continue
            line = spilled
        if i < MAX_ZONE and is_draft_stamp(line.text):
            draft = True
            continue
        kept.append(line)
    return Cleaned(kept, draft)


def doc_type_line(text: str) -> DocType | None:
    """The type a line names: the contract's types alone on the line ("KẾ HOẠCH"), or a
    type outside them opening it ("BIÊN BẢN HỌP …" is "other")."""
    found = type_line(text)
    if found is None and is_caps(text) and opens_with_other_type(text):
        return DocType.OTHER
    return found


def join_broken_date(lines: list[Line], start: int) -> tuple[str, int] | None:
    """'Gia Lai, ngày' / '18 tháng 7 năm 2025': the date line with the lines that end
    it (at most two), and how many lines it took."""
    text = lines[start].text
    taken = 0
    if HEADER_PLACE_ALONE.match(text) and start + 1 < len(lines):
        # "Bình Thuận," / "ngày 17 tháng 2 năm 2025": the place on a line of its own
        text, taken = f"{text} {lines[start + 1].text}", 1
    if not HEADER_DATE_OPEN.match(text) or (HEADER_YEAR_AT_END.search(text) and not taken):
        return None
    if HEADER_YEAR_AT_END.search(text):
        return text, taken + 1
    for extra in range(taken + 1, taken + 3):
        if start + extra >= len(lines) or not HEADER_DATE_REST.match(lines[start + extra].text):
            return None
        text = f"{text} {lines[start + extra].text}"
        if HEADER_YEAR_AT_END.search(text):
            return text, extra + 1
    return None


def place_date_of(text: str) -> PlaceDate | None:
    """A place-date line, also with the place after the date ('ngày 14 tháng 3 năm
    2025, Quảng Trị')."""
    found = parse_place_date(text)
    m = HEADER_DATE_THEN_PLACE.match(text)
    if m is None:
        return found
    return PlaceDate(fold_ws(m["place"]), parse_date(m["date"]), text)


def blank_unreadable_day(text: str) -> tuple[str, list[tuple[str, str]]]:
    """A day or month that is no figure of a date ("ngày 46", "tháng Ÿ", "ngày *Ỹ": a
    handwritten figure a scan garbled) is made blank; (field, as read) of what was
    blanked come back for the warning. Never guessed."""
    blanked: list[tuple[str, str]] = []

    def fix(m: re.Match[str]) -> str:
        word, value = m["word"], m["value"]
        limit = 31 if word.lower() == "ngày" else 12
        if HEADER_BLANK_SLOT.match(value) or (value.isdigit() and 1 <= int(value) <= limit):
            return m[0]
        blanked.append(("day" if word.lower() == "ngày" else "month", f"{word} {value}"))
        return f"{word} ..."

    return HEADER_DAY_MONTH.sub(fix, text), blanked


def unreadable_number(text: str) -> NumberLine | None:
    """'Số: 4⁄6 /QĐ-UBND', 'Số: 3 49/C04-P6': a serial that is no number (written by
    hand, garbled by the scan): the number stays empty, the symbol is kept."""
    m = HEADER_NUMBER_WITH_JUNK.match(text)
    junk = m["junk"].strip(" :.") if m else ""
    if not re.search(r"[^\W_]", junk) or junk.isdigit():
        return None
    return NumberLine(None, m["symbol"], text, "")


def fill_day_from_signature(date: PartialDate | None, signed: PartialDate) -> PartialDate | None:
    """The signing day where the header's day is blank, when the signature agrees with
    what the header does say (its year, and its month when written)."""
    if date is None or date.day is not None or signed.day is None:
        return None
    if signed.year != date.year or (date.month is not None and signed.month != date.month):
        return None
    return signed


__all__ = [
    "Cleaned",
    "blank_unreadable_day",
    "clean_header_lines",
    "doc_type_line",
    "fill_day_from_signature",
    "join_broken_date",
    "place_date_of",
    "split_cells",
    "unreadable_number",
]
