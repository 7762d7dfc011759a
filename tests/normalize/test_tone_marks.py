"""Tone marks moved to the government's placement, never anything else changed."""

from __future__ import annotations

import pytest

from normalize.text import fold_key
from normalize.tone_marks import government_tone_marks

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
