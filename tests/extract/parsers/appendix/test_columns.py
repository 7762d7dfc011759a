"""Column roles of task tables: header words → role (cases in tests/cases/columns.yaml)."""

from __future__ import annotations

import pytest

from extract.parsers.appendix.columns import column_role, is_column_number_row, read_columns
from schemas.document import Table
from tests.builders import Spans, make_table
from tests.conftest import load_cases

CASES = load_cases("columns.yaml")


@pytest.mark.parametrize("case", CASES, ids=[c["header"].replace("\n", " ") for c in CASES])
def test_column_role(case: dict[str, str | None]) -> None:
    assert column_role(str(case["header"])) == case["role"]


def _table(rows: list[list[str | None]], spans: Spans | None = None) -> Table:
    return make_table(rows, spans, id="b0001", page=None)


def test_two_row_header_takes_the_lower_words() -> None:
    """ "Cơ quan thực hiện" spans "Chủ trì | Phối hợp": the lower row decides each column."""
    table = _table(
        [
            ["TT", "Nhiệm vụ", "Cơ quan thực hiện", None, "Thời hạn"],
            [None, None, "Chủ trì", "Phối hợp", None],
            ["1", "Ban hành kế hoạch", "Sở Nội vụ", "Các sở, ngành", "Quý I/2026"],
        ],
        spans={(0, 0): (2, 1), (0, 1): (2, 1), (0, 2): (1, 2), (0, 4): (2, 1)},
    )
    columns = read_columns(table)
    assert columns is not None
    assert columns.roles == {"no": 0, "task": 1, "lead": 2, "support": 3, "deadline": 4}
    assert columns.body_start == 2
    assert columns.is_task_table()


def test_column_number_row_under_the_header_is_skipped() -> None:
    table = _table(
        [
            ["STT", "Nội dung công việc", "Đơn vị thực hiện", "Thời gian"],
            ["(1)", "(2)", "(3)", "(4)"],
            ["1", "Tuyên truyền", "Sở Nội vụ", "Năm 2026"],
        ]
    )
    columns = read_columns(table)
    assert columns is not None and columns.body_start == 2 and columns.number_row


def test_unknown_header_is_reported() -> None:
    table = _table(
        [["TT", "Nhiệm vụ", "Chủ trì", "Mức độ ưu tiên"], ["1", "A", "Sở Nội vụ", "Cao"]]
    )
    columns = read_columns(table)
    assert columns is not None and columns.unknown == ("Mức độ ưu tiên",)


@pytest.mark.parametrize(
    ("rows", "task_table", "close"),
    [
        (
            [["STT", "Đơn vị", "Điểm chuẩn", "Điểm tự đánh giá"], ["1", "Sở Nội vụ", "10", "9"]],
            False,
            False,
        ),
        (
            [
                ["STT", "Đơn vị được kiểm tra", "Thời gian kiểm tra"],
                ["1", "Sở Xây dựng", "Tháng 7/2026"],
            ],
            False,
            False,
        ),
        ([["Nơi nhận:", "KT. CHỦ TỊCH"], ["- Như trên;", "PHÓ CHỦ TỊCH"]], False, False),
        ([["STT", "Chỉ tiêu", "Kết quả", "Ghi chú"], ["1", "Tỷ lệ", "95%", ""]], False, True),
        (
            [
                ["TT", "Nội dung", "Trách nhiệm thực hiện", "Thời gian"],
                ["1", "Giải đáp", "Sở Công Thương", "2026"],
            ],
            True,
            False,
        ),
        (
            [
                ["Số hiệu:", "3667/QĐ-UBND", "Loại văn bản:", "Quyết định"],
                ["Nơi ban hành:", "Tỉnh Nghệ An", "Người ký:", "Lê Hồng Vinh"],
                ["Ngày ban hành:", "30/12/2024", "Ngày hiệu lực:", "30/12/2024"],
            ],
            False,
            False,
        ),
        (
            [
                ["ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
                ["Số: 3667/QĐ-UBND", "Nghệ An, ngày 30 tháng 12 năm 2024"],
            ],
            False,
            False,
        ),
    ],
    ids=[
        "scoring",
        "inspection-schedule",
        "signature",
        "indicator-table",
        "tuyen-truyen-plan",
        "legal-site-metadata",
        "decision-header",
    ],
)
def test_which_tables_are_task_tables(
    rows: list[list[str | None]], task_table: bool, close: bool
) -> None:
    columns = read_columns(_table(rows))
    assert (columns is not None and columns.is_task_table()) is task_table
    assert (columns is not None and columns.looks_close()) is close


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["(1)", "(2)", "(3)", "(4)"], True),
        (["1", "2", "3"], True),
        (["1", "Tuyên truyền", "Sở"], False),
        (["3", "2", "1"], False),
    ],
)
def test_is_column_number_row(texts: list[str], expected: bool) -> None:
    assert is_column_number_row(texts) is expected


def test_a_body_row_naming_roles_is_not_a_header() -> None:
    """A table continued from the previous page starts with a body row whose cells contain
    role words ("kết quả", "chủ trì", "phối hợp"): it has a row number, so it is no header."""
    table = _table(
        [
            ["5", "Xây dựng kế hoạch", "Báo cáo kết quả", "Sở Nội vụ chủ trì", "Các sở phối hợp"],
            ["6", "Tổ chức kiểm tra", "Biên bản", "Sở Nội vụ", "Các sở"],
        ]
    )
    assert read_columns(table) is None
