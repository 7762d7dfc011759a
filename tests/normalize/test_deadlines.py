"""normalize.deadlines against tests/cases/deadlines.yaml (every seed cell, contract examples)."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from normalize.deadlines import parse_deadline, split_clauses
from schemas.codes import DeadlineKind
from tests.conftest import load_cases

CASES = load_cases("deadlines.yaml")


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _expected_iso(value: dt.date | str | None) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else value


@pytest.mark.parametrize(
    "case", CASES, ids=[(c["raw"] or "<empty>") + (" [NFD]" if c.get("nfd") else "") for c in CASES]
)
def test_deadline(case: dict) -> None:
    raw = unicodedata.normalize("NFD", case["raw"]) if case.get("nfd") else case["raw"]
    d = parse_deadline(raw, plan_year=case["plan_year"])
    got = {
        "kind": d.kind.value,
        "start": _iso(d.start),
        "end": _iso(d.end),
        "recurrence": d.recurrence.value if d.recurrence else None,
        "parts": len(d.parts),
    }
    want = {
        "kind": case["kind"],
        "start": _expected_iso(case["start"]),
        "end": _expected_iso(case["end"]),
        "recurrence": case["recurrence"],
        "parts": case["parts"],
    }
    assert got == want
    if case.get("part_kinds"):
        assert [p.kind.value for p in d.parts] == case["part_kinds"]


def test_every_case_names_its_source() -> None:
    assert all(c.get("source") for c in CASES)


def test_raw_is_the_cell_without_bullets() -> None:
    d = parse_deadline("- Theo yêu cầu\n- Định kỳ quý", plan_year=2025)
    assert d.raw == "Theo yêu cầu; Định kỳ quý"
    assert [p.raw for p in d.parts] == ["Theo yêu cầu", "Định kỳ quý"]


def test_raw_keeps_the_words_as_written() -> None:
    assert parse_deadline("Quý II– IV năm 2026", plan_year=2026).raw == "Quý II– IV năm 2026"


def test_split_clauses_items_semicolons_and_bullets() -> None:
    assert split_clauses("A tháng 01/2025;  B; C\n- D") == [
        "A tháng 01/2025",
        "B",
        "C",
        "D",
    ]


def test_split_clauses_joins_a_wrapped_line() -> None:
    assert split_clauses("Theo hướng dẫn của\nVăn phòng Chính phủ") == [
        "Theo hướng dẫn của Văn phòng Chính phủ"
    ]
    assert split_clauses("Thường xuyên\nHàng tháng") == ["Thường xuyên", "Hàng tháng"]


def test_part_dates_of_before_list() -> None:
    d = parse_deadline("Trước 7 và tháng 11/2025", plan_year=2025)
    assert [_iso(p.end) for p in d.parts] == ["2025-06-30", "2025-10-31"]
    assert all(p.kind is DeadlineKind.MONTH and p.start is None for p in d.parts)


def test_half_parts_share_the_written_year() -> None:
    d = parse_deadline("06 tháng đầu năm, 06 tháng cuối năm 2025", plan_year=2030)
    assert [(_iso(p.start), _iso(p.end)) for p in d.parts] == [
        ("2025-01-01", "2025-06-30"),
        ("2025-07-01", "2025-12-31"),
    ]


def test_plan_year_fills_a_missing_year() -> None:
    assert _iso(parse_deadline("Quý II", plan_year=2027).end) == "2027-06-30"
    assert parse_deadline("Quý II", plan_year=None).end is None


PHRASINGS = load_cases("deadline_phrasings.yaml")


def test_the_phrasing_table_is_large_and_sourced() -> None:
    assert len(PHRASINGS) >= 150
    assert all(c.get("source") for c in PHRASINGS)
    assert len({c["raw"] for c in PHRASINGS}) == len(PHRASINGS)


@pytest.mark.parametrize("case", PHRASINGS, ids=[c["raw"] for c in PHRASINGS])
def test_deadline_phrasing(case: dict) -> None:
    d = parse_deadline(case["raw"], plan_year=case["plan_year"])
    got = (d.kind.value, _iso(d.start), _iso(d.end), d.recurrence.value if d.recurrence else None)
    want = (case["kind"], case["start"], case["end"], case["recurrence"])
    assert got == want
