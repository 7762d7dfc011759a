"""Which bodies may issue a document with a given symbol (used by the citation audit)."""

from __future__ import annotations

import pytest

from normalize.doc_types import issuer_matches_symbol

CASES = [
    ("NĐ-CP", "Chính phủ", True),
    ("NĐ-CP", "Bộ Nội vụ", False),
    ("QĐ-TTg", "Thủ tướng Chính phủ", True),
    ("QĐ-TTg", "Chính phủ", False),
    ("NQ/TW", "Bộ Chính trị", True),  # 57-NQ/TW of 22/12/2024 is the Politburo's
    ("NQ/TW", "Ban Chấp hành Trung ương", True),
    ("NQ/TW", "Tỉnh ủy Nghệ An", False),
    ("NQ-TU", "Ban Chấp hành Đảng bộ tỉnh Nghệ An", True),
    ("KL/TU", "Ban Thường vụ Tỉnh ủy", True),
    ("QĐ-UBND", "Ủy ban nhân dân tỉnh Hà Tĩnh", True),
    ("QĐ-UBND", "Hội đồng nhân dân tỉnh Hà Tĩnh", False),
    ("NQ-HĐND", "Hội đồng nhân dân tỉnh Hà Tĩnh", True),
    ("XYZ-ABC", "Chính phủ", None),
]


@pytest.mark.parametrize(("symbol", "issuer", "expected"), CASES,
                         ids=[f"{s} {i}" for s, i, _ in CASES])
def test_issuer_matches_symbol(symbol: str, issuer: str, expected: bool | None) -> None:
    assert issuer_matches_symbol(symbol, issuer) is expected
