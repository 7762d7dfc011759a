"""Calendar periods named in a deadline clause: days, months, quarters, halves, years.

`find_units` returns the periods left to right, each with the year it names (or None);
the caller fills missing years and decides whether neighbours form a range or a list.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cache

from normalize.dates import MAX_YEAR, MIN_YEAR, PartialDate, find_dates
from normalize.deadline_phrases import words_as_written
from normalize.text import fold_key
from schemas.codes import DeadlineKind

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_R = r"(?:iv|iii|ii|i|[1-4])(?!\w)"
_LINK = r"\s*(?:-|đến|tới|,|và|&)\s*"
_YEAR = r"(?P<year>[0-9]{4})(?![0-9])"
# A year after a period: "Quý I/2026", "Quý I năm 2026", "tháng 12-2025", "Quý I 2026".
_YS = rf"(?:\s*(?:/|-|năm)\s*{_YEAR}|\s+{_YEAR.replace('year', 'year2')})?"
_F = re.IGNORECASE
# "Quý", also as often mistyped: "Qúy" (tone on the u), "Quy" (no tone), "Quí" (old spelling).
_QUY = r"q(?:uý|úy|uy|uí|úi)"

# Writers elide the repeated word: "Quý II- IV", "tháng 6, 7 và 12", "Trước 7 và tháng 11".
_ELIDED_QUARTER = re.compile(rf"({_QUY}\s*{_R})({_LINK})(?=(?:iv|iii|ii|i|[1-4])(?!\w))", _F)
_ELIDED_MONTH_AFTER = re.compile(rf"(tháng\s*[0-9]{{1,2}})({_LINK})(?=[0-9]{{1,2}}(?![0-9]))", _F)
_ELIDED_MONTH_BEFORE = re.compile(
    r"(?<![\w/.])([0-9]{1,2})(?=\s*(?:,|và|&|-|đến)\s*tháng\s*[0-9])", _F
)

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(p, _F))
    for kind, p in (
        ("quarter", rf"(?<!\w){_QUY}\s*(?P<n>{_R}){_YS}"),
        ("half", rf"(?<![0-9])(?:0?6|sáu)\s*tháng\s*(?P<n>đầu|cuối)(?:\s*năm)?{_YS}"),
        ("half", rf"nửa\s*(?P<n>đầu|cuối)\s*năm{_YS}"),
        ("month", rf"(?<!\w)tháng\s*(?P<n>[0-9]{{1,2}})(?![0-9]){_YS}"),
        ("month", rf"(?<![\w/.])(?P<n>[0-9]{{1,2}})\s*/\s*{_YEAR}(?![\w/])"),
        ("december", rf"cuối\s*năm{_YS}"),
        (
            "day",
            r"(?:ngày|trước)\s*(?P<d>[0-9]{1,2})\s*(?:/|-|\.)\s*(?P<n>[0-9]{1,2})"
            r"(?![0-9]|\s*[/.\-]\s*[0-9])",
        ),
        (
            "day",
            r"ngày\s*(?P<d>[0-9]{1,2})\s*tháng\s*(?P<n>[0-9]{1,2})"
            r"(?![0-9]|\s*(?:/|năm)\s*[0-9])",
        ),
        ("years", rf"(?<![\w/])(?P<y1>[0-9]{{4}})\s*(?:-|đến|tới)\s*(?:năm\s*)?{_YEAR}(?![\w/])"),
        ("year", rf"(?<![\w/.-]){_YEAR}(?![\w/]|-[0-9])"),
    )
)


@dataclass(frozen=True)
class Unit:
    """One calendar period as written. `n` is the month, quarter or half (1, 2)."""

    kind: str  # date | month | quarter | half | year | years
    start: int
    end: int
    year: int | None = None
    n: int | None = None
    day: int | None = None
    year_end: int | None = None  # "2026-2030"
    year_given: bool = False

    def with_year(self, year: int) -> Unit:
        return replace(self, year=year)

    def bounds(self) -> tuple[dt.date, dt.date] | None:
        """First and last day of the period, or None when its year is unknown."""
        if self.year is None or not MIN_YEAR <= self.year <= MAX_YEAR:
            return None
        y = self.year
        match self.kind:
            case "date":
                day = dt.date(y, self.n or 1, self.day or 1)
                return day, day
            case "month":
                p = PartialDate(y, self.n)
                return p.first_day(), p.last_day()
            case "quarter":
                first = 3 * ((self.n or 1) - 1) + 1
                return dt.date(y, first, 1), PartialDate(y, first + 2).last_day()
            case "half":
                return (
                    (dt.date(y, 1, 1), dt.date(y, 6, 30))
                    if self.n == 1
                    else (dt.date(y, 7, 1), dt.date(y, 12, 31))
                )
            case "years":
                end_year = self.year_end if self.year_end is not None else y
                return dt.date(y, 1, 1), dt.date(end_year, 12, 31)
            case _:
                return dt.date(y, 1, 1), dt.date(y, 12, 31)

    @property
    def deadline_kind(self) -> DeadlineKind:
        return {
            "date": DeadlineKind.DATE,
            "month": DeadlineKind.MONTH,
            "quarter": DeadlineKind.QUARTER,
            "half": DeadlineKind.HALF,
            "years": DeadlineKind.PERIOD,
        }.get(self.kind, DeadlineKind.YEAR)


def expand_elisions(text: str) -> str:
    """Write out the words a list leaves out: "Quý II- IV" → "Quý II- quý IV"."""
    text = _ELIDED_MONTH_BEFORE.sub(r"tháng \1", text)
    for pattern, word in ((_ELIDED_QUARTER, "quý "), (_ELIDED_MONTH_AFTER, "tháng ")):
        previous = None
        while previous != text:  # "Quý I, II, III" needs one pass per comma
            previous, text = text, pattern.sub(rf"\1\2{word}", text)
    return text


def _year_of(m: re.Match[str]) -> int | None:
    groups = m.groupdict()
    raw = groups.get("year") or groups.get("year2")
    return int(raw) if raw else None


def _unit(kind: str, m: re.Match[str]) -> Unit | None:
    year = _year_of(m)
    groups = m.groupdict()
    raw_n = (groups.get("n") or "").lower()
    if kind == "quarter":
        return Unit("quarter", m.start(), m.end(), year, _ROMAN[raw_n], year_given=bool(year))
    if kind == "half":
        n = 1 if fold_key(raw_n) == fold_key("đầu") else 2
        return Unit("half", m.start(), m.end(), year, n, year_given=bool(year))
    if kind == "december":
        return Unit("month", m.start(), m.end(), year, 12, year_given=bool(year))
    if kind == "years":
        first, last = int(groups["y1"]), year or 0
        if not (MIN_YEAR <= first < last <= MAX_YEAR):
            return None
        return Unit("years", m.start(), m.end(), first, year_end=last, year_given=True)
    if kind == "year":
        if year is None or not MIN_YEAR <= year <= MAX_YEAR:
            return None
        return Unit("year", m.start(), m.end(), year, year_given=True)
    n = int(raw_n)
    if not 1 <= n <= 12:
        return None
    if kind == "month":
        return Unit("month", m.start(), m.end(), year, n, year_given=bool(year))
    day = int(groups["d"])
    # Validated against a leap year; the real year is checked once it is known.
    if not 1 <= day <= PartialDate(2024, n).last_day().day:
        return None
    return Unit("date", m.start("d"), m.end(), None, n, day)


def _full_dates(text: str) -> list[Unit]:
    return [
        Unit("date", d.start, d.end, d.date.year, d.date.month, d.date.day, year_given=True)
        for d in find_dates(text)
        if d.date.day is not None
    ]


def find_units(text: str) -> list[Unit]:
    """Calendar periods in `text` (already elision-expanded), left to right, no overlaps."""
    found = _full_dates(text)
    for kind, pattern in _PATTERNS:
        found.extend(u for m in pattern.finditer(text) if (u := _unit(kind, m)) is not None)
    found.extend(Unit("year", m.start(), m.end()) for m in _plan_year_pattern().finditer(text))
    found.sort(key=lambda u: (u.start, u.start - u.end))
    kept: list[Unit] = []
    for unit in found:
        if not kept or unit.start >= kept[-1].end:
            kept.append(unit)
    return kept


@cache
def _plan_year_pattern() -> re.Pattern[str]:
    """ "Trong năm", "cả năm" …: the plan's own year, when no year number follows."""
    # the phrases as written, not their fold keys: the pattern runs over the text, and a
    # key ("ca3 năm") never matches a word with a tone mark ("cả năm")
    words = sorted(words_as_written("plan_year"), key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)(?!\s*[0-9])", _F)
