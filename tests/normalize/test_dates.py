"""normalize.dates: the forms of tests/cases/dates.yaml plus the matcher's span rules."""

from __future__ import annotations

import datetime as dt

import pytest

from normalize.dates import PartialDate, find_dates, parse_date
from tests.conftest import load_cases

CASES = load_cases("dates.yaml")


@pytest.mark.parametrize("case", CASES, ids=[c["text"] or "<empty>" for c in CASES])
def test_parse_date(case: dict) -> None:
    date = parse_date(case["text"])
    assert (date.iso() if date else None) == case["iso"]


def test_partial_date_iso_and_to_date() -> None:
    assert PartialDate(2024, 12, 30).to_date() == dt.date(2024, 12, 30)
    assert PartialDate(2026, 3).iso() == "2026-03"
    assert PartialDate(2026, 3).to_date() is None
    assert PartialDate(2026).iso() == "2026"


def test_partial_date_bounds() -> None:
    assert PartialDate(2025, 2).last_day() == dt.date(2025, 2, 28)
    assert PartialDate(2024, 2).last_day() == dt.date(2024, 2, 29)
    assert PartialDate(2026).first_day() == dt.date(2026, 1, 1)
    assert PartialDate(2026).last_day() == dt.date(2026, 12, 31)


@pytest.mark.parametrize(
    "args", [(2025, 2, 29), (2025, 13, None), (2025, None, 3), (99, 1, 1)], ids=str
)
def test_partial_date_rejects_impossible(args: tuple) -> None:
    with pytest.raises(ValueError):
        PartialDate(*args)


def test_find_dates_spans_and_order() -> None:
    text = "Nghị quyết số 76/2021/NQ-CP ngày 15/7/2021 và Quyết định ngày 30 tháng 12 năm 2024"
    found = find_dates(text)
    assert [m.date.iso() for m in found] == ["2021-07-15", "2024-12-30"]
    assert [text[m.start : m.end] for m in found] == [m.raw for m in found]
    assert found[1].raw == "ngày 30 tháng 12 năm 2024"


def test_find_dates_decomposed_text_keeps_offsets() -> None:
    # "ngày" and "tháng" with combining tone marks, as some PDF text layers give them
    text = "nga\u0300y 5 tha\u0301ng 6 na\u0306m 2020"
    (match,) = find_dates(text)
    assert (match.start, match.end, match.date.iso()) == (0, len(text), "2020-06-05")


def test_find_dates_counts_seed_header_dates() -> None:
    text = "Quyết định số 5158/QĐ-UBND ngày 30/12/2021; Quyết định 282/QĐ-TTg ngày 12/02/2026"
    assert [m.date.iso() for m in find_dates(text)] == ["2021-12-30", "2026-02-12"]
