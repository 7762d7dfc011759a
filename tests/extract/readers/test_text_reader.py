"""The Markdown / plain-text reader on the five seeds, and its line rules.

Expected values below were checked by hand against the seed files (line numbers
given); counts of headings against `grep -c '^## '` and the like.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract import read_document
from extract.readers.text import read_text, split_segments
from extract.readers.text_lines import join_lines
from extract.readers.text_markdown import read_markdown_line
from extract.readers.text_pipe import parse_flat_pipe
from extract.source import make_source
from schemas.diagnostics import WarningCode
from schemas.document import Cell, Document, Paragraph, Table
from tests.conftest import HEADER_001, HEADER_002, SEEDS, load_cases


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    return {seed: read_document(path) for seed, path in SEEDS.items()}


def _headings(doc: Document) -> Counter[int]:
    return Counter(p.style.heading_level for p in doc.paragraphs() if p.style.heading_level)


def _para(doc: Document, start: str) -> Paragraph:
    return next(p for p in doc.paragraphs() if p.text.startswith(start))


def _cell(table: Table, row: int, col: int) -> Cell:
    found = table.grid()[row][col]
    assert found is not None
    return found


def _row_of(table: Table, tt: str, nth: int = 0) -> int:
    """The row where the nth anchor cell of the first column with text `tt` starts."""
    rows = sorted(c.row for c in table.cells if c.col == 0 and c.text == tt)
    return rows[nth]


# --- line rules -----------------------------------------------------------------------


@pytest.mark.parametrize("case", load_cases("markdown_marks.yaml"), ids=lambda c: c["line"])
def test_markdown_marks(case: dict) -> None:
    marked = read_markdown_line(case["line"])
    assert (marked.text, marked.bold, marked.italic, marked.heading_level) == (
        case["text"],
        case["bold"],
        case["italic"],
        case["heading_level"],
    )


@pytest.mark.parametrize("case", load_cases("line_joining.yaml"), ids=lambda c: c["id"])
def test_line_joining(case: dict) -> None:
    runs = list(split_segments(case["lines"], markdown=case["markdown"]))
    assert len(runs) == 1
    paragraphs = join_lines(runs[0].lines, markdown=case["markdown"])
    assert [" ".join(p.text.split()) for p in paragraphs] == case["paragraphs"]


def test_line_indented_with_a_tab_is_text(tmp_path: Path) -> None:
    path = tmp_path / "indent.txt"
    path.write_text(
        "\tCăn cứ Luật Tổ chức chính quyền địa phương;\nTT\tNhiệm vụ\n1\tRà soát", "utf-8"
    )
    doc = read_text(path, source=make_source(path, "txt"))
    assert [b.kind for b in doc.blocks] == ["paragraph", "table"]
    assert doc.blocks[0].text == "Căn cứ Luật Tổ chức chính quyền địa phương;"


# --- format sniffing, headings, bold --------------------------------------------------


@pytest.mark.parametrize(
    ("seed", "fmt"), [("000", "md"), ("001", "md"), ("002", "txt"), ("003", "txt"), ("004", "txt")]
)
def test_format_sniffed_from_content(docs: dict[str, Document], seed: str, fmt: str) -> None:
    assert docs[seed].source.format == fmt


def test_heading_levels_seed_000(docs: dict[str, Document]) -> None:
    # grep -c '^## ' → 4, '^### ' → 9, '^#### ' → 16, '^##### ' → 5
    assert _headings(docs["000"]) == {2: 4, 3: 9, 4: 16, 5: 5}


def test_heading_levels_seed_001(docs: dict[str, Document]) -> None:
    assert _headings(docs["001"]) == {2: 3, 3: 11, 4: 7}


def test_heading_text_without_marks(docs: dict[str, Document]) -> None:
    heading = _para(docs["001"], "2. Cải cách thủ tục hành chính")
    assert heading.style.heading_level == 3
    assert heading.style.bold is True
    assert heading.raw == "### **2. Cải cách thủ tục hành chính**"


def test_article_with_bold_label_is_not_bold(docs: dict[str, Document]) -> None:
    article = _para(docs["001"], "Điều 1.")
    assert article.text == (
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính "
        "Nhà nước tỉnh Nghệ An năm 2025."
    )
    assert article.style.bold is False


def test_bold_lines_and_hard_breaks_seed_001(docs: dict[str, Document]) -> None:
    assert _para(docs["001"], "PHỤ LỤC").style.bold is True
    title = _para(docs["001"], "KẾ HOẠCH TRIỂN KHAI CÁC NHIỆM VỤ")
    assert title.text == "KẾ HOẠCH TRIỂN KHAI CÁC NHIỆM VỤ VỀ CẢI CÁCH HÀNH CHÍNH NĂM 2025"
    basis = _para(docs["001"], "(Ban hành kèm theo Quyết định số 3667")
    assert basis.text.endswith("ngày 30 tháng 12 năm 2024 của Ủy ban nhân dân tỉnh Nghệ An)")
    assert _para(docs["001"], "ỦY BAN NHÂN DÂN").text == "ỦY BAN NHÂN DÂN"


def test_plain_text_bold_unknown_unless_marked(docs: dict[str, Document]) -> None:
    assert _para(docs["003"], "I. MỤC ĐÍCH, YÊU CẦU").style.bold is None
    signer = _para(docs["003"], "T/M BAN THƯỜNG VỤ")
    assert signer.style.bold is True
    assert signer.raw == "**T/M BAN THƯỜNG VỤ"


def test_block_ids_in_reading_order(docs: dict[str, Document]) -> None:
    ids = [b.id for b in docs["002"].blocks]
    assert ids == [f"b{i:04d}" for i in range(1, len(ids) + 1)]


# --- paragraph joining on the seeds ---------------------------------------------------


def test_seed_004_paragraphs_joined(docs: dict[str, Document]) -> None:
    doc = docs["004"]
    # 6 numbered parts, 11 numbered items, 11 "Mục tiêu", 11 "Nhiệm vụ", 13 "+" bullets,
    # and the 4 cells of the table fragment after 3.2 (lines 167-181)
    assert len(list(doc.paragraphs())) == 56
    task = _para(doc, "- Nhiệm vụ: Thường xuyên đôn đốc")
    assert task.text == (
        "- Nhiệm vụ: Thường xuyên đôn đốc, kịp thời thực hiện đúng thời hạn các báo cáo "
        "định kỳ Quý II, III, IV, báo cáo 06 tháng và báo cáo năm về cải cách hành chính, "
        "kiểm soát thủ tục hành chính và các báo cáo đột xuất (nếu có)."
    )
    assert task.raw.count("\n") == 2  # the three source lines (blank lines dropped)


def test_seed_004_glyphs_repaired_with_warning(docs: dict[str, Document]) -> None:
    doc = docs["004"]
    heading = _para(doc, "1.3. Thực hiện các nhiệm vụ")
    assert heading.text == "1.3. Thực hiện các nhiệm vụ được Chính phủ, Thủ tướng Chính phủ giao"
    assert "ƣ" in heading.raw
    assert not any("ƣ" in p.text or "Ƣ" in p.text for p in doc.paragraphs())
    warnings = [w for w in doc.warnings if w.code == WarningCode.GLYPHS_REPAIRED]
    assert len(warnings) == 1
    # ƣ on lines 43, 67, 198 (twice: "đƣợc", "NGƢỜI" counts once as Ƣ) — 4 ƣ + 1 Ƣ
    assert warnings[0].message == "5 PDF glyph errors repaired (e.g. 'đƣợc')"


def test_seeds_without_glyph_errors_have_no_warning(docs: dict[str, Document]) -> None:
    assert all(not docs[s].warnings for s in ("000", "001", "002", "003"))


def test_seed_003_page_break_joined(docs: dict[str, Document]) -> None:
    item = _para(docs["003"], "- Lãnh đạo, chỉ đạo rà soát, hệ thống hóa")
    assert "bảo đảm tính hợp hiến, hợp pháp, đồng bộ, thống nhất" in item.text
    title = _para(docs["003"], "lãnh đạo thực hiện công tác")
    assert title.text == "lãnh đạo thực hiện công tác cải cách hành chính giai đoạn 2026-2030"


# --- seed 001: the TSV appendix -------------------------------------------------------


@pytest.fixture(scope="module")
def appendix_001(docs: dict[str, Document]) -> Table:
    tables = list(docs["001"].tables())
    assert len(tables) == 1
    return tables[0]


def test_seed_001_one_table_six_columns(appendix_001: Table) -> None:
    assert (appendix_001.n_cols, appendix_001.header_rows) == (6, 1)
    header = [c for c in appendix_001.cells if c.row == 0]
    assert [c.text for c in header] == HEADER_001
    assert all(c.header for c in header)
    assert not any(c.header for c in appendix_001.cells if c.row > 0)


def test_seed_001_numbered_rows_and_groups(appendix_001: Table) -> None:
    first_col = [row[0] for row in appendix_001.row_texts()[1:]]
    numbers = [t for t in first_col if t.isdigit()]
    groups = [t for t in first_col if not t.isdigit()]
    assert numbers == [str(n) for n in range(1, 46)]
    assert groups == ["I", "II", "III", "IV", "V", "VI", "VII"]
    assert appendix_001.n_rows == 1 + 45 + 7


def test_seed_001_group_rows_span_the_row(appendix_001: Table) -> None:
    row = _row_of(appendix_001, "II")
    title = _cell(appendix_001, row, 1)
    assert (title.col, title.col_span) == (1, 5)
    assert title.text == (
        "CẢI CÁCH THỦ TỤC HÀNH CHÍNH VÀ THỰC HIỆN CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG"
    )
    assert title.blocks and title.blocks[0].style.bold is True
    first = _cell(appendix_001, _row_of(appendix_001, "I"), 1)
    assert (first.text, first.col_span, first.raw) == (
        "CẢI CÁCH THỂ CHẾ",
        5,
        "<b>CẢI CÁCH THỂ CHẾ</b>",
    )


def test_seed_001_list_items_become_paragraphs(appendix_001: Table) -> None:
    output = _cell(appendix_001, _row_of(appendix_001, "1"), 2)
    assert output.text == (
        "- Nghị quyết của HĐND, Quyết định của UBND;\n- Báo cáo kết quả theo định kỳ hàng quý."
    )
    assert [b.text for b in output.blocks] == output.text.split("\n")
    assert output.raw.startswith('<ul style="list-style-type: none">')
    deadline = _cell(appendix_001, _row_of(appendix_001, "1"), 5)
    assert deadline.lines == ["- Theo yêu cầu", "- Định kỳ quý"]


def test_seed_001_hand_checked_cells(appendix_001: Table) -> None:
    two = appendix_001.row_texts()[_row_of(appendix_001, "2")]
    assert two[5] == "Kế hoạch xây dựng tháng 01/2025; Báo cáo theo tiến độ kế hoạch và định kỳ"
    twelve = appendix_001.row_texts()[_row_of(appendix_001, "12")]
    assert twelve[3] == "Các Sở Tài nguyên Môi trường, Xây dựng, Kế hoạch và Đầu tư"
    assert twelve[5] == "Trước 7 và tháng 11/2025"
    last = appendix_001.row_texts()[_row_of(appendix_001, "45")]
    assert last[4] == ""
    assert last[5] == "Theo yêu cầu của Chính phủ. Bộ, ngành Trung ương"


# --- seed 002: pipe tables ------------------------------------------------------------


@pytest.fixture(scope="module")
def tables_002(docs: dict[str, Document]) -> list[Table]:
    return list(docs["002"].tables())


def test_seed_002_tables(tables_002: list[Table]) -> None:
    # metadata, then header + signature tables twice (the page repeats), then the appendix
    assert [(t.n_rows, t.n_cols) for t in tables_002] == [
        (7, 2),
        (2, 2),
        (1, 2),
        (2, 2),
        (1, 2),
        (88, 9),
    ]
    assert tables_002[0].row_texts()[0] == ["Số hiệu", "3369/QĐ-UBND"]
    assert (
        tables_002[1].row_texts()
        == tables_002[3].row_texts()
        == [
            ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
            ["Số: 3369/QĐ-UBND", "Hà Tĩnh, ngày 31 tháng 12 năm 2025"],
        ]
    )
    assert tables_002[2].row_texts() == [["", "KT. CHỦ TỊCH"]]


@pytest.fixture(scope="module")
def appendix_002(tables_002: list[Table]) -> Table:
    return tables_002[-1]


def test_seed_002_appendix_header(appendix_002: Table) -> None:
    assert appendix_002.header_rows == 1
    assert appendix_002.row_texts()[0] == HEADER_002


def test_seed_002_merged_tt_objective_task(appendix_002: Table) -> None:
    # group I, row 1: objective 1.1 with tasks 2.1–2.10 (11 rows: 2.2 has two activities)
    tt = _cell(appendix_002, 2, 0)
    objective = _cell(appendix_002, 2, 1)
    assert (tt.text, tt.row_span) == ("1", 11)
    assert objective.text.startswith("1.1. 100% các sở, ban, ngành cấp tỉnh")
    assert objective.row_span == 11
    task = _cell(appendix_002, 3, 2)
    assert task.text.startswith("2.2. Ban hành Kế hoạch CCHC giai đoạn 2026-2030")
    assert task.row_span == 2
    assert _cell(appendix_002, 4, 3).text.startswith("3.6. Chủ tịch UBND tỉnh")
    # group II row 1: task 2.16 has activities 3.27–3.30
    row = _row_of(appendix_002, "1", nth=1)
    assert _cell(appendix_002, row, 2).text.startswith("2.16.")
    assert _cell(appendix_002, row, 2).row_span == 4
    assert [_cell(appendix_002, row + k, 3).text[:5] for k in range(4)] == [
        "3.27.",
        "3.28.",
        "3.29.",
        "3.30.",
    ]


def test_seed_002_merged_cells_on_the_right(appendix_002: Table) -> None:
    # group III rows 5 and 6 (lines 635-647) end with "||||": lead, support, deadline and
    # funding are those of row 4
    row4 = _row_of(appendix_002, "4", nth=2)
    lead = _cell(appendix_002, row4, 5)
    assert (lead.text, lead.row_span) == ("Các Sở, ban, ngành; UBND cấp xã", 3)
    assert appendix_002.row_texts()[row4 + 1][:2] == ["5", appendix_002.row_texts()[row4 + 1][1]]
    assert appendix_002.row_texts()[row4 + 2][5] == "Các Sở, ban, ngành; UBND cấp xã"


def test_seed_002_activity_numbers(appendix_002: Table) -> None:
    activities = [row[3] for row in appendix_002.row_texts()[1:] if row[3][:2] == "3."]
    assert activities[0].startswith("3.1. ")
    assert activities[-1].startswith("3.93. ")
    group_rows = [row[0] for row in appendix_002.row_texts() if row[1] == row[8] != ""]
    assert group_rows == ["I", "II", "III", "IV", "V", "VI", "VII", "7.1", "7.2"]


def test_seed_002_every_grid_position_filled(appendix_002: Table) -> None:
    assert all(cell is not None for row in appendix_002.grid() for cell in row)


# --- flattened pipe rows, synthetic ---------------------------------------------------


def _flat(text: str) -> Table:
    from extract.readers.text_tables import draft_to_table

    draft, _ = parse_flat_pipe(text.split("\n"), 0)
    return draft_to_table(draft, "b0001")


FLAT = """|
TT |
1- Mục tiêu |
2- Nhiệm vụ |
Chủ trì |
|
1 |
1.1. Mục tiêu một |
2.1. Nhiệm vụ một |
Sở Nội vụ |
|
2.2. Nhiệm vụ hai |
Sở Tư pháp |
||
|
2 |
1.2. Mục tiêu hai |
2.3. Nhiệm vụ ba |
||
|
II |
CẢI CÁCH
THỂ CHẾ |
||"""


def test_flat_pipe_rows_rebuild_spans() -> None:
    """Rows short of cells are covered from above, left or right by the cells' shapes."""
    table = _flat(FLAT)
    assert table.row_texts() == [
        ["TT", "1- Mục tiêu", "2- Nhiệm vụ", "Chủ trì"],
        ["1", "1.1. Mục tiêu một", "2.1. Nhiệm vụ một", "Sở Nội vụ"],
        ["1", "1.1. Mục tiêu một", "2.2. Nhiệm vụ hai", "Sở Tư pháp"],
        ["2", "1.2. Mục tiêu hai", "2.3. Nhiệm vụ ba", "Sở Tư pháp"],
        ["II", "CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỂ CHẾ"],
    ]
    assert _cell(table, 1, 0).row_span == 2
    assert _cell(table, 2, 3).row_span == 2
    assert _cell(table, 4, 1).raw == "CẢI CÁCH\nTHỂ CHẾ"


