"""Task tables → task records: tables built in code for each layout rule, then the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract import read_document
from extract.parsers.appendix.cell_lists import cell_items, numbered_items
from extract.parsers.appendix.columns import read_columns
from extract.parsers.appendix.rows import RowDraft, TableState, table_to_drafts
from extract.parsers.appendix.tables import Appendix, appendix_of, parse_appendix
from schemas.diagnostics import Report, WarningCode
from schemas.document import Cell, Paragraph, Table
from schemas.record import Plan, Task
from tests.builders import Spans, make_table
from tests.builders import document as _doc
from tests.conftest import EXPECTED, HEADER_001, HEADER_002, SEEDS


def drafts_of(table: Table, state: TableState | None = None) -> list[RowDraft]:
    columns = read_columns(table)
    assert columns is not None and columns.is_task_table()
    return table_to_drafts(table, columns, state or TableState())




def test_group_rows_give_group_to_the_rows_under_them() -> None:
    """Seed 001: "I | CẢI CÁCH THỂ CHẾ" and "II CẢI CÁCH THỦ TỤC …" alone in the first cell."""
    table = make_table(
        [
            HEADER_001,
            ["I", "CẢI CÁCH THỂ CHẾ", "", "", "", ""],
            [
                "1",
                "Tham mưu xây dựng văn bản QPPL",
                "Nghị quyết",
                "Sở Tư pháp",
                "Các Sở, ban, ngành",
                "Theo yêu cầu",
            ],
            [
                "II CẢI CÁCH THỦ TỤC HÀNH CHÍNH VÀ THỰC HIỆN CƠ CHẾ MỘT CỬA",
                "",
                "",
                "",
                "",
                "",
            ],
            [
                "2",
                "Công bố thủ tục hành chính",
                "Quyết định",
                "Các Sở, ban, ngành",
                "Văn phòng UBND tỉnh",
                "Thường xuyên",
            ],
        ]
    )
    drafts = drafts_of(table)
    assert [(d.no, d.group.no if d.group else None) for d in drafts] == [("1", "I"), ("2", "II")]
    assert drafts[1].group is not None and drafts[1].group.name.startswith("CẢI CÁCH THỦ TỤC")
    assert drafts[0].lead == "Sở Tư pháp" and drafts[1].deadline == "Thường xuyên"


def test_header_repeated_on_each_page_is_not_a_task() -> None:
    table = make_table(
        [
            HEADER_001,
            ["1", "Nhiệm vụ một", "A", "Sở Tư pháp", "", "Trong năm"],
            HEADER_001,
            ["2", "Nhiệm vụ hai", "B", "Sở Nội vụ", "", "Trong năm"],
        ]
    )
    assert [d.no for d in drafts_of(table)] == ["1", "2"]


def test_row_cut_by_a_page_break_is_merged_into_the_row_above() -> None:
    table = make_table(
        [
            HEADER_001,
            [
                "1",
                "Triển khai các quy định về chức danh, tiêu chuẩn",
                "- Văn bản triển khai;",
                "Các Sở, ban,",
                "Sở Nội vụ",
                "Trong năm",
            ],
            ["", "nghiệp vụ công chức, viên chức", "- Báo cáo kết quả", "ngành", "", ""],
            ["2", "Xây dựng kế hoạch", "Kế hoạch", "Sở Nội vụ", "", "Quý I/2025"],
        ]
    )
    drafts = drafts_of(table)
    assert [d.no for d in drafts] == ["1", "2"]
    assert (
        drafts[0].name
        == "Triển khai các quy định về chức danh, tiêu chuẩn nghiệp vụ công chức, viên chức"
    )
    assert drafts[0].outputs == ["Văn bản triển khai", "Báo cáo kết quả"]
    assert drafts[0].lead == "Các Sở, ban, ngành"


def test_row_number_gap_is_recorded_with_its_group() -> None:
    table = make_table(
        [
            HEADER_001,
            ["I", "CẢI CÁCH THỂ CHẾ", "", "", "", ""],
            ["1", "A", "", "Sở Tư pháp", "", "Trong năm"],
            ["2", "B", "", "Sở Tư pháp", "", "Trong năm"],
            ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", "", "", ""],
            ["3", "C", "", "Sở Nội vụ", "", "Trong năm"],
            ["5", "D", "", "Sở Nội vụ", "", "Trong năm"],
            ["III", "CẢI CÁCH TỔ CHỨC BỘ MÁY", "", "", "", ""],
            ["1", "E", "", "Sở Nội vụ", "", "Trong năm"],
        ]
    )
    state = TableState()
    drafts_of(table, state)
    assert state.gaps == ["3 → 5 in group II"]


def test_table_cut_into_several_tables_keeps_group_and_numbering() -> None:
    """The text form of seed 001 repeats the header for each page: one table per page."""
    first = make_table(
        [
            HEADER_001,
            ["I", "CẢI CÁCH THỂ CHẾ", "", "", "", ""],
            ["1", "A", "", "Sở Tư pháp", "", "Trong năm"],
        ]
    )
    second = make_table([HEADER_001, ["2", "B", "", "Sở Tư pháp", "", "Trong năm"]], id="b0003")
    state = TableState()
    drafts = drafts_of(first, state) + drafts_of(second, state)
    assert [(d.no, d.group.no if d.group else None) for d in drafts] == [("1", "I"), ("2", "I")]
    assert state.gaps == []




def _table_002() -> Table:
    """Seed 002 in miniature: an objective spans two tasks; task 2.2 spans two activity rows."""
    rows: list[list[str | None]] = [
        HEADER_002,
        ["I", "CÔNG TÁC TRIỂN KHAI CÁC NHIỆM VỤ CCHC", None, None, None, None, None, None, None],
        [
            "1",
            "1.1. 100% các sở, ban, ngành ban hành kế hoạch CCHC năm 2026",
            "2.1. Ban hành Kế hoạch CCHC năm 2026 của tỉnh",
            "3.1. Các sở, ngành đề xuất mục tiêu 3.2. Sở Nội vụ tổng hợp. "
            "3.3. Chủ tịch UBND tỉnh ban hành",
            "Văn bản, Quyết định",
            "Sở Nội vụ",
            "Các cơ quan liên quan",
            "Tháng 12/2025",
            "Theo dự toán được cấp",
        ],
        [
            None,
            None,
            "2.2. Ban hành Kế hoạch CCHC giai đoạn 2026-2030",
            "3.4. Các sở, ngành đề xuất 3.5. Sở Nội vụ tổng hợp",
            "Quyết định",
            "Sở Nội vụ",
            "Các cơ quan liên quan",
            "Quý I năm 2026",
            "Theo dự toán được cấp",
        ],
        [
            None,
            None,
            None,
            "3.6. Chủ tịch UBND tỉnh ban hành Kế hoạch giai đoạn 2026-2030",
            "",
            "",
            "",
            "",
            "",
        ],
        ["7.2", "Áp dụng ISO 9001:2015", "", "", "", "", "", "", ""],
        [
            "1",
            "1.40. 100% cơ quan duy trì ISO",
            "2.58. Duy trì và cải tiến hệ thống",
            "",
            "Hệ thống",
            "Sở Khoa học và Công nghệ",
            "Các cơ quan, đơn vị",
            "Quý I-IV năm 2026",
            "",
        ],
    ]
    spans: Spans = {(1, 1): (1, 8), (2, 0): (3, 1), (2, 1): (3, 1), (3, 2): (2, 1)}
    return make_table(rows, spans)


def test_one_record_per_activity_with_its_task_and_objective() -> None:
    drafts = drafts_of(_table_002())
    assert [d.no for d in drafts] == ["3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "2.58"]
    first = drafts[0]
    assert first.name == "Các sở, ngành đề xuất mục tiêu"
    assert first.parent == ("2.1", "Ban hành Kế hoạch CCHC năm 2026 của tỉnh")
    assert first.target == "1.1. 100% các sở, ban, ngành ban hành kế hoạch CCHC năm 2026"
    assert (first.lead, first.deadline, first.funding) == (
        "Sở Nội vụ",
        "Tháng 12/2025",
        "Theo dự toán được cấp",
    )
    assert drafts[2].name == "Chủ tịch UBND tỉnh ban hành"
    # the objective spans three rows: task 2.2 and its activities serve it too
    assert drafts[3].parent == ("2.2", "Ban hành Kế hoạch CCHC giai đoạn 2026-2030")
    assert drafts[3].target == first.target


def test_activity_row_with_empty_cells_takes_the_row_above_of_the_same_task() -> None:
    """Seed 002, activity 3.6: the web page lost the merged cells of task 2.2."""
    activity_36 = drafts_of(_table_002())[5]
    assert activity_36.parent is not None and activity_36.parent[0] == "2.2"
    assert (activity_36.lead, activity_36.deadline) == ("Sở Nội vụ", "Quý I năm 2026")


def test_subgroup_row_keeps_the_group_and_numbering_restarts() -> None:
    state = TableState()
    drafts = drafts_of(_table_002(), state)
    iso = drafts[-1]
    assert iso.group is not None and iso.group.no == "I"
    assert iso.subgroup is not None and iso.subgroup.no == "7.2"
    assert iso.parent is None and iso.name == "Duy trì và cải tiến hệ thống"
    assert state.gaps == []


def test_unseen_layout_other_words_other_order_no_row_number() -> None:
    """A table not seen before: "Nội dung công việc | Thời hạn | Đơn vị thực hiện | Đơn vị
    phối hợp", deadline before the agencies, no TT column, a two-row header and a column-number
    row."""
    table = make_table(
        [
            ["Nội dung công việc", "Thời hạn", "Trách nhiệm", None],
            [None, None, "Đơn vị thực hiện", "Đơn vị phối hợp"],
            ["(1)", "(2)", "(3)", "(4)"],
            ["Rà soát thủ tục hành chính", "Quý II/2026", "Văn phòng UBND tỉnh", "Các sở, ngành"],
            ["Tuyên truyền cải cách hành chính", "Năm 2026", "Sở Văn hóa, Thể thao và Du lịch", ""],
        ],
        spans={(0, 0): (2, 1), (0, 1): (2, 1), (0, 2): (1, 2)},
    )
    columns = read_columns(table)
    assert columns is not None
    assert columns.roles == {"task": 0, "deadline": 1, "lead": 2, "support": 3}
    drafts = table_to_drafts(table, columns, TableState())
    assert [(d.no, d.name, d.lead, d.support, d.deadline) for d in drafts] == [
        (None, "Rà soát thủ tục hành chính", "Văn phòng UBND tỉnh", "Các sở, ngành", "Quý II/2026"),
        (
            None,
            "Tuyên truyền cải cách hành chính",
            "Sở Văn hóa, Thể thao và Du lịch",
            "",
            "Năm 2026",
        ),
    ]


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            "- Kế hoạch của UBND tỉnh; - Báo cáo của UBND tỉnh;",
            ["Kế hoạch của UBND tỉnh", "Báo cáo của UBND tỉnh"],
        ),
        (
            "1. Văn bản triển khai thực hiện; 2. Báo cáo kết quả",
            ["Văn bản triển khai thực hiện", "Báo cáo kết quả"],
        ),
        ("Kế hoạch của UBND tỉnh; Báo cáo kết quả", ["Kế hoạch của UBND tỉnh", "Báo cáo kết quả"]),
        (
            "- Báo cáo kết quả định kỳ - Sổ nhật ký đường dây nóng",
            ["Báo cáo kết quả định kỳ", "Sổ nhật ký đường dây nóng"],
        ),
        ("- Kế hoạch phát triển kinh tế - xã hội", ["Kế hoạch phát triển kinh tế - xã hội"]),
        (
            "Các Sở, ban, ngành cấp\ntỉnh, UBND cấp huyện",
            ["Các Sở, ban, ngành cấp tỉnh, UBND cấp huyện"],
        ),
        ("- Nghị quyết của HĐND;\n- Báo cáo kết quả.", ["Nghị quyết của HĐND", "Báo cáo kết quả"]),
    ],
    ids=[
        "dash-items",
        "numbered",
        "semicolons",
        "dash-before-capital",
        "dash-inside-phrase",
        "pdf-wrapped-line",
        "li-lines",
    ],
)
def test_cell_items(text: str, items: list[str]) -> None:
    assert cell_items(Cell(row=0, col=0, text=text, raw=text)) == items


def test_cell_items_from_paragraphs_of_a_docx_cell() -> None:
    blocks = (
        Paragraph(id="p1", text="Kế hoạch; bổ sung", raw=""),
        Paragraph(id="p2", text="Báo cáo", raw=""),
    )
    cell = Cell(row=0, col=0, text="Kế hoạch; bổ sung\nBáo cáo", raw="", blocks=blocks)
    assert cell_items(cell, split_semicolons=False) == ["Kế hoạch; bổ sung", "Báo cáo"]


@pytest.mark.parametrize(
    ("text", "entries"),
    [
        (
            "3.18 Ban hành Kế hoạch kiểm tra CCHC 3.19. Thông báo lịch kiểm tra",
            [("3.18", "Ban hành Kế hoạch kiểm tra CCHC"), ("3.19", "Thông báo lịch kiểm tra")],
        ),
        (
            "3.89. Áp dụng theo TCVN ISO 9001:2015 và mục 3.2 của tiêu chuẩn",
            [("3.89", "Áp dụng theo TCVN ISO 9001:2015 và mục 3.2 của tiêu chuẩn")],
        ),
        ("Tổ chức tập huấn", [(None, "Tổ chức tập huấn")]),
    ],
    ids=["two-activities", "figure-not-a-number", "unnumbered"],
)
def test_numbered_items(text: str, entries: list[tuple[str | None, str]]) -> None:
    assert numbered_items(text) == entries


# --- whole documents: warnings, appendix title, seeds against tests/expected ---------------


def _para(text: str, n: int) -> Paragraph:
    return Paragraph(id=f"p{n:03d}", text=text, raw=text)


def test_appendix_title_gives_the_year_of_deadlines_without_one() -> None:
    """A 2026-2030 plan whose appendix is for 2025 alone: "Trong năm" is 2025."""
    table = make_table([HEADER_001, ["1", "Nhiệm vụ", "", "Sở Tư pháp", "", "Trong năm"]])
    doc = _doc(
        _para("PHỤ LỤC", 1),
        _para("KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025", 2),
        _para("(Kèm theo Quyết định số 12/QĐ-UBND ngày 30/12/2024)", 3),
        table,
    )
    tasks = parse_appendix(
        doc, plan=Plan(year_start=2026, year_end=2030), province="Nghệ An", report=Report()
    )
    assert tasks[0].deadline is not None and str(tasks[0].deadline.end) == "2025-12-31"
    assert appendix_of([_para("PHỤ LỤC", 1), _para("KHUNG NHIỆM VỤ GIAI ĐOẠN 2026-2030", 2)]) == (
        Appendix("PHỤ LỤC KHUNG NHIỆM VỤ GIAI ĐOẠN 2026-2030", 2026, 2030)
    )
    dated = [
        _para("Phụ lục kèm theo Kế hoạch số 12/KH-UBND ngày 5/1/2025", 1),
        _para("NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026", 2),
    ]
    assert (appendix_of(dated).year_start, appendix_of(dated).year_end) == (2026, 2026)


def test_task_record_fields() -> None:
    table = make_table(
        [
            HEADER_001,
            ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", "", "", ""],
            [
                "1",
                "Công khai thủ tục hành chính",
                "- Quyết định công bố;\n- Báo cáo",
                "Các Sở, ban, ngành cấp tỉnh, UBND cấp huyện.",
                "Văn phòng UBND tỉnh",
                "Thường xuyên",
            ],
        ],
        page=14,
    )
    report = Report()
    (task,) = parse_appendix(
        _doc(table), plan=Plan(year_start=2025, year_end=2025), province="Nghệ An", report=report
    )
    assert task.model_dump(exclude={"deadline"}) == Task(
        no="1",
        name="Công khai thủ tục hành chính",
        outputs=["Quyết định công bố", "Báo cáo"],
        lead=["Các sở, ban, ngành cấp tỉnh", "Ủy ban nhân dân cấp huyện"],
        support=["Văn phòng Ủy ban nhân dân tỉnh"],
        group="II",
        area="thu_tuc_hanh_chinh",
        source="table",
        lead_raw="Các Sở, ban, ngành cấp tỉnh, UBND cấp huyện.",
        support_raw="Văn phòng UBND tỉnh",
    ).model_dump(exclude={"deadline"}) | {"loc": {"page": 14, "section": None}}
    assert task.deadline is not None and task.deadline.kind == "ongoing"
    assert report.items == ()


def test_problems_become_warnings() -> None:
    table = make_table(
        [
            HEADER_001 + ["Mức độ ưu tiên"],
            ["1", "A", "", "Sở Tư pháp", "", "Trong năm", "Cao"],
            ["3", "B", "", "Ban Quản lý dự án thần kỳ", "", "khi trời sáng", "Thấp"],
        ]
    )
    report = Report()
    tasks = parse_appendix(
        _doc(table), plan=Plan(year_start=2025, year_end=2025), province="Nghệ An", report=report
    )
    assert len(tasks) == 2
    codes = [w.code for w in report.items]
    assert codes.count(WarningCode.TABLE_COLUMN_UNKNOWN) == 1
    assert WarningCode.TABLE_ROW_NUMBER_GAP in codes
    assert WarningCode.DEADLINE_UNPARSED in codes
    assert WarningCode.AGENCY_UNREGISTERED in codes
    # the name the registry does not know is kept as the lead, not dropped
    assert tasks[1].lead == ["Ban Quản lý dự án thần kỳ"]
    gap = next(w for w in report.items if w.code == WarningCode.TABLE_ROW_NUMBER_GAP)
    assert "1 → 3" in gap.message


def test_tables_that_are_not_task_tables_give_no_tasks() -> None:
    scoring = make_table(
        [["STT", "Đơn vị", "Điểm chuẩn", "Điểm tự đánh giá"], ["1", "Sở Nội vụ", "10", "9"]]
    )
    indicators = make_table(
        [["STT", "Chỉ tiêu", "Kết quả", "Ghi chú"], ["1", "Tỷ lệ hồ sơ đúng hạn", "98%", ""]],
        id="b0003",
    )
    signature = make_table([["Nơi nhận:\n- Như Điều 3;", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"]], id="b0004")
    report = Report()
    doc = _doc(scoring, _para("Một đoạn văn bản ở giữa các bảng biểu", 1), indicators, signature)
    assert parse_appendix(doc, plan=None, province=None, report=report) == []
    assert [w.code for w in report.items] == [WarningCode.TABLE_NOT_TASKS]
    assert "b0003" in report.items[0].message


def test_no_appendix_when_the_text_points_to_one_that_is_missing() -> None:
    doc = _doc(
        _para("(Các nhiệm vụ cụ thể và phân công triển khai thực hiện tại phụ lục kèm theo)", 1)
    )
    report = Report()
    assert parse_appendix(doc, plan=None, province=None, report=report) == []
    assert [w.code for w in report.items] == [WarningCode.NO_APPENDIX]


# --- the seeds against tests/expected/<seed>/tasks.json (checked by hand) -----------------


SEED_PROVINCE = {"001": "Nghệ An", "002": "Hà Tĩnh"}
FORMATS = ["txt", "docx", "pdf"]
# Hand-checked rows whose lead, support or deadline the parser still gets wrong, in every
# format, with what is wrong. A row that goes wrong fails the test; so does a listed row
# that comes out right, until it is taken off this list.
KNOWN_WRONG: dict[str, dict[tuple[object, object], str]] = {
    "001": {
        ("11", None): "support 'Các Sở, ban, ngành, đơn vị liên quan' read as one agency, not two",
    },
    "002": {},
}


def _expected_rows(seed: str) -> tuple[int, list[dict[str, object]]]:
    data = json.loads((EXPECTED / seed / "tasks.json").read_text("utf-8"))
    rows = data["rows"]
    if isinstance(rows, dict):
        rows = [{"no": no, **row} for no, row in rows.items()]
    return int(data["count"]), rows


def _seed_tasks(seed: str, fmt: str) -> list[Task]:
    path = SEEDS[seed] if fmt == "txt" else SEEDS[seed].with_suffix(f".{fmt}")
    if not path.exists():  # committed: a missing sample is a broken checkout, not a skip
        pytest.fail(f"{path} missing (render it with scripts/render_samples.py)")
    doc = read_document(Path(path))
    return parse_appendix(doc, plan=None, province=SEED_PROVINCE[seed], report=Report())


def _index(tasks: list[Task], rows: list[dict[str, object]]) -> dict[tuple[object, object], Task]:
    by_parent = any("parent" in row for row in rows)
    index: dict[tuple[object, object], Task] = {}
    for task in tasks:
        key = (task.no, task.parent.no if task.parent else None) if by_parent else (task.no, None)
        assert key not in index, f"two tasks with the key {key}"
        index[key] = task
    return index


def _structure_problems(task: Task, row: dict[str, object]) -> list[str]:
    problems = []
    prefix = str(row.get("name_prefix") or row.get("name") or "")
    if not task.name.startswith(prefix):
        problems.append(f"name {task.name[:60]!r} does not start with {prefix[:60]!r}")
    checks = {
        "group": task.group,
        "area": task.area,
        "funding": task.funding,
        "outputs": task.outputs,
    }
    problems += [f"{k} {v!r} != {row[k]!r}" for k, v in checks.items() if k in row and v != row[k]]
    if "target_prefix" in row and not (task.target or "").startswith(str(row["target_prefix"])):
        problems.append(f"target {task.target!r} does not start with {row['target_prefix']!r}")
    return problems


def _responsibility_problems(task: Task, row: dict[str, object]) -> list[str]:
    problems = []
    for key, actual in (("lead", task.lead), ("support", task.support)):
        if key in row and sorted(actual) != sorted(row[key]):  # type: ignore[arg-type]
            problems.append(f"{key} {actual} != {row[key]}")
    want = row.get("deadline")
    if isinstance(want, dict):
        got = {
            "kind": task.deadline.kind.value if task.deadline else None,
            "end": str(task.deadline.end) if task.deadline and task.deadline.end else None,
        }
        problems += [f"deadline {k} {got[k]!r} != {want[k]!r}" for k in want if got[k] != want[k]]
    return problems


SEED_FORMATS = [
    pytest.param(seed, fmt, id=f"{seed}-{fmt}") for seed in ("001", "002") for fmt in FORMATS
]


@pytest.mark.parametrize(("seed", "fmt"), SEED_FORMATS)
def test_seed_appendix_matches_the_hand_checked_rows(seed: str, fmt: str) -> None:
    count, rows = _expected_rows(seed)
    tasks = _seed_tasks(seed, fmt)
    assert len(tasks) == count
    index = _index(tasks, rows)
    structure: list[str] = []
    responsibility: dict[tuple[object, object], str] = {}
    for row in rows:
        key = (row["no"], row.get("parent")) if "parent" in row else (row["no"], None)
        task = index.get(key)
        if task is None:
            structure.append(f"task {key}: missing")
            continue
        structure += [f"task {key}: {p}" for p in _structure_problems(task, row)]
        if problems := _responsibility_problems(task, row):
            responsibility[key] = "; ".join(problems)
    assert structure == []
    known = KNOWN_WRONG[seed]
    new = {key: problem for key, problem in responsibility.items() if key not in known}
    assert not new, f"rows newly wrong: {new}"
    fixed = sorted(set(known) - set(responsibility), key=str)
    assert not fixed, f"rows now right: take {fixed} off KNOWN_WRONG"


def test_table_continued_after_an_unrecognised_page_footer() -> None:
    """A PDF page footer the reader kept as body text sits between the two halves of a
    table; the second half has no header but its row numbers go on from the first half."""
    first = make_table(
        [
            HEADER_001,
            ["I", "CẢI CÁCH THỂ CHẾ", "", "", "", ""],
            ["1", "A", "", "Sở Tư pháp", "", "Trong năm"],
        ]
    )
    second = make_table([["2", "B", "", "Sở Nội vụ", "", "Trong năm"]], id="b0004", page=2)
    footer = _para("Kế hoạch cải cách hành chính năm 2025 - trang 1", 3)
    report = Report()
    tasks = parse_appendix(
        _doc(first, footer, second), plan=None, province="Nghệ An", report=report
    )
    assert [(t.no, t.group, t.loc.page) for t in tasks] == [("1", "I", 1), ("2", "I", 2)]
    assert report.items == ()


def test_row_labels_with_a_stop_or_a_letter() -> None:
    table = make_table(
        [
            HEADER_001,
            ["1.", "A", "", "Sở Tư pháp", "", "Trong năm"],
            ["a)", "A một", "", "Sở Tư pháp", "", "Trong năm"],
            ["2)", "B", "", "Sở Nội vụ", "", "Trong năm"],
        ]
    )
    state = TableState()
    assert [d.no for d in drafts_of(table, state)] == ["1", "a", "2"]
    assert state.gaps == []


def test_hierarchical_table_with_empty_cells_instead_of_merged_ones() -> None:
    """A reader that loses vertical merges leaves the TT, objective and task cells of the
    lower rows empty: those rows go on with the item above."""
    rows = [
        HEADER_002,
        [
            "1",
            "1.8. 100% nội dung được quy định chi tiết",
            "2.16. Ban hành các văn bản QPPL",
            "3.27. Rà soát và lập danh mục",
            "Danh mục",
            "Các Sở, ban, ngành cấp tỉnh",
            "Sở Tư pháp",
            "Hàng tháng",
            "",
        ],
        [
            "",
            "",
            "",
            "3.28. Tổng hợp kết quả rà soát",
            "Danh mục",
            "Sở Tư pháp",
            "Các Sở, ban, ngành cấp tỉnh",
            "Hàng tháng",
            "",
        ],
        [
            "2",
            "1.9. 100% văn bản QPPL đúng thẩm quyền",
            "2.17. Đảm bảo về thẩm quyền",
            "3.31. Ban hành Kế hoạch",
            "Kế hoạch",
            "Sở Tư pháp",
            "",
            "Tháng 01/2026",
            "",
        ],
    ]
    drafts = drafts_of(make_table(rows))
    assert [(d.no, d.parent[0] if d.parent else None) for d in drafts] == [
        ("3.27", "2.16"),
        ("3.28", "2.16"),
        ("3.31", "2.17"),
    ]
    assert drafts[1].target == "1.8. 100% nội dung được quy định chi tiết"
    assert (drafts[1].lead, drafts[1].support) == ("Sở Tư pháp", "Các Sở, ban, ngành cấp tỉnh")
    assert drafts[2].support == ""


@pytest.mark.parametrize(
    ("heading", "leads"),
    [
        (
            "GIÁM ĐỐC CÁC SỞ, THỦ TRƯỞNG CÁC BAN, NGÀNH; CHỦ TỊCH UBND CẤP XÃ",
            ["Các sở, ban, ngành cấp tỉnh", "Ủy ban nhân dân cấp xã"],
        ),
        ("UBND các xã, phường, đặc khu", ["Ủy ban nhân dân cấp xã"]),
        ("Sở Nội vụ", ["Sở Nội vụ"]),
        ("CẢI CÁCH THỂ CHẾ", []),
    ],
)
def test_a_group_heading_naming_agencies_gives_them_to_rows_without_a_lead(
    heading: str, leads: list[str]
) -> None:
    table = make_table(
        [
            HEADER_001,
            ["III", heading, None, None, None, None],
            ["1", "Xây dựng kế hoạch cải cách hành chính", "Kế hoạch", "", "", "Quý I/2026"],
            ["2", "Tự đánh giá Chỉ số", "Báo cáo", "Sở Tư pháp", "", "Quý IV/2026"],
        ],
        {(1, 1): (1, 5)},
    )
    tasks = parse_appendix(
        _doc(table), plan=Plan(year_start=2026, year_end=2026), province="Hà Tĩnh", report=Report()
    )
    assert [t.lead for t in tasks] == [leads, ["Sở Tư pháp"]]
