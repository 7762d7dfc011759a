"""normalize.header_terms: the header's vocabulary (motto, positions, casing)."""

from __future__ import annotations

import pytest

from normalize.header_terms import (
    after_subject_mark,
    government_case,
    is_motto,
    is_signed_marker,
    opens_motto,
    opens_recipients,
    preamble_opener,
    split_trailing_position,
    starts_with_admin_level,
    starts_with_body_head,
    strip_official_title,
)
from normalize.text import fold_key


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


# (what the line opens with, the line, whether it does): whole words, any case and
# tone-mark placement, as headers from many provinces write them
_OPENS = {
    "motto": opens_motto,
    "recipients": opens_recipients,
    "body head": starts_with_body_head,
    "admin level": starts_with_admin_level,
}


@pytest.mark.parametrize(
    ("what", "line", "opens"),
    [
        ("motto", "Độc lập - Tự do - Hạnh phúc", True),
        ("motto", "ĐỘC LẬP – TỰ DO – HẠNH PHÚC", True),
        ("motto", "Độc lập, Tự do, Hạnh phúc", True),
        ("motto", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", False),
        ("recipients", "Nơi nhận:", True),
        ("recipients", "NƠI NHẬN:", True),
        ("recipients", "Nơi nhận: - Như Điều 3;", True),
        ("recipients", "Các nơi nhận văn bản", False),
        ("body head", "SỞ NỘI VỤ", True),
        ("body head", "ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH", True),
        ("body head", "Đảng uỷ xã Tân Phú", True),  # old-style tone mark
        ("body head", "SỞI ĐÁ", False),  # a longer word is not "Sở"
        ("body head", "TỈNH NGHỆ AN", False),
        ("admin level", "TỈNH NGHỆ AN", True),
        ("admin level", "THÀNH PHỐ HỒ CHÍ MINH", True),
        ("admin level", "Thị xã Kỳ Anh", True),
        ("admin level", "SỞ TƯ PHÁP", False),
    ],
    ids=str,
)
def test_lines_open_with_header_words(what: str, line: str, opens: bool) -> None:
    assert _OPENS[what](line) is opens


@pytest.mark.parametrize(
    ("line", "subject"),
    [
        ("V/v triển khai Kế hoạch CCHC", "triển khai Kế hoạch CCHC"),
        ("V/V: góp ý dự thảo Kế hoạch", "góp ý dự thảo Kế hoạch"),
        ("v/v tăng cường kỷ luật", "tăng cường kỷ luật"),
        ("V/v:", None),  # the mark alone: the subject is not on this line
        ("Về việc ban hành Kế hoạch", None),
        ("Vv triển khai", None),
    ],
    ids=str,
)
def test_after_subject_mark(line: str, subject: str | None) -> None:
    assert after_subject_mark(line) == subject


@pytest.mark.parametrize(
    ("line", "opener"),
    [
        ("Căn cứ Luật Tổ chức chính quyền địa phương", "căn cứ"),
        ("CĂN CỨ NGHỊ QUYẾT SỐ 76/NQ-CP", "căn cứ"),
        ("Tiếp tục thực hiện Kế hoạch số 12/KH-UBND", "tiếp tục thực hiện"),
        ("Triển khai thực hiện Quyết định số 1291/QĐ-TTg", "triển khai thực hiện"),
        ("Theo đề nghị của Giám đốc Sở Nội vụ", "theo đề nghị"),
        ("Căn cứu", None),
    ],
    ids=str,
)
def test_preamble_opener_is_the_longest(line: str, opener: str | None) -> None:
    assert preamble_opener(line) == (fold_key(opener) if opener else None)