def test_flat_pipe_lone_pipe_inside_row_is_empty_cell() -> None:
    table = _flat("|\nTT |\nA |\nB |\n|\n1 |\n|\nb |")
    assert table.row_texts() == [["TT", "A", "B"], ["1", "", "b"]]
    assert all(c.row_span == 1 for c in table.cells)


# --- any text -------------------------------------------------------------------------

_PIECES = [
    "|",
    "||",
    "|||",
    "a |",
    "1 |",
    "II |",
    "1.2. x |",
    "TT\tA\tB",
    "<b>I</b>\t<b>X</b>\t",
    "",
    "| a | b |",
    "|---|---|",
    "Căn cứ",
    "# Tiêu đề",
    "**Điều 1.**",
    "x\t<ul><li>a</li>",
    "3.1 y",
    "- z",
    "đƣợc",
]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=30))
def test_any_mix_of_lines_reads_into_full_grids(tmp_path: Path, lines: list[str]) -> None:
    """Whatever the lines, reading succeeds and every table covers its whole grid."""
    path = tmp_path / "mix.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    doc = read_text(path, source=make_source(path, "txt"))
    for table in doc.tables():
        assert all(cell is not None for row in table.grid() for cell in row)
    assert all("ƣ" not in p.text for p in doc.paragraphs())


