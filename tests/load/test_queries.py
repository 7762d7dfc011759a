"""compare and audit over records built in code (the parsers are tested elsewhere)."""

from __future__ import annotations

import pytest

from load.audit import audit_citations
from load.db import make_engine, upgrade
from load.loader import load_record
from load.queries import compare_pivot, compare_targets
from schemas import Citation, Comparator, Loc
from tests.load.factories import make_record


@pytest.fixture
def engine(sqlite_url: str):  # type: ignore[no-untyped-def]
    engine = make_engine(sqlite_url)
    upgrade(engine)
    return engine


def _load(engine, *records) -> None:  # type: ignore[no-untyped-def]
    for r in records:
        with engine.begin() as conn:
            load_record(conn, r)


def test_compare_names_each_value_and_its_document(engine) -> None:  # type: ignore[no-untyped-def]
    _load(engine, make_record(), make_record(number="3369/QĐ-UBND", province="Hà Tĩnh",
                                             content="ht", year=2026))
    frame = compare_targets(engine, indicator="satisfaction_procedures")
    rows = {(r.province, r.document): r.value for r in frame.itertuples()}
    assert rows == {("Nghệ An", "3667/QĐ-UBND"): "> 95%", ("Hà Tĩnh", "3369/QĐ-UBND"): "> 95%"}


def test_two_documents_of_one_province_that_disagree_both_show(engine) -> None:  # type: ignore[no-untyped-def]
    other = make_record(number="99/KH-UBND", content="other")
    other = other.model_copy(update={"targets": [other.targets[0].model_copy(
        update={"value": 90.0, "comparator": Comparator.GE})]})
    _load(engine, make_record(), other)
    pivot = compare_pivot(compare_targets(engine, province="Nghệ An"))
    cell = pivot.loc[("satisfaction_procedures", "Nghệ An", "Ủy ban nhân dân tỉnh Nghệ An"), 2025]
    assert cell == "> 95% [3667/QĐ-UBND] | ≥ 90% [99/KH-UBND]"


def test_filters_are_bound_parameters(engine) -> None:  # type: ignore[no-untyped-def]
    _load(engine, make_record())
    assert compare_targets(engine, province="x' OR '1'='1").empty
    assert len(compare_targets(engine, province="Nghệ An")) == 1


def _with_citations(record, *citations):  # type: ignore[no-untyped-def]
    return record.model_copy(update={"citations": list(citations)})


def _cit(number: str, date: str, issuer: str, symbol: str, year: int) -> Citation:
    return Citation(raw=f"Nghị định số {number}", doc_type="nghi_dinh", number=number,
                    serial=number.split("/")[0], year=year, symbol=symbol, issuer=issuer,
                    date=date, role="basis", loc=Loc(page=1))


def _government_only(symbol: str, issuer: str) -> bool | None:
    return issuer == "Chính phủ" if symbol == "NĐ-CP" else None


def test_audit_flags_inconsistent_citations(engine) -> None:  # type: ignore[no-untyped-def]
    a = _with_citations(make_record(content="a"),
                        _cit("30/2020/NĐ-CP", "2020-03-05", "Chính phủ", "NĐ-CP", 2020),
                        _cit("45/2025/NĐ-CP", "2026-02-01", "Bộ Nội vụ", "NĐ-CP", 2025))
    b = _with_citations(make_record(number="5/QĐ-UBND", content="b", issued="2025-06-01"),
                        _cit("30/2020/NĐ-CP", "2020-03-15", "Chính phủ", "NĐ-CP", 2020))
    _load(engine, a, b)
    report = audit_citations(engine, issuer_matches=_government_only)
    checks = {(r.check, r.cited) for r in report.inconsistent.itertuples()}
    assert ("different_dates", "30/2020/NĐ-CP (2020)") in checks
    assert ("issuer_contradicts_symbol", "45/2025/NĐ-CP (2025)") in checks
    assert ("year_contradicts_date", "45/2025/NĐ-CP (2025)") in checks
    assert ("cited_after_citing", "45/2025/NĐ-CP (2025)") in checks
    assert len(report.unresolved) == 3
    top = report.most_cited.iloc[0]
    assert (top["cited"], top["citing_documents"]) == ("30/2020/NĐ-CP (2020)", 2)


def test_consistent_citations_are_not_flagged(engine) -> None:  # type: ignore[no-untyped-def]
    a = _with_citations(make_record(content="a"),
                        _cit("30/2020/NĐ-CP", "2020-03-05", "Chính phủ", "NĐ-CP", 2020))
    _load(engine, a)
    report = audit_citations(engine, issuer_matches=_government_only)
    assert report.inconsistent.empty
