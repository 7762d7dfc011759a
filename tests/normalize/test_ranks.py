"""normalize.ranks: rank targets and award rules, as provinces write them."""

from __future__ import annotations

import pytest

from normalize.ranks import find_ranks, is_award_rule


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chỉ số CCHC của tỉnh thuộc nhóm 20 địa phương có Chỉ số cao nhất cả nước",
            [(20.0, "địa phương")],
        ),
        ("Chỉ số SIPAS xếp hạng trong top 10 cả nước", [(10.0, "địa phương")]),
        ("Chỉ số PAR INDEX nằm trong nhóm 10 tỉnh dẫn đầu", [(10.0, "tỉnh")]),
        ("phấn đấu Chỉ số PCI thuộc nhóm 15 tỉnh, thành phố đứng đầu", [(15.0, "tỉnh, thành phố")]),
        ("đưa Chỉ số chuyển đổi số (DTI) vào nhóm 20 địa phương dẫn đầu", [(20.0, "địa phương")]),
        ("Sở Nội vụ thuộc nhóm 5 đơn vị dẫn đầu khối sở, ngành", [(5.0, "đơn vị")]),
        ("lọt vào Top 30 cả nước", [(30.0, "địa phương")]),
        ("Chỉ số hài lòng đạt trên 95%", []),
        ("thuộc nhóm nhiệm vụ trọng tâm năm 2026", []),
        ("trong nhóm 2 có 05 đơn vị", []),  # a group's number, not a rank
        ("Chỉ số PAPI trong top 20 cả nước", [(20.0, "địa phương")]),
    ],
)
def test_find_ranks(text: str, expected: list[tuple[float, str]]) -> None:
    ranks = find_ranks(text)
    assert [(r.value, r.unit) for r in ranks] == expected
    assert all(r.metric == "rank" and r.comparator == "<=" for r in ranks)


@pytest.mark.parametrize(
    ("text", "award"),
    [
        ("Cơ quan, đơn vị được xét tặng Bằng khen khi xếp trong nhóm 5 đơn vị dẫn đầu", True),
        ("đơn vị đạt từ 90 điểm trở lên được xét khen thưởng", True),
        ("Xếp loại Tốt khi đạt từ 80 điểm đến dưới 90 điểm", True),
        ("mỗi tiêu chí không đạt bị trừ 0,5 điểm", True),
        ("Tập thể đạt 95 điểm trở lên được tặng Giấy khen của Giám đốc Sở", True),
        ("100% hồ sơ khen thưởng được giải quyết đúng hạn", False),
        ("Tỷ lệ hài lòng đạt trên 95%", False),
    ],
)
def test_is_award_rule(text: str, award: bool) -> None:
    assert is_award_rule(text) is award
