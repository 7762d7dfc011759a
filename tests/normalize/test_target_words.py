"""The words that mark a target in a sentence, as plans of many provinces write them."""

from __future__ import annotations

import pytest

from normalize.target_words import names_aim, opens_target_lead_in, subject_pattern


@pytest.mark.parametrize(
    ("text", "aims"),
    [
        ("Phấn đấu ít nhất có 03 sáng kiến về CCHC", True),
        ("100% hồ sơ được giải quyết đúng hạn, tối thiểu 95% trực tuyến", True),
        ("Tỷ lệ hài lòng không dưới 90%", True),
        ("MỤC TIÊU CỤ THỂ", True),
        ("Các chỉ tiêu chủ yếu năm 2025", True),
        ("Tổ chức 02 cuộc đối thoại", False),
        ("Sở Nội vụ chủ trì, phối hợp các sở", False),
        ("Chỉ tiêuchuẩn", False),  # a glued word is not the phrase
    ],
    ids=str,
)
def test_names_aim(text: str, aims: bool) -> None:
    assert names_aim(text) is aims


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("Phấn đấu đến năm 2030:", True),
        ("Mục tiêu cụ thể:", True),
        ("CHỈ TIÊU:", True),
        ("Nhiệm vụ trọng tâm:", False),
        ("Các sở, ngành thực hiện:", False),
    ],
    ids=str,
)
def test_opens_target_lead_in(text: str, targets: bool) -> None:
    assert opens_target_lead_in(text) is targets


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98%", "Tỷ lệ"),
        ("nâng cao Mức độ hài lòng lên 90%", "Mức độ"),
        ("Chỉ số CCHC thuộc nhóm 20 địa phương dẫn đầu", "Chỉ số"),
        ("Giảm 30% thời gian giải quyết", None),
    ],
    ids=str,
)
def test_subject_pattern(text: str, subject: str | None) -> None:
    match = subject_pattern().search(text)
    assert (match.group(0) if match else None) == subject