LEGACY_CASES = [
    # (bytes of the file, as an old editor saved them; the Unicode text; encoding)
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam\n".encode("cp1252"),
     "Cộng hoà xã hội chủ nghĩa Việt Nam", "TCVN3"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\n".encode("cp1252"),
     "Cộng hòa xã hội chủ nghĩa Việt Nam", "VNI"),
    ("Uû ban nh©n d©n tØnh NghÖ An\n".encode(), "Uỷ ban nhân dân tỉnh Nghệ An", "TCVN3"),
]


@pytest.mark.parametrize(("data", "expected", "encoding"), LEGACY_CASES,
                         ids=["tcvn3-bytes", "vni-bytes", "tcvn3-mojibake-in-utf8"])
def test_legacy_encoded_text_file_comes_out_as_unicode(tmp_path, data, expected, encoding) -> None:  # type: ignore[no-untyped-def]
    """Old plain-text files of provincial portals hold TCVN3 or VNI codes; the reader
    converts them from the text's own statistics (there is no font name to go by)."""
    path = tmp_path / "old.txt"
    path.write_bytes(data)
    doc = read_text(path, source=make_source(path, "txt"))
    assert [p.text for p in doc.paragraphs()] == [expected]
    assert [w.message for w in doc.warnings] == [
        f"text in a legacy Vietnamese encoding ({encoding}) converted"]


