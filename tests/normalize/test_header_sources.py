"""normalize.header_sources: draft stamps, the e-signature note's time (issue 14).
Site furniture is tested in test_site_furniture.py."""

from __future__ import annotations

import datetime as dt

import pytest

from normalize.header_sources import is_draft_stamp, signature_date


@pytest.mark.parametrize(
    ("text", "stamp"),
    [
        ("DỰ THẢO", True),
        ("Dự thảo", True),
        ("Dự thảo lần 2", True),
        ("DỰ THẢO LẦN 3", True),
        ("DỰ THẢO 3", True),
        ("(Dự thảo)", True),
        ("Dự thảo ngày 12/3/2025", True),
        ("Dự thảo Kế hoạch cải cách hành chính", False),
        ("Lấy ý kiến dự thảo Quy chế làm việc", False),
        ("Về việc góp ý dự thảo", False),
    ],
)
def test_draft_stamp(text: str, stamp: bool) -> None:
    assert is_draft_stamp(text) is stamp


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Thời gian ký: 13/11/2025 15:53:50", dt.date(2025, 11, 13)),
        ("Thời gian ký: 09.02.2026 08:01:02 +07:00", dt.date(2026, 2, 9)),
        ("Ngày ký: 5-1-2026", dt.date(2026, 1, 5)),
        ("Thời gian ký: 31/02/2026 10:00:00", None),  # no such day
        ("Ký bởi: Sở Nội vụ", None),
        ("ngày 13/11/2025 Sở Nội vụ nhận được", None),
    ],
)
def test_signature_date(text: str, date) -> None:
    assert signature_date(text) == date
