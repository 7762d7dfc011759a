"""Deadline cells ("Thời gian hoàn thành") → `Deadline` (CONTRACT.md, deadline).

>>> d = parse_deadline("Quý II- IV năm 2026", plan_year=2026)
>>> (d.kind.value, d.start.isoformat(), d.end.isoformat())
('period', '2026-04-01', '2026-12-31')
>>> parse_deadline("Thường xuyên", plan_year=2026).kind.value
'ongoing'

A cell is split into clauses (list items, lines, ";"); each clause names calendar
periods ("Tháng 6 và tháng 12 năm 2025"), or a phrasing from data/deadline_phrases.yaml
(ongoing, recurring, conditional). Several deadlines become `parts`; the cell takes the
kind, start and end of the part that ends last (the first part's when none ends).
A document cited in the cell ("Theo Quyết định số 12/QĐ-UBND ngày 05/3/2025") is not a
deadline: its date is left out, and a cell that names nothing else is conditional.
"Từ năm 2027", "Năm 2027 và các năm tiếp theo" are ongoing from the period's start; a day
named against a coming period ("Trước ngày 20/01 năm sau") recurs with it.
Never raises: what is not understood is kind "unspecified", for the caller to warn about.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from normalize.citations import find_citations
from normalize.deadline_phrases import (
    classify_phrase,
    ends_with_before,
    ends_with_continuation,
    ends_with_since,
    is_relative,
    marked_recurrence,
    recurrence_list,
    relative_recurrence,
    starts_onward,
    words_as_written,
)
from normalize.deadline_units import Unit, expand_elisions, find_units
from normalize.patterns import DEADLINE_BULLETS
from normalize.text import fold_ws, nfc
from schemas.codes import DeadlineKind
from schemas.record import Deadline

_CLAUSE_BREAK = re.compile(r";+")
_LINE_BREAK = re.compile(r"[\r\n]+")
_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−"})


def _either(group: str) -> str:
    return "|".join(re.escape(w) for w in words_as_written(group))


@cache
def _range_gap() -> re.Pattern[str]:
    """What stands between two periods of one range: "-", "đến", "đến hết" …"""
    return re.compile(
        rf"^\s*(?:-|{_either('range_words')})\s*(?:(?:{_either('range_end_words')})\s*)?$",
        re.IGNORECASE,
    )


@cache
def _list_gap() -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:,|{_either('list_words')}|&)\s*$", re.IGNORECASE)


@cache
def _in_sentence() -> re.Pattern[str]:
    """A deadline written into a duty: "… gửi về Sở Nội vụ trước ngày 31/01/2026"."""
    return re.compile(
        rf"(?<!\w)(?:{_either('sentence_marks')})\s+(?:(?:{_either('sentence_marks_then')})\s+)?"
        r"(?:ngày\s+\d{1,2}/\d{1,2}/\d{4}|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
        r"|tháng\s+\d{1,2}/\d{4}|quý\s+[IV]{1,3}(?:\s*/\s*|\s+năm\s+)\d{4}|năm\s+\d{4})",
        re.IGNORECASE,
    )


def parse_deadline(raw: str, *, plan_year: int | None) -> Deadline:
    """Thời gian hoàn thành → Deadline; kind "unspecified" when the phrase is not understood.

    `plan_year` is the year a cell means when it names none ("Trong năm").
    `raw` of the result is the cell text with bullets removed, NFC,
    whitespace folded, its clauses joined by "; ".
    """
    clauses = split_clauses(raw)
    text = "; ".join(clauses)
    parts = [part for clause in clauses for part in _clause_parts(clause, plan_year)]
    if not parts:
        return Deadline(raw=text, kind=DeadlineKind.UNSPECIFIED)
    if len(parts) == 1:
        return parts[0].model_copy(update={"raw": text})
    return combine(text, parts)


def deadline_in_sentence(text: str, *, plan_year: int | None) -> Deadline | None:
    """The deadline a sentence writes into itself, if any ("… trước ngày 15/01/2026");
    several ("… chậm nhất trước ngày 20/01/2025; UBND cấp xã xong trước ngày 31/01/2025")
    become the parts of one deadline. A sentence names none without a date word.

    >>> str(deadline_in_sentence("Gửi Sở Nội vụ trước ngày 31/01/2026", plan_year=2026).end)
    '2026-01-31'
    """
    phrases = [m.group(0) for m in _in_sentence().finditer(text)]
    return parse_deadline("; ".join(phrases), plan_year=plan_year) if phrases else None


def split_clauses(raw: str) -> list[str]:
    """List items, lines and ";"-separated clauses of a cell, bullets removed.

    A line break ends a clause only when the next line is a new item (a bullet, or a
    deadline of its own); a line wrapped by a narrow column goes on in the next one.
    """
    clauses = []
    for block in _CLAUSE_BREAK.split(nfc(raw)):
        for line in _logical_lines(block):
            clause = fold_ws(DEADLINE_BULLETS.sub("", line)).strip(" .,")
            if clause:
                clauses.append(clause)
    return clauses


def _logical_lines(block: str) -> list[str]:
    lines: list[str] = []
    for line in (fold_ws(x) for x in _LINE_BREAK.split(block)):
        if line and lines and _continues(lines[-1], line):
            lines[-1] = f"{lines[-1]} {line}"
        elif line:
            lines.append(line)
    return lines


def _continues(previous: str, line: str) -> bool:
    if DEADLINE_BULLETS.match(line):
        return False
    if (
        line[0].islower()
        or line[0].isdigit()
        or line[0] in "/("
        or ends_with_continuation(previous)
    ):
        return True
    return not (_understood(previous) and _understood(line))


def _understood(clause: str) -> bool:
    return all(p.kind is not DeadlineKind.UNSPECIFIED for p in _clause_parts(clause, None))


def combine(raw: str, parts: list[Deadline]) -> Deadline:
    """A cell of several deadlines: kind, start and end of the part that ends last."""
    ending = [p for p in parts if p.end is not None]
    chosen = max(ending, key=lambda p: p.end or dt.date.min) if ending else parts[0]
    return Deadline(
        raw=raw,
        kind=chosen.kind,
        start=chosen.start,
        end=chosen.end,
        recurrence=chosen.recurrence,
        parts=parts,
    )


def _clause_parts(clause: str, plan_year: int | None) -> list[Deadline]:
    listed = recurrence_list(clause)
    if listed is not None:
        return [Deadline(raw=clause, kind=DeadlineKind.RECURRING, recurrence=listed)]
    if is_relative(clause):
        return [Deadline(raw=clause, kind=DeadlineKind.CONDITIONAL)]
    uncited, cited = _without_citations(clause)
    text = expand_elisions(uncited.translate(_DASHES))
    units = find_units(text)
    recurrence = marked_recurrence(clause) or relative_recurrence(clause)
    if units and recurrence is not None and not any(u.year_given for u in units):
        # "Tháng 12 hàng năm", "Trước ngày 20/01 năm sau": a date that comes back
        return [Deadline(raw=clause, kind=DeadlineKind.RECURRING, recurrence=recurrence)]
    if units:
        parts = _from_units(text, units, plan_year)
        if len(parts) == 1:
            return [parts[0].model_copy(update={"raw": clause})]
        return parts
    if cited:
        return [Deadline(raw=clause, kind=DeadlineKind.CONDITIONAL)]
    kind, recurrence = classify_phrase(clause)
    return [Deadline(raw=clause, kind=kind, recurrence=recurrence)]


def _without_citations(clause: str) -> tuple[str, bool]:
    """The clause without the documents it cites (their dates are not deadlines)."""
    found = find_citations(clause)
    if not found:
        return clause, False
    kept, pos = [], 0
    for m in found:
        kept.append(clause[pos : m.start])
        pos = m.end
    kept.append(clause[pos:])
    return " ".join(kept), True


def _fill_years(units: list[Unit], plan_year: int | None) -> list[Unit]:
    """A year written once serves the periods before it, then after it, then the plan's."""
    filled = list(units)
    following: int | None = None
    for i in reversed(range(len(filled))):
        if filled[i].year is None and following is not None:
            filled[i] = filled[i].with_year(following)
        following = filled[i].year if filled[i].year is not None else following
    preceding: int | None = None
    for i, unit in enumerate(filled):
        if unit.year is None:
            year = preceding if preceding is not None else plan_year
            if year is not None:
                filled[i] = unit.with_year(year)
        preceding = filled[i].year if filled[i].year is not None else preceding
    return filled