# --- markup in a cell is read here, once: no later stage sees a tag ------------------------


@pytest.mark.parametrize(
    ("raw", "text", "bold"),
    [
        # seed 001's TSV rows (and the pages legal sites export) keep HTML lists in cells
        (
            '<ul style="list-style-type: none"> <li>- Theo yêu cầu</li>'
            " <li>- Định kỳ quý</li> </ul>",
            "- Theo yêu cầu\n- Định kỳ quý",
            False,
        ),
        ("<p>A tháng 01/2025;  B</p><p>C</p>", "A tháng 01/2025; B\nC", False),
        ("<b>I</b>", "I", True),
        ("<strong>CẢI CÁCH THỂ CHẾ</strong>", "CẢI CÁCH THỂ CHẾ", True),
        # tags the cell parser used to take off later, and character references
        ('<font face="Times New Roman">Quý II/2025</font>', "Quý II/2025", False),
        ("Sở KH&amp;ĐT", "Sở KH&ĐT", False),
        ("Sở Nội vụ &#8211; Sở Tư pháp", "Sở Nội vụ – Sở Tư pháp", False),
        # text without markup is left as it is
        ("Tỷ lệ <5% hồ sơ trễ hạn", "Tỷ lệ <5% hồ sơ trễ hạn", None),
        ("Sở A & Sở B", "Sở A & Sở B", None),
    ],
    ids=str,
)
def test_cell_markup_is_read_by_the_reader(raw: str, text: str, bold: bool | None) -> None:
    from extract.readers.text_tables import html_cell

    cell = html_cell(raw)
    assert (cell.text, cell.bold) == (text, bold)
    assert "<" not in cell.text.replace("<5%", "")


def test_pipe_table_cells_lose_their_markup_too(tmp_path: Path) -> None:
    path = tmp_path / "pipe.md"
    path.write_text(
        "| TT | Nhiệm vụ | Chủ trì | Thời gian |\n"
        "|---|---|---|---|\n"
        "| 1 | Rà soát <b>thủ tục</b> | Sở KH&amp;ĐT | Quý II/2025 |\n",
        encoding="utf-8",
    )
    table = next(b for b in read_document(path).blocks if isinstance(b, Table))
    texts = [c.text for c in table.cells]
    assert "Rà soát thủ tục" in texts
    assert "Sở KH&ĐT" in texts


def test_an_abbreviation_before_a_semicolon_is_no_character_reference() -> None:
    from extract.readers.text_tables import html_cell

    cell = html_cell("Các sở: TN&MT, GD&ĐT, NN&PTNT;")
    assert (cell.text, cell.bold, cell.paragraphs) == ("Các sở: TN&MT, GD&ĐT, NN&PTNT;", None, [])
