"""Vietnamese dates as written in administrative documents → `PartialDate`.

Headers of drafts leave the day (or day and month) blank for the signer to fill in
("ngày    tháng 3 năm 2026"), so a date here may be partial.

>>> parse_date("Nghệ An, ngày 30 tháng 12 năm 2024").iso()
'2024-12-30'
>>> parse_date("ngày tháng 3 năm 2026").iso()
'2026-03'
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from normalize.patterns import DATE_BLANK

# Years outside this range are serials or amounts, not dates of a plan.
MIN_YEAR, MAX_YEAR = 1900, 2099

# The keywords are matched in both composed and decomposed form, so offsets
# stay valid on text that was never NFC-normalised.
_NGAY = r"ng(?:à|a\u0300)y"
_THANG = r"th(?:á|a\u0301)ng"
_NAM = r"n(?:ă|a\u0306)m"
_BLANK = DATE_BLANK
_D = r"(?P<day>[0-9]{1,2})"
_M = r"(?P<month>[0-9]{1,2})"
_Y = r"(?P<year>[0-9]{4})"
# A number touching another number, slash or letter is part of a document number
# ("76/2021/NQ-CP", "3667/QĐ-UBND") or a range, not a date.
_NOT_BEFORE = r"(?<![0-9/.\-\w])"
_NOT_AFTER = r"(?![0-9]|[/.\-][0-9]|/\w|\w)"

_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        # ngày 30 tháng 12 năm 2024 / ngày   tháng 3 năm 2026 / ngày tháng năm 2026
        rf"(?<!\w){_NGAY}{_BLANK}(?:{_D}{_BLANK})?{_THANG}{_BLANK}(?:{_M}{_BLANK})?"
        rf"(?:{_NAM}\s*|/\s*){_Y}(?![0-9])",
        # ngày /4/2026 (the day left blank in numeric form)
        rf"(?<!\w){_NGAY}{_BLANK}/\s*{_M}\s*/\s*{_Y}{_NOT_AFTER}",
        # tháng 12 năm 2025 / tháng 12/2025
        rf"(?<!\w){_THANG}\s*{_M}\s*(?:{_NAM}\s*|[/.\-]\s*){_Y}{_NOT_AFTER}",
        # 30/12/2024, 15/7/2021, 30-12-2024, 30.12.2024 (one separator throughout)
        rf"{_NOT_BEFORE}{_D}(?P<sep>[/.\-]){_M}(?P=sep){_Y}{_NOT_AFTER}",
        # 2024-12-30 (ISO, as in metadata tables)
        rf"{_NOT_BEFORE}{_Y}-{_M}-{_D}{_NOT_AFTER}",
    )
)


@dataclass(frozen=True)
class PartialDate:
    """A calendar date whose day, or day and month, may be unknown."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValueError(f"year out of range: {self.year}")
        if self.month is None:
            if self.day is not None:
                raise ValueError("a day needs a month")
            return
        if not 1 <= self.month <= 12:
            raise ValueError(f"month out of range: {self.month}")
        if self.day is not None and not 1 <= self.day <= _month_days(self.year, self.month):
            raise ValueError(f"no day {self.day} in {self.year}-{self.month:02d}")

    def iso(self) -> str:
        """'2024-12-30', '2026-03' or '2026', as precise as the text was."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def to_date(self) -> dt.date | None:
        """The date, or None when the day or month is blank."""
        if self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)

    def first_day(self) -> dt.date:
        """The earliest date this partial date can mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        """The latest date this partial date can mean ('2025-02' → 2025-02-28)."""
        month = self.month or 12
        return dt.date(self.year, month, self.day or _month_days(self.year, month))


@dataclass(frozen=True)
class DateMatch:
    """A date found in text: `text[start:end] == raw`."""

    start: int
    end: int
    date: PartialDate
    raw: str


def _month_days(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _to_partial(m: re.Match[str]) -> PartialDate | None:
    groups = m.groupdict()
    try:
        year = int(groups["year"])
        month = int(groups["month"]) if groups.get("month") else None
        day = int(groups["day"]) if groups.get("day") else None
        return PartialDate(year, month, day)
    except ValueError:
        return None


def find_dates(text: str) -> list[DateMatch]:
    """Every date in `text`, left to right, without overlaps.

    >>> [m.date.iso() for m in find_dates("Quyết định 76/2021/NQ-CP ngày 15/7/2021, 2021-2030")]
    ['2021-07-15']
    """
    candidates: list[tuple[int, int, PartialDate | None, str]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            candidates.append((m.start(), m.end(), _to_partial(m), m.group(0)))
    # Earliest first; at one position the longest (most specific) wins. An invalid
    # date ("31/2/2025") still claims its span, so no shorter reading of it survives.
    candidates.sort(key=lambda c: (c[0], c[0] - c[1]))
    kept: list[tuple[int, int, PartialDate | None, str]] = []
    for c in candidates:
        if not kept or c[0] >= kept[-1][1]:
            kept.append(c)
    return [DateMatch(s, e, d, raw) for s, e, d, raw in kept if d is not None]


def parse_date(text: str) -> PartialDate | None:
    """The first date in `text`, or None."""
    matches = find_dates(text)
    return matches[0].date if matches else None