def _groups(text: str, units: list[Unit]) -> list[tuple[list[Unit], bool, bool]]:
    """Units joined by "đến"/"-" form one range; each group with its "trước" flag and its
    "từ" flag (no end: "Từ năm 2027", "Năm 2027 và các năm tiếp theo")."""
    groups: list[tuple[list[Unit], bool, bool]] = []
    previous_end = 0
    for unit in units:
        gap = text[previous_end : unit.start]
        if groups and _range_gap().match(gap):
            groups[-1][0].append(unit)
        else:
            listed_after_before = bool(groups and groups[-1][1] and _list_gap().match(gap))
            before = ends_with_before(gap) or listed_after_before
            groups.append(([unit], before, ends_with_since(gap)))
        previous_end = unit.end
    return [(group, before, _goes_on(text, group, since)) for group, before, since in groups]


def _goes_on(text: str, group: list[Unit], since: bool) -> bool:
    """One period (not a range, not a span of years) that the work starts in and goes on
    from: "từ" before it, or "và các năm tiếp theo" after it."""
    if len(group) != 1 or group[0].deadline_kind == DeadlineKind.PERIOD:
        return False
    return since or starts_onward(text[group[0].end :])


def _bounds(unit: Unit) -> tuple[dt.date, dt.date] | None:
    try:
        return unit.bounds()
    except ValueError:  # 29/2 of a year that the text did not name and has no such day
        return None


