"""clean_line: markup and table residue off a line, whatever the reader left around it;
a line without markup only has its spaces folded."""

from __future__ import annotations

import pytest

from extract.parsers.header.lines import clean_line

CASES = [
    ("## QUYẾT ĐỊNH", "QUYẾT ĐỊNH"),
    ("**Điều 1.** Ban hành kèm theo", "Điều 1. Ban hành kèm theo"),
    ("Số: 1234/KH-UBND |", "Số: 1234/KH-UBND"),
    ("| ỦY BAN NHÂN DÂN | ", "ỦY BAN NHÂN DÂN"),
    ("> Kính gửi: Sở Nội vụ", "Kính gửi: Sở Nội vụ"),
    ("__KẾ HOẠCH__", "KẾ HOẠCH"),
    ("\u00a0 *Độc lập - Tự do - Hạnh phúc*\u2003", "Độc lập - Tự do - Hạnh phúc"),
    ("#12/QĐ-UBND", "#12/QĐ-UBND"),  # "#" without a space is no heading mark
    ("tỷ lệ 5 * 3", "tỷ lệ 5 * 3"),  # a lone star between spaces stays
    ("Hà  Nội,\tngày 05 tháng 3 năm 2026 ", "Hà Nội, ngày 05 tháng 3 năm 2026"),
    ("tên_biến", "tên_biến"),
    ("   ", ""),
    ("", ""),
]


@pytest.mark.parametrize(("line", "expected"), CASES)
def test_clean_line(line: str, expected: str) -> None:
    assert clean_line(line) == expected
