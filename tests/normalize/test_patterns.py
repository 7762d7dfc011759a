"""The grammar of list labels: what each stage takes for a label, as plans write them."""

from __future__ import annotations

import re

import pytest

from normalize import patterns as p

# (pattern, text, what the pattern matches, or None)
_CASES: list[tuple[str, str, str | None]] = [
    # readers: a line that opens an item
    ("TEXT_LINE_ITEM", "II. NHIỆM VỤ", "II. "),
    ("TEXT_LINE_ITEM", "IV- Tổ chức thực hiện", "IV- "),
    ("TEXT_LINE_ITEM", "I.", "I."),  # a label alone on its wrapped line
    ("TEXT_LINE_ITEM", "1.2.3. Rà soát", "1.2.3. "),
    ("TEXT_LINE_ITEM", "1.2 Rà soát", "1.2 "),
    ("TEXT_LINE_ITEM", "đ) Sở Nội vụ", "đ) "),
    ("TEXT_LINE_ITEM", "(3) Kiểm tra", "(3)"),
    ("TEXT_LINE_ITEM", "– Các sở, ngành", "– "),
    ("TEXT_LINE_ITEM", "Điều 2. Tổ chức", "Điều 2"),
    ("TEXT_LINE_ITEM", "2025 là năm", None),
    ("TEXT_LINE_ITEM", "Ủy ban nhân dân", None),
    ("PDF_LINE_ITEM", "II. NHIỆM VỤ", "II. "),
    ("PDF_LINE_ITEM", "I.", None),  # a PDF line holds its text: a bare label is no item
    ("PDF_LINE_ITEM", "IV- Tổ chức", None),
    ("PDF_LINE_ITEM", "Phụ lục II", "Phụ lục II"),
    ("PDF_LINE_ITEM", "3) Sở Tư pháp", "3) "),
    # body sections
    ("BODY_ROMAN", "III/ GIẢI PHÁP", "III/ "),
    ("BODY_ROMAN", "C. Sở Tài chính", None),  # a lone C is a letter in body text
    ("BODY_NUMBER", "1.1 Xây dựng", "1.1 "),
    ("BODY_NUMBER", "1 . 2 . Rà soát", "1 . 2 . "),
    ("BODY_NUMBER", "2025 Kế hoạch", None),
    ("BODY_LETTER", "b ) Công khai", "b ) "),
    ("BODY_LETTER_DOT", "a. Cải cách", "a. "),
    ("BODY_LETTER_DOT", "a. tiếp theo", None),
    ("BODY_BULLET", "• Hoàn thành", "• "),
    ("BODY_BULLET", "- - Nội dung", "- - "),
    ("BODY_BULLET", "▪ Nội dung", "▪ "),
    # task tables
    ("ROW_ROMAN_NO", "Phần II", "Phần II"),
    ("ROW_ROMAN_NO", "iv.", "iv."),
    ("ROW_ROMAN_HEADING", "II. CẢI CÁCH THỂ CHẾ", "II. CẢI CÁCH THỂ CHẾ"),
    ("ROW_SUBGROUP_NO", "1.2.", "1.2."),
    ("ROW_LETTER_NO", "Đ)", "Đ)"),
    ("ROW_INTEGER", "12)", "12)"),
    ("COLUMN_NUMBER_PREFIX", "(5) Chủ trì", "(5) "),
    ("COLUMN_NUMBER_PREFIX", "3- Phối hợp", "3- "),
    ("COLUMN_ROW_NUMBER", " XIV. ", " XIV. "),
    ("COLUMN_NUMBER", "(12)", "(12)"),
    ("COLUMN_NUMBER", "(123)", None),
    ("PIPE_ROMAN_NO", "VI.", "VI."),
    ("PIPE_DOTTED_NO", "2.3", "2.3"),
    ("TEXT_GROUP_LABEL", "A.", "A."),
    ("TEXT_GROUP_LABEL", "1.2.", "1.2."),
    ("TEXT_GROUP_LABEL", "12", None),
    # cells and normalizers
    ("CELL_ITEM_START", "- Sở Nội vụ", "- "),
    ("CELL_LEADING_MARK", "5.1. Trung tâm", "5.1. "),
    ("DEADLINE_BULLETS", " - • Quý II", " - • "),
    ("AGENCY_NUMBERING", "1. Sở Tư pháp", "1. "),
    ("AGENCY_NUMBERING", "1.Sở Tư pháp", None),
    ("HEADER_ROMAN_WORD", "XIV", "XIV"),
    ("HEADER_ROMAN_WORD", "I", None),
]


@pytest.mark.parametrize(("name", "text", "expected"), _CASES, ids=str)
def test_pattern_table(name: str, text: str, expected: str | None) -> None:
    pattern: re.Pattern[str] = getattr(p, name)
    match = pattern.match(text)
    assert (match.group(0) if match else None) == expected


@pytest.mark.parametrize("label", ["I", "II", "IV", "IX", "XII", "XXIII"])
def test_every_stage_reads_the_same_roman_numerals(label: str) -> None:
    assert p.PIPE_ROMAN_NO.match(label)
    assert p.TEXT_GROUP_LABEL.match(label)
    assert p.ROW_ROMAN_NO.match(label)
    assert p.COLUMN_ROW_NUMBER.match(label)
    assert p.TEXT_LINE_ITEM.match(f"{label}. Nội dung")
    assert p.PDF_LINE_ITEM.match(f"{label}. Nội dung")


def test_inline_bullets_split_a_cell() -> None:
    text = "Sở Nội vụ - Sở Tư pháp + Sở Tài chính"
    assert [m.group(0) for m in p.CELL_INLINE_BULLET.finditer(text)] == [" - ", " + "]
    assert [m.group(0).strip() for m in p.AGENCY_LIST_DASH.finditer("UBND tỉnh: - Sở A")] == ["-"]
