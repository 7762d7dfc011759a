"""normalize.header_terms: the header's vocabulary (motto, positions, casing)."""

from __future__ import annotations

import pytest

from normalize.header_terms import (
    government_case,
    is_motto,
    is_signed_marker,
    preamble_opener,
    split_trailing_position,
    strip_official_title,
)


@pytest.mark.parametrize(
    ("text", "motto"),
    [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
        ("CÔNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT", True),
        ("CHỦ NGHĨA VIỆT NAM", True),
        ("Độc lập - Tự do - Hạnh phúc", True),
        ("ĐẢNG CỘNG SẢN VIỆT NAM", True),
        ("ỦY BAN NHÂN DÂN", False),
        ("TỈNH NGHỆ AN", False),
        ("SỞ NỘI VỤ", False),
    ],
    ids=str,
)
def test_is_motto(text: str, motto: bool) -> None:
    assert is_motto(text) is motto


@pytest.mark.parametrize(
    ("text", "province", "cased"),
    [
        ("PHÓ CHỦ TỊCH", None, "Phó Chủ tịch"),
        ("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", "Nghệ An", "Ủy ban nhân dân tỉnh Nghệ An"),
        ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", None, "Sở Văn hóa, Thể thao và Du lịch"),
        ("BAN THƯỜNG VỤ", None, "Ban Thường vụ"),
        ("KẾ HOẠCH CCHC NĂM 2026", None, "Kế hoạch CCHC năm 2026"),
        ("ĐẠI HỘI LẦN THỨ XX", None, "Đại hội lần thứ XX"),
    ],
    ids=str,
)
def test_government_case(text: str, province: str | None, cased: str) -> None:
    assert government_case(text, province=province) == cased


def test_split_trailing_position_prefers_the_longest() -> None:
    assert split_trailing_position("T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ") == (
        "T/M BAN THƯỜNG VỤ",
        "Phó Bí thư",
    )
    assert split_trailing_position("BAN THƯỜNG VỤ") == ("BAN THƯỜNG VỤ", None)


@pytest.mark.parametrize(
    ("line", "body"),
    [
        ("CHÁNH VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH", "VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH"),
        ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"),
        ("GIÁM ĐỐC SỞ NỘI VỤ", "SỞ NỘI VỤ"),
        ("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", None),
    ],
    ids=str,
)
def test_strip_official_title(line: str, body: str | None) -> None:
    assert strip_official_title(line) == body


def test_openers_and_markers() -> None:
    assert preamble_opener("Căn cứ Luật Tổ chức chính quyền địa phương") is not None
    assert preamble_opener("Theo đề nghị của Giám đốc Sở Nội vụ") is not None
    assert preamble_opener("- Thực hiện Nghị định số 118/2025/NĐ-CP") is None
    assert is_signed_marker("*(ký)*") and is_signed_marker("(Đã ký)")
    assert not is_signed_marker("(Đ/c Phúc)")
