"""Tone marks moved to the government's placement, never anything else changed."""

from __future__ import annotations

import pytest

from normalize.text import fold_key
from normalize.tone_marks import government_tone_marks, may_move

# (as written, as the government writes it): old-style placement from many provinces' files
CASES = [
    ("Uỷ ban nhân dân xã Hoà Bình", "Ủy ban nhân dân xã Hòa Bình"),
    ("Trung tâm Văn hoá - Thể thao huyện", "Trung tâm Văn hóa - Thể thao huyện"),
    ("Ban Quản lý dự án thuỷ lợi", "Ban Quản lý dự án thủy lợi"),
    ("Trung tâm Kiểm soát bệnh tật tỉnh Khánh Hoà", "Trung tâm Kiểm soát bệnh tật tỉnh Khánh Hòa"),
    ("Bệnh viện Đa khoa khu vực Quỳnh Lưu", "Bệnh viện Đa khoa khu vực Quỳnh Lưu"),
    ("Phòng Giáo dục thành phố Thanh Hoá", "Phòng Giáo dục thành phố Thanh Hóa"),
    ("Hội Nông dân xã Thuỵ Hương", "Hội Nông dân xã Thụy Hương"),
    ("Trạm Khuyến nông huyện Hoà Vang", "Trạm Khuyến nông huyện Hòa Vang"),
    ("Trung tâm Chăm sóc sức khoẻ sinh sản", "Trung tâm Chăm sóc sức khỏe sinh sản"),
    ("Đăng ký đất đai (chi nhánh Hoà Thành)", "Đăng ký đất đai (chi nhánh Hòa Thành)"),
    ("Trung tâm CNTT&TT, Sở KH&CN", "Trung tâm CNTT&TT, Sở KH&CN"),
    ("Công ty TNHH MTV Xổ số kiến thiết", "Công ty TNHH MTV Xổ số kiến thiết"),
    ("Sở Số", "Sở Số"),
    ("Phòng 2, tầng 3", "Phòng 2, tầng 3"),
]


@pytest.mark.parametrize(("written", "expected"), CASES)
def test_tone_marks_as_the_government_places_them(written: str, expected: str) -> None:
    placed = government_tone_marks(written)
    assert placed == expected
    # only placement moves: the comparison key, spacing and punctuation are the same
    assert fold_key(placed) == fold_key(written)
    assert len(placed) == len(written)


def test_an_unregistered_name_is_kept_with_the_governments_tone_marks() -> None:
    from normalize.agencies import parse_agency_cell
    from schemas.codes import AgencyKind

    cell = parse_agency_cell("Trung tâm Dịch vụ nông nghiệp huyện Hoà Vang", province="Đà Nẵng")
    kept = [a for a in cell.agencies if a.kind is AgencyKind.UNREGISTERED]
    assert [a.name for a in kept] == ["Trung tâm Dịch vụ nông nghiệp huyện Hòa Vang"]
    assert kept[0].mentions == ["Trung tâm Dịch vụ nông nghiệp huyện Hoà Vang"]


def test_the_prefilter_lets_through_every_word_underthesea_moves() -> None:
    """`may_move` keeps words away from underthesea (and its import): it must not keep
    away any word of underthesea's table whose mark it would move."""
    import re

    from underthesea.pipeline.text_normalize.text_normalizer import token_map

    from normalize.text import nfc
    from normalize.tone_marks import _placed

    words = {nfc(k) for k in token_map if re.fullmatch(r"[^\W\d_]+", nfc(k))}
    moved = [w for w in words if _placed(w) != w]
    assert len(moved) > 2000  # the table was read: old-style and misplaced marks
    assert [w for w in moved if not may_move(w)] == []


@pytest.mark.parametrize(
    ("word", "may"),
    [
        ("Hoà", True), ("Thuỷ", True), ("khoẻ", True), ("hoá", True), ("Uỷ", True),
        ("Hòa", False), ("Thủy", False), ("Ủy", False), ("huyện", False), ("người", False),
        ("của", False), ("ngoài", False), ("quả", False), ("giường", False), ("tỉnh", False),
        ("khuỷu", False), ("Việt", False), ("hoàn", False), ("Nghệ", False), ("Thanh", False),
    ],
)
def test_may_move_flags_old_placements_only(word: str, may: bool) -> None:
    assert may_move(word) is may
