"""normalize.provinces against tests/cases/agencies.yaml and the 63 → 34 reorganisation."""

from __future__ import annotations

import datetime as dt

import pytest

from normalize import registry
from normalize.provinces import (
    canonical_province,
    find_province,
    province_successor,
    provinces_on,
)
from tests.conftest import load_cases

CASES = load_cases("agencies.yaml")


@pytest.mark.parametrize(
    "case", CASES["find_province"], ids=[c["text"] for c in CASES["find_province"]]
)
def test_find_province(case: dict) -> None:
    assert find_province(case["text"]) == case["province"]


@pytest.mark.parametrize(
    "case", CASES["canonical_province"], ids=[c["text"] for c in CASES["canonical_province"]]
)
def test_canonical_province(case: dict) -> None:
    assert canonical_province(case["text"]) == case["province"]


@pytest.mark.parametrize(
    "case",
    CASES["province_successor"],
    ids=[f"{c['name']}@{c['as_of']}" for c in CASES["province_successor"]],
)
def test_province_successor(case: dict) -> None:
    assert province_successor(case["name"], as_of=case["as_of"]) == case["successor"]


def test_63_before_and_34_after_the_2025_merger() -> None:
    before = provinces_on(dt.date(2025, 6, 30))
    after = provinces_on(dt.date(2025, 7, 1))
    assert (len(before), len(after)) == (63, 34)
    assert set(after) <= set(before)  # every 2025 unit kept one of the old names


def test_every_vanished_province_has_a_successor() -> None:
    before = set(provinces_on(dt.date(2025, 6, 30)))
    after = set(provinces_on(dt.date(2025, 7, 1)))
    day = dt.date(2025, 7, 1)
    assert {p: province_successor(p, as_of=day) in after for p in before - after} == {
        p: True for p in before - after
    }
    merged_into = {m.new for m in registry.province_mergers() if m.effective_date == day}
    assert len(merged_into) == 23  # 23 of the 34 were formed by a merger (Nghị quyết 202/2025/QH15)