def _wrap_year(
    head: Unit, tail: Unit, first: tuple[dt.date, dt.date], last: tuple[dt.date, dt.date]
) -> tuple[tuple[dt.date, dt.date] | None, tuple[dt.date, dt.date] | None]:
    """A range that ends before it starts crosses a new year ("tháng 11 đến tháng 2/2026"):
    move whichever end took its year from elsewhere."""
    if head.year is not None and not head.year_given:
        return _bounds(head.with_year(head.year - 1)), last
    if tail.year is not None and not tail.year_given:
        return first, _bounds(tail.with_year(tail.year + 1))
    return first, last


def _from_units(text: str, units: list[Unit], plan_year: int | None) -> list[Deadline]:
    parts = []
    for group, before, goes_on in _groups(text, _fill_years(units, plan_year)):
        raw = text[group[0].start : group[-1].end]
        raw = f"trước {raw}" if before else raw
        first, last = _bounds(group[0]), _bounds(group[-1])
        if len(group) == 1:
            kind = group[0].deadline_kind
        else:
            kind = DeadlineKind.PERIOD
            if first and last and last[1] < first[0]:
                first, last = _wrap_year(group[0], group[-1], first, last)
        if first is None or last is None or last[1] < first[0]:  # unknown year, or reversed
            parts.append(Deadline(raw=raw, kind=kind))
        elif before:
            end = first[1] if kind == DeadlineKind.DATE else first[0] - dt.timedelta(days=1)
            parts.append(Deadline(raw=raw, kind=kind, end=end))
        elif goes_on:
            parts.append(Deadline(raw=raw, kind=DeadlineKind.ONGOING, start=first[0]))
        else:
            parts.append(Deadline(raw=raw, kind=kind, start=first[0], end=last[1]))
    return parts
