"""normalize.citations: the phrasings of tests/cases/citations.yaml, and identities."""

from __future__ import annotations

import pytest

from normalize.citations import citation_identity, clean_serial, find_citations
from normalize.doc_types import doc_type_of, doc_type_of_symbol, issuer_of_symbol
from schemas.codes import DocType
from tests.conftest import load_cases

CASES = load_cases("citations.yaml")


def _fields(match) -> dict:
    return {
        "doc_type": str(match.doc_type) if match.doc_type else None,
        "number": match.number,
        "serial": match.serial,
        "year": match.year,
        "symbol": match.symbol,
        "issuer": match.issuer,
        "date": match.date.iso() if match.date else None,
        "title": match.title,
        "amended_by": match.amended_by,
        "attachment": match.attachment,
    }


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_find_citations(case: dict) -> None:
    found = [_fields(m) for m in find_citations(case["text"])]
    if case.get("none"):
        assert found == []
        return
    assert len(found) == len(case["expected"]), found
    for got, want in zip(found, case["expected"], strict=True):
        assert {k: got[k] for k in want} == want


@pytest.mark.parametrize("text", [c["text"] for c in CASES if not c.get("none")][:12])
def test_spans_point_into_the_text(text: str) -> None:
    for m in find_citations(text):
        assert text[m.start : m.end].split() == m.raw.split()


def test_identity_joins_year_in_number_and_year_of_date() -> None:
    a = find_citations("Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ")[0]
    b = find_citations("Nghị quyết số 76/2021/NQ-CP ngày 15 tháng 7 năm 2021")[0]
    assert a.identity() == b.identity()
    assert a.identity() != find_citations("Nghị quyết số 76/NQ-CP ngày 1/2/2022")[0].identity()


def test_identity_reads_party_slash_and_dash_alike() -> None:
    assert citation_identity(DocType.NGHI_QUYET, "5", "NQ-TU", 2021) == citation_identity(
        DocType.NGHI_QUYET, "5", "NQ/TU", 2021
    )


@pytest.mark.parametrize(
    ("raw", "clean"), [("05", "5"), ("0", "0"), ("66.7", "66.7"), ("3667", "3667")]
)
def test_clean_serial(raw: str, clean: str) -> None:
    assert clean_serial(raw) == clean


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Quyết định", "quyet_dinh"),
        ("QUYẾT ĐỊNH", "quyet_dinh"),
        ("QĐ", "quyet_dinh"),
        ("Văn bản", "cong_van"),
        ("Công điện", "cong_dien"),
        ("Chương trình hành động", "chuong_trinh"),
        ("TTr", "to_trinh"),
        ("Kết luận", "ket_luan"),
        ("Sở", None),
    ],
)
def test_doc_type_of(word: str, code: str | None) -> None:
    found = doc_type_of(word)
    assert (str(found) if found else None) == code


@pytest.mark.parametrize(
    ("symbol", "code", "issuer"),
    [
        ("NĐ-CP", "nghi_dinh", "Chính phủ"),
        ("QĐ-TTg", "quyet_dinh", "Thủ tướng Chính phủ"),
        ("CT-TTg", "chi_thi", "Thủ tướng Chính phủ"),
        ("CĐ-TTg", "cong_dien", "Thủ tướng Chính phủ"),
        ("NQ/TW", "nghi_quyet", "Ban Chấp hành Trung ương"),
        ("KL/TW", "ket_luan", "Ban Chấp hành Trung ương"),
        ("NQ-CP", "nghi_quyet", "Chính phủ"),
        ("QH15", None, "Quốc hội"),
        ("BNV-CCHC", "cong_van", "Bộ Nội vụ"),
        ("SNV-CCHC&VTLT", "cong_van", "Sở Nội vụ"),
        ("KH/ĐU", "ke_hoach", "Đảng ủy"),
        ("QÐ-UBND", "quyet_dinh", "Ủy ban nhân dân"),
    ],
)
def test_symbol_parts(symbol: str, code: str | None, issuer: str) -> None:
    found = doc_type_of_symbol(symbol)
    assert (str(found) if found else None) == code
    assert issuer_of_symbol(symbol) == issuer


@pytest.mark.parametrize(
    "number",
    ["3667/QĐ-UBND", "05/2024/NĐ-CP", "83-KH/ĐU", "01/KH-UBND", "66.7/TB-VPCP", "125/2025/QH15"],
    ids=str,
)
def test_a_documents_serial_is_the_one_its_citations_carry(number: str) -> None:
    """The database joins a citation to the cited document on the serial: one rule for both."""
    from normalize.citations import serial_of

    (found,) = find_citations(f"Căn cứ Quyết định số {number} ngày 05/3/2025")
    assert serial_of(number) == found.serial
