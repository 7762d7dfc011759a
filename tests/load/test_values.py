"""A target's value as a person writes it (issue 17). Each case is a target the parser
gives for a phrasing, checked by hand against the text it quotes."""

from __future__ import annotations

import pytest

from load.values import human_value, vi_number

CASES = [
    # (phrasing, (comparator, value, value_max, unit, out_of, direction), shown)
    ("Phấn đấu ít nhất có 03 sáng kiến (seed 002)", (">=", 3, None, "sáng kiến", None, None),
     "≥ 3 sáng kiến"),
    ("ít nhất từ 02 đến 03 cuộc đối thoại (seed 002)", (">=", 2, 3, "cuộc", None, None),
     "2–3 cuộc"),
    ("hội nghị truyền hình trực tuyến đến 69/69 xã (seed 002)",
     (">=", 69, None, "xã", 69, None), "69/69 xã"),
    ("Giảm tối thiểu 2,5% chi hỗ trợ trực tiếp (seed 002)",
     (">=", 2.5, None, "%", None, "decrease"), "giảm ≥ 2,5%"),
    ("đạt tối đa 0.5 điểm (seed 004)", (">=", 0.5, None, "điểm", None, None), "≥ 0,5 điểm"),
    ("đạt 3.2 điểm so tổng 3.5 điểm (seed 004)", (">=", 3.2, None, "điểm", 3.5, None),
     "≥ 3,2/3,5 điểm"),
    ("đạt trên 95% (seed 001)", (">", 95, None, "%", None, None), "> 95%"),
    ("không quá 1.500 hồ sơ tồn đọng", ("<=", 1500, None, "hồ sơ", None, None),
     "≤ 1.500 hồ sơ"),
    ("đạt 100% (an exact figure)", ("=", 100, None, "%", None, None), "100%"),
    ("Cắt giảm tối thiểu 30% thời gian (seed 003)", (">=", 30, None, "%", None, "decrease"),
     "giảm ≥ 30%"),
]


@pytest.mark.parametrize(("phrasing", "fields", "shown"), CASES, ids=[c[2] for c in CASES])
def test_value_reads_as_written(phrasing: str, fields: tuple, shown: str) -> None:
    comparator, value, value_max, unit, out_of, direction = fields
    assert human_value(comparator, value, value_max=value_max, unit=unit, out_of=out_of,
                       direction=direction) == shown, phrasing


def test_machine_form_keeps_the_decimal_point() -> None:
    assert human_value(">=", 2.5, unit="%", decimal=".") == "≥ 2.5%"


@pytest.mark.parametrize(("number", "shown"), [(2.5, "2,5"), (95.0, "95"), (1500, "1.500"),
                                                (1234567.25, "1.234.567,25"), (0.05, "0,05")])
def test_vietnamese_numbers(number: float, shown: str) -> None:
    assert vi_number(number) == shown
