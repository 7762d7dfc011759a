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


# (pattern, text, what the pattern finds anywhere in the text, or None): the figures of
# dates and document numbers, as headers from many provinces break and garble them
_SEARCH_CASES: list[tuple[str, str, str | None]] = [
    ("HEADER_DATE_OPEN", "Gia Lai, ngày", "Gia Lai, ngày"),
    ("HEADER_DATE_OPEN", "Thành phố Hồ Chí Minh, ngày 5", "Thành phố Hồ Chí Minh, ngày"),
    ("HEADER_DATE_OPEN", "ngày 18 tháng 7", "ngày"),
    ("HEADER_DATE_OPEN", "Số: 12/KH-UBND", None),
    ("HEADER_DATE_REST", "18 tháng 7 năm 2025", "18 "),
    ("HEADER_DATE_REST", "…… tháng 3 năm 2026", "…… "),
    ("HEADER_DATE_REST", "tháng 7 năm 2025", "tháng"),
    ("HEADER_DATE_REST", "Kế hoạch", None),
    ("HEADER_YEAR_AT_END", "Quảng Trị, ngày 14 tháng 3 năm 2025", "năm 2025"),
    ("HEADER_YEAR_AT_END", "Hà Nội, ngày 05/8/2024", "05/8/2024"),
    ("HEADER_YEAR_AT_END", "năm 2125", None),
    ("HEADER_YEAR_AT_END", "ngày 14 tháng 3 năm 2025 về việc", None),
    ("HEADER_PLACE_ALONE", "Bình Thuận,", "Bình Thuận,"),
    ("HEADER_PLACE_ALONE", "Quận 1,", None),
    ("HEADER_DATE_THEN_PLACE", _AFTER := "ngày 14 tháng 3 năm 2025, Quảng Trị", _AFTER),
    ("HEADER_DATE_THEN_PLACE", _AT := "Ngày 2 tháng 1 năm 2024 - tại Cần Thơ", _AT),
    ("HEADER_DATE_THEN_PLACE", "Đà Nẵng, ngày 2 tháng 1 năm 2024", None),
    ("HEADER_DAY_MONTH", "Lâm Đồng, ngày 46 tháng 10 năm 2025", "ngày 46"),
    ("HEADER_DAY_MONTH", "ngày ..... tháng Ÿ năm 2025", "ngày ....."),
    ("HEADER_DAY_MONTH", "ngày tháng năm 2026", None),
    ("HEADER_BLANK_SLOT", "…_. ", "…_. "),
    ("HEADER_BLANK_SLOT", "12", None),
    ("HEADER_NUMBER_WITH_JUNK", "Số: 4⁄6 /QĐ-UBND", "Số: 4⁄6 /QĐ-UBND"),
    ("HEADER_NUMBER_WITH_JUNK", "Số: 3 49/C04-P6", "Số: 3 49/C04-P6"),
    ("HEADER_NUMBER_WITH_JUNK", "Số: 214/KH-UBND ngày 5/3/2025", None),
    ("SIGNATURE_NOTE_DATE", "Thời gian ký: 13/11/2025 15:53:50", "13/11/2025 "),
    ("SIGNATURE_NOTE_DATE", "Ngày ký: 02.01.2024", "02.01.2024"),
    ("SIGNATURE_NOTE_DATE", "Ngày ký: 02/01/1899", None),
    ("OCR_YEAR", "năm 2O25 hoặc 2025", "2025"),
    ("OCR_YEAR", "mã 20251", None),
    ("OCR_GLUED_DATE_WORD", "01năm", ""),
    ("OCR_GLUED_DATE_WORD", "ngày tháng", None),
]


@pytest.mark.parametrize(("name", "text", "expected"), _SEARCH_CASES, ids=str)
def test_date_and_number_pattern_table(name: str, text: str, expected: str | None) -> None:
    pattern: re.Pattern[str] = getattr(p, name)
    match = pattern.search(text)
    assert (match.group(0) if match else None) == expected


@pytest.mark.parametrize(
    ("word", "split"),
    [("ngày46tháng", "ngày 46 tháng"), ("01năm", "01 năm"), ("THÁNG3", "THÁNG 3")],
)
def test_glued_date_words_come_apart(word: str, split: str) -> None:
    assert p.OCR_GLUED_DATE_WORD.sub(" ", word) == split


@pytest.mark.parametrize(
    ("phrases", "text", "found"),
    [
        # the longest phrase is taken where a shorter one opens it
        (["phối hợp", "phối hợp với"], "Sở Nội vụ phối hợp với Sở Tư pháp", "phối hợp với"),
        (["phối hợp với", "phối hợp"], "Sở Nội vụ phối hợp với Sở Tư pháp", "phối hợp với"),
        # any case, any run of white space between words (a wrapped PDF line)
        (["chủ trì"], "Sở Tài chính CHỦ TRÌ, phối hợp", "CHỦ TRÌ"),
        (["được xét tặng"], "sẽ được  xét\ntặng Bằng khen", "được  xét\ntặng"),
        # whole words only; regex characters in a phrase are taken as written
        (["chủ trì"], "chủ trìu mến", None),
        (["Sở KH&ĐT (cũ)"], "giao Sở KH&ĐT (cũ) thực hiện", "Sở KH&ĐT (cũ)"),
    ],
    ids=str,
)
def test_whole_phrases(phrases: list[str], text: str, found: str | None) -> None:
    match = p.whole_phrases(phrases).search(text)
    assert (match.group(0) if match else None) == found
