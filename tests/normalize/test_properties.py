"""Property tests: the date and deadline normalizers take any string and return data."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from normalize.dates import PartialDate, find_dates, parse_date
from normalize.deadlines import parse_deadline
from schemas.codes import DeadlineKind
from schemas.record import Deadline

# Text that looks like deadline cells: their words, digits, separators and markup,
# so the generator reaches the parsers' branches, not only the "nothing found" one.
_WORDS = [
    "ngày",
    "tháng",
    "năm",
    "quý",
    "Quý",
    "I",
    "II",
    "IV",
    "trước",
    "Trước",
    "đến",
    "và",
    "6",
    "06",
    "12",
    "2025",
    "2026",
    "31",
    "/",
    "-",
    "–",
    ";",
    ",",
    "\n",
    "<li>",
    "</p>",
    "đầu",
    "cuối",
    "Thường xuyên",
    "Hàng",
    "định kỳ",
    "Theo quy định",
    "sau khi",
    " ",
]
cell_text = st.one_of(st.text(), st.lists(st.sampled_from(_WORDS), max_size=12).map(" ".join))
plan_years = st.one_of(st.none(), st.integers(min_value=1900, max_value=2099))
full_dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))


@given(cell_text)
def test_parse_date_returns_a_date_or_none(text: str) -> None:
    result = parse_date(text)
    assert result is None or isinstance(result, PartialDate)


@given(cell_text)
def test_find_dates_spans_are_ordered_slices(text: str) -> None:
    found = find_dates(text)
    assert all(text[m.start : m.end] == m.raw for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


@given(full_dates)
def test_iso_round_trips_through_parse_date(day: dt.date) -> None:
    parsed = parse_date(f"ngày {day.day} tháng {day.month} năm {day.year}")
    assert parsed is not None and parsed.iso() == day.isoformat()
    assert parse_date(parsed.iso()) == parsed
    assert parse_date(f"{day.day:02d}/{day.month:02d}/{day.year}") == parsed


@given(full_dates)
def test_before_a_day_ends_on_that_day(day: dt.date) -> None:
    d = parse_deadline(f"Trước ngày {day.day}/{day.month}/{day.year}", plan_year=None)
    assert (d.kind, d.end) == (DeadlineKind.DATE, day)


@settings(max_examples=300)
@given(cell_text, plan_years)
def test_parse_deadline_always_returns_a_deadline(text: str, plan_year: int | None) -> None:
    d = parse_deadline(text, plan_year=plan_year)
    assert isinstance(d, Deadline)
    assert d.start is None or d.end is None or d.start <= d.end
    if d.parts:
        ends = [p.end for p in d.parts if p.end is not None]
        assert d.end == (max(ends) if ends else d.parts[0].end)


@given(st.integers(min_value=1, max_value=4), st.integers(min_value=1900, max_value=2099))
def test_quarter_bounds(quarter: int, year: int) -> None:
    d = parse_deadline(f"Quý {quarter}/{year}", plan_year=None)
    assert d.kind is DeadlineKind.QUARTER
    assert d.start is not None and d.end is not None
    assert (d.start.month, d.end.month) == (3 * quarter - 2, 3 * quarter)
