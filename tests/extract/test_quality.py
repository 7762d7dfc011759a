"""quality.score means something (issue 17): checked against the golden headers of the
seeds, and against the same record made worse one way at a time."""

from __future__ import annotations

import json
from functools import cache

import pytest

from extract.quality import HEADER_FIELDS, assess_quality, quality_score
from schemas.diagnostics import WarningCode, WarningItem
from schemas.record import ExtractResult, Header, ParentDocument
from tests.conftest import EXPECTED, SEEDS
from tests.load.factories import make_record
from vanban import extract_record


@cache
def _seed(seed: str) -> ExtractResult:
    return extract_record(SEEDS[seed])


def _score(record: ExtractResult) -> float:
    return quality_score(assess_quality(record))


def _golden_missing(seed: str) -> list[str]:
    golden = json.loads((EXPECTED / seed / "header.json").read_text(encoding="utf-8"))
    missing = [f for f in HEADER_FIELDS if golden.get(f) in (None, "")]
    signer = golden.get("signer") or {}
    return [*missing, *([] if signer.get("name") else ["signer"])]


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_header_checks_agree_with_the_golden_header(seed: str) -> None:
    record = _seed(seed)
    missing = _golden_missing(seed)
    checks = {c.name: c for c in record.quality.checks}
    assert checks["header_fields"].passed is (not missing)
    if missing:
        assert checks["header_fields"].detail == "missing: " + ", ".join(missing)
    # seed 004 has no header at all (golden): low; the others lack at most the number
    if len(missing) * 2 > len(HEADER_FIELDS) + 1:
        assert record.quality.score <= 0.4
    else:
        assert record.quality.score >= 0.85


def test_an_attachment_does_not_miss_a_number_or_date_of_its_own() -> None:
    seeded = _seed("001")
    parent = ParentDocument(doc_type="quyet_dinh", number="1424/QĐ-UBND", raw="(Kèm theo …)")
    bare = seeded.document.model_copy(update={"number": None, "issued_date": None})
    for attached_to, missing in ((None, ["number", "issued_date"]), (parent, [])):
        doc = bare.model_copy(update={"attached_to": attached_to})
        checks = {c.name: c for c in assess_quality(seeded.model_copy(update={"document": doc}))}
        detail = checks["header_fields"].detail or ""
        assert [f for f in ("number", "issued_date") if f in detail] == missing


WORSE = [WarningCode.AGENCY_UNKNOWN, WarningCode.DEADLINE_UNPARSED,
         WarningCode.TABLE_COLUMN_UNKNOWN, WarningCode.SECTION_NUMBER_GAP,
         WarningCode.TARGET_INDICATOR_UNKNOWN, WarningCode.NO_TEXT_LAYER]


@pytest.mark.parametrize("code", WORSE, ids=str)
@pytest.mark.parametrize("seed", ["001", "002"])
def test_a_record_with_errors_scores_lower(seed: str, code: WarningCode) -> None:
    # the seed as it would read without any warning of this code, then with one
    seeded = _seed(seed)
    record = seeded.model_copy(update={"warnings": [w for w in seeded.warnings if w.code != code]})
    worse = record.model_copy(update={"warnings": [
        *record.warnings, WarningItem(code=code, message="x", page=1)]})
    assert _score(worse) < _score(record)


@pytest.mark.parametrize("seed", ["000", "001", "002", "003"])
def test_a_record_without_its_header_scores_low(seed: str) -> None:
    record = _seed(seed).model_copy(update={"document": Header()})
    assert _score(record) <= 0.4


def test_a_record_with_no_content_scores_lowest() -> None:
    empty = make_record().model_copy(update={"sections": [], "targets": [], "tasks": [],
                                             "citations": []})
    assert _score(empty) <= 0.1


def _unknown(code: WarningCode, n: int) -> list[WarningItem]:
    return [WarningItem(code=code, message=f"x{i}") for i in range(n)]


@pytest.mark.parametrize(("code", "few", "most"), [
    (WarningCode.AGENCY_UNKNOWN, 1, 6),  # the factory's task names 3 agencies
    (WarningCode.TABLE_COLUMN_UNKNOWN, 1, 9),  # and fills 6 kinds of column
])
def test_most_not_understood_costs_more_than_a_few(code: WarningCode, few: int,
                                                   most: int) -> None:
    record = make_record()
    some = _score(record.model_copy(update={"warnings": _unknown(code, few)}))
    lots = _score(record.model_copy(update={"warnings": _unknown(code, most)}))
    assert _score(record) > some > lots
