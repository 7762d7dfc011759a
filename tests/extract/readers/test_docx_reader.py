"""read_docx: Word quirks on synthetic fixtures (tests/builders.py) and real files."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from extract.readers.docx import read_docx
from extract.readers.docx_numbering import format_number, letter, roman
from extract.source import make_source
from schemas.diagnostics import UnreadableFile
from schemas.document import Document, Paragraph, Table
from tests import builders as b
from tests.conftest import HEADER_001, SAMPLES, SEEDS, committed_sample, realdoc


def read(path: Path) -> Document:
    return read_docx(path, source=make_source(path, "docx"))


def paragraphs(doc: Document) -> list[Paragraph]:
    return list(doc.paragraphs())


def tables(doc: Document) -> list[Table]:
    return list(doc.tables())


# --- numbering ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "fmt", "shown"),
    [
        (4, "upperRoman", "IV"),
        (9, "lowerRoman", "ix"),
        (14, "upperRoman", "XIV"),
        (1, "lowerLetter", "a"),
        (26, "lowerLetter", "z"),
        (27, "lowerLetter", "aa"),
        (28, "upperLetter", "BB"),
        (7, "decimalZero", "07"),
        (12, "decimal", "12"),
        (3, "ordinalText", "3"),
    ],
    ids=["IV", "ix", "XIV", "a", "z", "aa", "BB", "07", "12", "unknown-format-decimal"],
)
def test_format_number(n: int, fmt: str, shown: str) -> None:
    assert format_number(n, fmt) == shown


def test_roman_and_letter_helpers_at_edges() -> None:
    assert (roman(1994), letter(52), roman(0)) == ("MCMXCIV", "zz", "0")


def test_roman_decimal_letter_levels_and_deeper_levels_reset(tmp_path: Path) -> None:
    """Word rule: each w:lvl has its own numFmt; when a level advances, the levels below
    it restart. Bug prevented: labels missing from text (python-docx#471), or "II.", then
    "3." instead of "1." for the first item of the second section."""
    doc = b.new_docx()
    b.add_list(
        doc, num_id=40, levels=[("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)")]
    )
    for text, ilvl in [
        ("MỤC TIÊU", 0),
        ("Mục đích", 1),
        ("Yêu cầu", 1),
        ("Rà soát", 2),
        ("Công khai", 2),
        ("NHIỆM VỤ", 0),
        ("Cải cách thể chế", 1),
        ("Xây dựng văn bản", 2),
    ]:
        b.numbered(doc, text, num_id=40, ilvl=ilvl)
    got = [(p.label, p.text, p.style.list_level) for p in paragraphs(read(b.save(doc, tmp_path)))]
    assert got == [
        ("I.", "I. MỤC TIÊU", 0),
        ("1.", "1. Mục đích", 1),
        ("2.", "2. Yêu cầu", 1),
        ("a)", "a) Rà soát", 2),
        ("b)", "b) Công khai", 2),
        ("II.", "II. NHIỆM VỤ", 0),
        ("1.", "1. Cải cách thể chế", 1),
        ("a)", "a) Xây dựng văn bản", 2),
    ]


def test_multilevel_label_text_and_start(tmp_path: Path) -> None:
    """Word rule: lvlText "%1.%2." shows the counters of both levels, each in its own
    format, and w:start sets the first value. Bug prevented: "1." instead of "3.1."."""
    doc = b.new_docx()
    b.add_list(doc, num_id=41, levels=[("decimal", "%1.", 3), ("decimal", "%1.%2.")])
    b.numbered(doc, "Chương", num_id=41, ilvl=0)
    b.numbered(doc, "Điều", num_id=41, ilvl=1)
    b.numbered(doc, "Điều tiếp", num_id=41, ilvl=1)
    labels = [p.label for p in paragraphs(read(b.save(doc, tmp_path)))]
    assert labels == ["3.", "3.1.", "3.2."]


def test_start_override_restarts_shared_counter(tmp_path: Path) -> None:
    """Word rule: w:num instances of one abstractNum share its counters, and a num with
    lvlOverride/startOverride restarts the count the first time it is used; a later
    paragraph of the first num continues from there. Bugs prevented: counting per numId
    (the second list would read 3, 4) and ignoring startOverride."""
    doc = b.new_docx()
    b.add_list(doc, num_id=50, abstract_id=150, levels=[("decimal", "%1.")])
    b.add_num(doc, num_id=51, abstract_id=150, start_overrides={0: 1})
    b.add_num(doc, num_id=52, abstract_id=150, start_overrides={0: 8})
    b.numbered(doc, "một", num_id=50)
    b.numbered(doc, "hai", num_id=50)
    doc.add_paragraph("Đoạn chen giữa hai danh sách.")
    b.numbered(doc, "lại một", num_id=51)
    b.numbered(doc, "lại hai", num_id=51)
    b.numbered(doc, "tám", num_id=52)
    b.numbered(doc, "chín", num_id=50)
    labels = [p.label for p in paragraphs(read(b.save(doc, tmp_path)))]
    assert labels == ["1.", "2.", None, "1.", "2.", "8.", "9."]


def test_numbering_from_paragraph_style(tmp_path: Path) -> None:
    """Word rule: a paragraph without w:numPr is numbered by its style's numPr (heading
    styles of Vietnamese templates carry "I.", "II."), and numId 0 on the paragraph
    switches it off. Bug prevented: section numbers lost when they come from the style."""
    doc = b.new_docx()
    b.add_list(doc, num_id=60, levels=[("upperRoman", "%1.")])
    style = b.style_with_numbering(doc, "Muc La Ma", num_id=60, ilvl=0, bold=True)
    doc.add_paragraph("MỤC ĐÍCH, YÊU CẦU", style=style)
    doc.add_paragraph("NHIỆM VỤ", style=style)
    b.numbered(doc, "Không đánh số", num_id=0, style=style)
    got = [(p.label, p.text, p.style.bold) for p in paragraphs(read(b.save(doc, tmp_path)))]
    assert got == [
        ("I.", "I. MỤC ĐÍCH, YÊU CẦU", True),
        ("II.", "II. NHIỆM VỤ", True),
        (None, "Không đánh số", True),
    ]


def test_builtin_list_number_style_and_bullets(tmp_path: Path) -> None:
    """Word rule: the built-in "List Number" style numbers through its numPr; bullet
    levels show a symbol, which the reader writes as "-". Bug prevented: bullets read
    as private-use glyphs, list items without labels."""
    doc = b.new_docx()
    b.add_list(doc, num_id=61, levels=[("bullet", "\uf0b7")])
    doc.add_paragraph("Thứ nhất", style="List Number")
    doc.add_paragraph("Thứ hai", style="List Number")
    b.numbered(doc, "Sở Nội vụ", num_id=61)
    got = [(p.label, p.text) for p in paragraphs(read(b.save(doc, tmp_path)))]
    assert got == [("1.", "1. Thứ nhất"), ("2.", "2. Thứ hai"), ("-", "- Sở Nội vụ")]


def test_list_counters_run_through_table_cells(tmp_path: Path) -> None:
    """Word rule: a list continues through table cells in document order. Bug
    prevented: a fresh counter inside each cell, or cells skipped by the count."""
    doc = b.new_docx()
    b.add_list(doc, num_id=62, levels=[("decimal", "%1.")])
    b.numbered(doc, "trước bảng", num_id=62)
    table = doc.add_table(rows=1, cols=1)
    cell_para = table.cell(0, 0).paragraphs[0]
    cell_para.add_run("trong bảng")
    cell_para._p.get_or_add_pPr().append(b.num_pr(62, 0))
    b.numbered(doc, "sau bảng", num_id=62)
    read_doc = read(b.save(doc, tmp_path))
    (table_block,) = tables(read_doc)
    assert [p.label for p in paragraphs(read_doc)] == ["1.", "3."]
    assert table_block.cells[0].text == "2. trong bảng"
    assert table_block.cells[0].blocks[0].label == "2."


# --- styles ------------------------------------------------------------------------------


def test_bold_inherited_from_paragraph_and_character_styles(tmp_path: Path) -> None:
    """Word rule: a run is bold when its own w:b, its character style, or its paragraph
    style (through basedOn) says so; w:b w:val="0" on the run switches it off. Bug
    prevented: python-docx's run.bold is None for style-bold runs, so headings made
    bold by "Heading 1" or a custom style read as plain."""
    doc = b.new_docx()
    custom = doc.styles.add_style("Tieu de Muc", 1)
    custom.base_style = doc.styles["Normal"]
    custom.font.bold = True
    derived = doc.styles.add_style("Tieu de Muc Con", 1)
    derived.base_style = custom
    doc.add_paragraph("Kế thừa qua basedOn", style="Tieu de Muc Con")
    doc.add_paragraph("Heading giữ đậm", style="Heading 1")
    para = doc.add_paragraph("", style="Tieu de Muc")
    para.add_run("đậm ")
    para.add_run("không đậm").bold = False
    char = doc.add_paragraph("")
    char.add_run("Chữ đậm nhờ kiểu ký tự", style="Strong")
    got = {p.text: p.style.bold for p in paragraphs(read(b.save(doc, tmp_path)))}
    assert got == {
        "Kế thừa qua basedOn": True,
        "Heading giữ đậm": True,
        "đậm không đậm": False,
        "Chữ đậm nhờ kiểu ký tự": True,
    }


def test_alignment_size_italic_heading_level(tmp_path: Path) -> None:
    """Word rule: w:jc and w:sz (half-points) come from the paragraph, else its style,
    else docDefaults; "both" is justified. Bug prevented: alignment None for text
    centred by its style, sizes in half-points."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = b.new_docx()
    doc.styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("KẾ HOẠCH", style="Title")
    para = doc.add_paragraph("")
    para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    run = para.add_run("Căn cứ Luật Tổ chức chính quyền địa phương")
    run.italic = True
    run.font.size = Pt(13.5)
    doc.add_paragraph("Mục hai", style="Heading 2")
    got = [
        (
            p.style.align,
            p.style.italic,
            p.style.font_size,
            p.style.heading_level,
            p.style.style_name,
        )
        for p in paragraphs(read(b.save(doc, tmp_path)))
    ]
    assert got[0][0] == "center" and got[0][3:] == (0, "Title")
    assert got[1] == ("justify", True, 13.5, None, "Normal")
    assert got[2][3:] == (2, "Heading 2")


def test_empty_paragraphs_skipped_and_ids_in_reading_order(tmp_path: Path) -> None:
    """Ids follow reading order without gaps even when empty paragraphs are dropped."""
    path = b.make_docx(tmp_path, ["Một", "", "   ", "Hai"])
    doc = read(path)
    assert [(blk.id, blk.text) for blk in doc.blocks] == [("b0001", "Một"), ("b0002", "Hai")]


# --- tables ------------------------------------------------------------------------------


def test_vmerge_continuation_gives_one_anchor_cell(tmp_path: Path) -> None:
    """Word rule: <w:vMerge w:val="restart"/> starts a vertical merge and each following
    <w:vMerge/> continues it; python-docx repeats the merged cell in every row. Bug
    prevented: the lead agency repeated as three cells (or counted three times)."""
    doc = b.new_docx()
    table = doc.add_table(rows=4, cols=3)
    b.fill(
        table,
        [
            ["TT", "Nhiệm vụ", "Chủ trì"],
            ["1", "Rà soát", "Sở Tư pháp"],
            ["2", "Công bố", None],
            ["3", "Kiểm tra", None],
        ],
    )
    b.merge(table, (1, 2), (3, 2))
    b.mark_header_rows(table, 1)
    (got,) = tables(read(b.save(doc, tmp_path)))
    lead = [c for c in got.cells if c.col == 2 and c.row > 0]
    assert [(c.row, c.row_span, c.text) for c in lead] == [(1, 3, "Sở Tư pháp")]
    assert len(got.cells) == 3 * 3 + 1
    assert [row[2] for row in got.row_texts()] == ["Chủ trì"] + ["Sở Tư pháp"] * 3
    assert got.header_rows == 1 and all(c.header == (c.row == 0) for c in got.cells)


def test_gridspan_inside_nested_table(tmp_path: Path) -> None:
    """Word rule: a cell may hold a whole table (w:tbl inside w:tc), whose own cells may
    span columns (w:gridSpan). Bug prevented: nested tables flattened into the outer
    cell's text with their spans lost, or a group row counted as several cells."""
    doc = b.new_docx()
    outer = doc.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Phụ lục"
    inner = outer.cell(0, 1).add_table(rows=2, cols=3)
    b.fill(inner, [["I. CẢI CÁCH THỂ CHẾ", None, None], ["1", "Rà soát", "Quý II/2025"]])
    b.merge(inner, (0, 0), (0, 2))
    (got,) = tables(read(b.save(doc, tmp_path)))
    holder = next(c for c in got.cells if c.col == 1)
    nested = [blk for blk in holder.blocks if isinstance(blk, Table)]
    assert len(nested) == 1
    assert (nested[0].n_rows, nested[0].n_cols) == (2, 3)
    assert [(c.row, c.col, c.col_span, c.text) for c in nested[0].cells] == [
        (0, 0, 3, "I. CẢI CÁCH THỂ CHẾ"),
        (1, 0, 1, "1"),
        (1, 1, 1, "Rà soát"),
        (1, 2, 1, "Quý II/2025"),
    ]
    assert nested[0].id.startswith(f"{got.id}.r0c1.")
    assert holder.text.split("\n") == ["I. CẢI CÁCH THỂ CHẾ", "1 | Rà soát | Quý II/2025"]


def test_block_merge_both_directions(tmp_path: Path) -> None:
    """A 2×2 merged block is one cell with row_span 2 and col_span 2."""
    doc = b.new_docx()
    table = doc.add_table(rows=3, cols=3)
    b.fill(table, [["a", "b", "c"], ["d", None, "f"], ["g", None, "i"]])
    b.merge(table, (1, 0), (2, 1))
    (got,) = tables(read(b.save(doc, tmp_path)))
    block = next(c for c in got.cells if (c.row, c.col) == (1, 0))
    assert (block.row_span, block.col_span, len(got.cells)) == (2, 2, 6)


def test_grid_before_row_keeps_columns_aligned(tmp_path: Path) -> None:
    """Word rule: w:gridBefore skips grid columns at the start of a row. Bug prevented:
    a crash, or the row's cells shifted left under the wrong headers."""
    doc = b.new_docx()
    table = doc.add_table(rows=2, cols=3)
    b.fill(table, [["STT", "Đơn vị", "Thời gian"], ["1", "Sở Y tế", "Tháng 8/2026"]])
    b.set_grid_before(table, 1, 1)
    (got,) = tables(read(b.save(doc, tmp_path)))
    assert got.n_cols == 3
    assert got.row_texts()[1] == ["", "Sở Y tế", "Tháng 8/2026"]


def test_cell_keeps_paragraph_lines_and_soft_breaks(tmp_path: Path) -> None:
    """A cell's text is its paragraphs one a line; a soft line break (w:br) is a line too."""
    doc = b.new_docx()
    cell = doc.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].add_run("ỦY BAN NHÂN DÂN").add_break()
    cell.paragraphs[0].add_run("TỈNH LÂM ĐỒNG")
    cell.add_paragraph("Số: /KH-UBND")
    (got,) = tables(read(b.save(doc, tmp_path)))
    assert got.cells[0].text == "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: /KH-UBND"
    assert got.cells[0].lines == ["ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "Số: /KH-UBND"]


# --- unreadable input --------------------------------------------------------------------


def test_not_a_zip_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_text("không phải tệp Word")
    with pytest.raises(UnreadableFile) as info:
        read(path)
    assert info.value.reason == "not a Word .docx file (not a zip package)"


def test_truncated_docx_is_unreadable(tmp_path: Path) -> None:
    whole = b.make_docx(tmp_path, ["Một", "Hai"] * 50, name="whole.docx").read_bytes()
    path = tmp_path / "truncated.docx"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(UnreadableFile) as info:
        read(path)
    assert info.value.reason == "damaged Word .docx file (truncated zip package)"


def test_zip_without_word_document_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "x")
    with pytest.raises(UnreadableFile) as info:
        read(path)
    assert info.value.reason == "not a Word .docx file (no Word document inside)"


def test_broken_document_xml_is_unreadable(tmp_path: Path) -> None:
    good = b.make_docx(tmp_path, ["Một"], name="good.docx")
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(path, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            zout.writestr(name, data[: len(data) // 2] if name == "word/document.xml" else data)
    with pytest.raises(UnreadableFile) as info:
        read(path)
    assert info.value.reason.startswith("damaged Word .docx file (broken XML")


def test_corrupt_compressed_part_is_unreadable(tmp_path: Path) -> None:
    good = b.make_docx(tmp_path, ["Một câu dài hơn một chút để nén"] * 200, name="good.docx")
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as zf:
        info = zf.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 50
    for k in range(start, start + 30):  # the deflate stream, not the zip directory
        data[k] ^= 0xFF
    path = tmp_path / "corrupt.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(UnreadableFile) as info_:
        read(path)
    assert info_.value.reason.startswith("damaged Word .docx file")

@pytest.mark.parametrize("bug", [KeyError("w:val"), ValueError("bad int")])
def test_a_bug_in_the_walk_is_not_reported_as_a_damaged_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bug: Exception
) -> None:
    from extract.readers import docx as docx_reader

    def broken(*args: object, **kwargs: object) -> None:
        raise bug

    monkeypatch.setattr(docx_reader._BodyReader, "_paragraph", broken)
    path = b.make_docx(tmp_path, ["Một"])
    with pytest.raises(type(bug)) as info:
        read(path)
    assert not isinstance(info.value, UnreadableFile)


# --- real documents (../shared/realdocs) -------------------------------------------------


def read_real(name: str) -> Document:
    from extract import read_document

    return read_document(realdoc(name))


def test_real_plan_header_table_and_appendix_schedule() -> None:
    doc = read_real("ld_KH-UBND_kiem_tra_CCHC_2026.docx")
    header, signature, schedule = tables(doc)
    assert header.id == "b0001"
    assert header.row_texts() == [
        [
            "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
        ],
        ["Số: /KH-UBND", "Lâm Đồng, ngày tháng năm 2026"],
    ]
    title = doc.block("b0002")
    assert isinstance(title, Paragraph)
    assert (title.text, title.style.bold, title.style.align) == ("KẾ HOẠCH", True, "center")
    assert signature.row_texts()[0] == ["Nơi nhận:", "KT. CHỦ TỊCH"]
    assert (schedule.n_rows, schedule.n_cols, schedule.header_rows) == (32, 3, 1)
    rows = schedule.row_texts()
    assert rows[0] == ["STT", "Đơn vị được kiểm tra", "Thời gian kiểm tra"]
    assert rows[1] == ["I", "Cơ quan chuyên môn cấp tỉnh", ""]
    assert rows[-1] == ["25", "Phường 2 Bảo Lộc", "Tháng 9/2026"]


def test_real_plan_heading_style_and_typed_section_numbers() -> None:
    doc = read_real("ld_KH-UBND_tuyen_truyen_CCHC_2026.docx")
    assert [(t.n_rows, t.n_cols, t.header_rows) for t in tables(doc)] == [
        (3, 2, 0),
        (12, 4, 1),
        (11, 4, 1),
        (1, 2, 0),
    ]
    heading = next(p for p in paragraphs(doc) if p.style.heading_level is not None)
    assert heading.text == "Tuyên truyền Cải cách hành chính năm 2026"
    assert (heading.style.style_name, heading.style.heading_level) == ("Heading 1", 1)
    # This file types its section numbers: no automatic labels.
    section = next(p for p in paragraphs(doc) if p.text.startswith("I. MỤC ĐÍCH"))
    assert (section.label, section.style.bold) == (None, True)
    dialogue = tables(doc)[1].row_texts()
    assert dialogue[0] == ["TT", "Nội dung", "Trách nhiệm\nthực hiện", "Thời gian\n(Năm 2026)"]
    assert dialogue[1][2] == "Lãnh đạo Sở Công Thương"


def test_real_decision_smart_tag_text_and_ranking_tables() -> None:
    """ "NAM" of the national motto sits in a w:smartTag, which python-docx's text drops
    (the realdocs README calls it a typo); the reader keeps it."""
    doc = read_real("ld_QD-UBND_cong_bo_Chi_so_CCHC_2025.docx")
    header = tables(doc)[0]
    assert header.row_texts()[0][1].split("\n")[0] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    ranking = tables(doc)[-1]
    assert (ranking.n_rows, ranking.n_cols, ranking.header_rows) == (128, 6, 1)
    rows = ranking.row_texts()
    assert rows[1] == ["1", "UBND xã Tuyên Quang", "99,00", "88,09", "88,98%", "TỐT"]
    assert rows[124] == ["124", "UBND xã Lạc Dương", "99,00", "55,15", "55,70%", "TRUNG BÌNH"]
    summary = [(c.row, c.col_span, c.text) for c in ranking.cells if c.col_span > 1]
    assert summary == [
        (125, 4, "Chỉ số cao nhất"),
        (126, 4, "Chỉ số trung bình"),
        (127, 4, "Chỉ số thấp nhất"),
    ]


def test_real_decision_header_stacked_in_one_row_of_three_cells() -> None:
    doc = read_real("ld_QD-UBND_thanh_lap_HD_ATVSLD.docx")
    header = tables(doc)[0]
    assert (header.n_rows, header.n_cols) == (1, 3)
    left, middle, right = header.row_texts()[0]
    assert left == "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: /QĐ-UBND"
    assert middle == ""
    assert right.endswith("Lâm Đồng, ngày tháng 9 năm 2025")
    article = next(p for p in paragraphs(doc) if p.text.startswith("Điều 1."))
    assert article.text.endswith("gồm các ông, bà có tên sau:")


def test_real_docx_named_doc_is_read_as_docx() -> None:
    doc = read_real("ld_PL1_QD_Chi_so_CCHC_2025_so_nganh_REALLY_DOCX.doc")
    assert doc.source.format == "docx"
    assert paragraphs(doc)[0].text == "Phụ lục I"
    assert [(t.n_rows, t.n_cols) for t in tables(doc)] == [(18, 6), (2, 6)]
    assert tables(doc)[0].row_texts()[14] == [
        "14",
        "Sở Ngoại vụ",
        "80,50",
        "48,65",
        "60,43%",
        "TRUNG BÌNH",
    ]


@pytest.mark.parametrize(
    "content_type",
    [
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    ],
    ids=["docm", "dotx"],
)
def test_macro_enabled_document_and_template_are_read(tmp_path: Path, content_type: str) -> None:
    """python-docx refuses .docm/.dotx ("not a Word file, content type is …") though the
    body is the same WordprocessingML; the reader accepts them."""
    plain = b.make_docx(tmp_path, ["Kế hoạch cải cách hành chính"], name="plain.docx")
    path = tmp_path / "variant.docx"
    main_type = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(path, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == "[Content_Types].xml":
                data = data.replace(main_type, content_type.encode())
            zout.writestr(name, data)
    assert [p.text for p in paragraphs(read(path))] == ["Kế hoạch cải cách hành chính"]


def test_xlsx_package_is_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "bang.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml'
            '.sheet.main+xml"/></Types>',
        )
        zf.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats'
            '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
            "schemas.openxmlformats.org/officeDocument/2006/relationships/"
            'officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        zf.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnreadableFile) as info:
        read(path)
    assert info.value.reason == (
        "not a Word .docx file (the package holds another kind of Office document)"
    )


def test_hidden_deleted_and_hyperlinked_runs(tmp_path: Path) -> None:
    """Word rule: text shown is the runs of the paragraph, including those inside
    w:hyperlink and tracked insertions (w:ins), but not hidden runs (w:vanish) nor
    tracked deletions (w:del/w:delText). Bug prevented: python-docx's text drops
    hyperlinked and inserted words ("Nghị định số" … without the number)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    doc = b.new_docx()
    para = doc.add_paragraph("Căn cứ ")
    para._p.append(
        parse_xml(
            f'<w:hyperlink {nsdecls("w", "r")} r:id="rId999"><w:r><w:t>Nghị định số 107/2021/NĐ-CP'
            "</w:t></w:r></w:hyperlink>"
        )
    )
    para._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="1" w:author="a"><w:r>'
            '<w:t xml:space="preserve"> ngày 6/12/2021</w:t></w:r></w:ins>'
        )
    )
    para._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="2" w:author="a"><w:r><w:delText> (đã xoá)</w:delText>'
            "</w:r></w:del>"
        )
    )
    para.add_run(" ghi chú ẩn").font.hidden = True
    para.add_run(";")
    (got,) = paragraphs(read(b.save(doc, tmp_path)))
    assert got.text == "Căn cứ Nghị định số 107/2021/NĐ-CP ngày 6/12/2021;"


def test_text_box_read_once_after_its_anchor(tmp_path: Path) -> None:
    """Word rule: a text box's paragraphs live in w:txbxContent inside a drawing, once
    in mc:Choice (DrawingML) and again in mc:Fallback (VML) for old readers. Bug
    prevented: the number line of a header drawn in a text box lost (python-docx skips
    it) or read twice."""
    from docx.oxml import parse_xml

    ns = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:v="urn:schemas-microsoft-com:vml"'
    )
    box = "<w:txbxContent><w:p><w:r><w:t>Số: 15/KH-UBND</w:t></w:r></w:p></w:txbxContent>"
    doc = b.new_docx()
    anchor = doc.add_paragraph("ỦY BAN NHÂN DÂN TỈNH")
    anchor._p.append(
        parse_xml(
            f'<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>{box}'
            f"</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}"
            "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        )
    )
    doc.add_paragraph("KẾ HOẠCH")
    got = [(p.id, p.text) for p in paragraphs(read(b.save(doc, tmp_path)))]
    assert got == [
        ("b0001", "ỦY BAN NHÂN DÂN TỈNH"),
        ("b0002", "Số: 15/KH-UBND"),
        ("b0003", "KẾ HOẠCH"),
    ]


def test_vietnamese_heading_style_names_and_outline_level(tmp_path: Path) -> None:
    """Custom styles from Vietnamese templates ("Tiêu đề 2", "Đề mục 1") and a plain
    style with w:outlineLvl are heading hints too; outlineLvl 9 means body text."""
    doc = b.new_docx()
    for name in ("Tiêu đề 2", "Đề mục 1"):
        doc.styles.add_style(name, 1)
    doc.add_paragraph("Mục lớn", style="Tiêu đề 2")
    doc.add_paragraph("Phần", style="Đề mục 1")
    outline = doc.add_paragraph("Có cấp dàn ý")
    outline._p.get_or_add_pPr().append(b.w_el("w:outlineLvl", val="2"))
    body = doc.add_paragraph("Thân bài")
    body._p.get_or_add_pPr().append(b.w_el("w:outlineLvl", val="9"))
    got = [p.style.heading_level for p in paragraphs(read(b.save(doc, tmp_path)))]
    assert got == [2, 1, 3, None]


# --- rendered samples (scripts/render_samples.py) ----------------------------------------


def sample_docx(seed: str) -> Path:
    """samples/SEED.docx (committed, rendered by scripts/render_samples.py)."""
    return committed_sample(SAMPLES / f"{SEEDS[seed].stem}.docx")


def rendered(seed: str) -> tuple[Table, Table]:
    """(appendix read from samples/SEED.docx, the same table read from the seed text)."""
    from extract.readers.text import read_text

    from_docx = max(tables(read(sample_docx(seed))), key=lambda t: t.n_rows)
    seed_doc = read_text(SEEDS[seed], source=make_source(SEEDS[seed], "txt"))
    from_text = max(tables(seed_doc), key=lambda t: t.n_rows)
    return from_docx, from_text


def assert_same_table(got: Table, want: Table) -> None:
    """Same shape, same anchors and spans, same text and lines in every cell."""
    from normalize.text import fold_ws

    assert (got.n_rows, got.n_cols, got.header_rows) == (want.n_rows, want.n_cols, want.header_rows)
    by_pos = {(c.row, c.col): c for c in want.cells}
    assert sorted(by_pos) == sorted((c.row, c.col) for c in got.cells)
    for cell in got.cells:
        other = by_pos[(cell.row, cell.col)]
        where = f"r{cell.row}c{cell.col}"
        assert (cell.row_span, cell.col_span) == (other.row_span, other.col_span), where
        assert fold_ws(cell.text) == fold_ws(other.text), where
        assert [fold_ws(x) for x in cell.lines] == [fold_ws(x) for x in other.lines], where


def test_rendered_001_appendix_is_one_table_like_the_seed() -> None:
    """The seed's TSV appendix (repeated at each page break) rendered as one Word table:
    45 numbered tasks under 7 group rows (gridSpan across the other five columns)."""
    got, want = rendered("001")
    doc_tables = tables(read(sample_docx("001")))
    assert [(t.n_rows, t.n_cols) for t in doc_tables] == [(53, 6)]
    rows = got.row_texts()
    assert rows[0] == HEADER_001
    numbers = [r[0] for r in rows[1:] if r[0].isdigit()]
    assert numbers == [str(n) for n in range(1, 46)]
    groups = [(c.text, c.col_span) for c in got.cells if c.col == 1 and c.col_span > 1]
    assert groups[0] == ("CẢI CÁCH THỂ CHẾ", 5) and len(groups) == 7
    assert_same_table(got, want)


def test_rendered_002_appendix_keeps_row_spans_like_the_seed() -> None:
    """Seed 002's appendix: objectives and tasks span several activity rows (w:vMerge);
    each is one anchor cell with its row_span, as the text reader builds it."""
    got, want = rendered("002")
    assert (got.n_cols, got.header_rows) == (9, 1)
    first_task = next(c for c in got.cells if (c.row, c.col) == (2, 1))
    assert first_task.row_span == 11
    assert first_task.text.startswith("1.1. 100% các sở, ban, ngành cấp tỉnh")
    assert sum(1 for c in got.cells if c.row_span > 1) > 20
    assert_same_table(got, want)


# --- legacy font encodings ---------------------------------------------------------------


def test_runs_in_legacy_fonts_are_converted_and_warned(tmp_path: Path) -> None:
    """Word rule: text typed in a pre-Unicode font is stored as the font's 8-bit codes
    (Windows-1252 characters) and only the font draws it as Vietnamese: ".VnTime" is
    TCVN3, ".VnTimeH" TCVN3 drawn in capitals, "VNI-Times" VNI. Bug prevented: mojibake
    ("Céng hoµ x· héi") reaching the parsers. The raw text keeps what the file holds."""
    doc = b.new_docx()
    b.run_in_font(doc.add_paragraph(""), "Céng hoµ x· héi chñ nghÜa ViÖt Nam", ".VnTime")
    b.run_in_font(doc.add_paragraph(""), "uû ban nh©n d©n", ".VnTimeH")
    mixed = doc.add_paragraph("Số: 12/KH-UBND; ")
    b.run_in_font(mixed, "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "VNI-Times")
    read_doc = read(b.save(doc, tmp_path))
    got = [(p.text, p.raw) for p in paragraphs(read_doc)]
    assert got == [
        ("Cộng hoà xã hội chủ nghĩa Việt Nam", "Céng hoµ x· héi chñ nghÜa ViÖt Nam"),
        ("UỶ BAN NHÂN DÂN", "uû ban nh©n d©n"),
        (
            "Số: 12/KH-UBND; Cộng hòa xã hội chủ nghĩa Việt Nam",
            "Số: 12/KH-UBND; Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam",
        ),
    ]
    assert [(w.code, w.message) for w in read_doc.warnings] == [
        ("legacy_encoding", "text in a legacy Vietnamese encoding (TCVN3) converted"),
        ("legacy_encoding", "text in a legacy Vietnamese encoding (VNI) converted"),
    ]


def test_unicode_text_under_an_old_font_name_is_left_alone(tmp_path: Path) -> None:
    """Files converted to Unicode often keep "VNI-Times" as the run font (the realdocs
    .doc does). Bug prevented: converting Unicode text a second time ("Ủy" garbled)."""
    doc = b.new_docx()
    b.run_in_font(doc.add_paragraph(""), "Ủy ban nhân dân tỉnh Lâm Đồng", "VNI-Times")
    b.run_in_font(doc.add_paragraph(""), "Tháng 9 năm 2025", ".VnTime")
    read_doc = read(b.save(doc, tmp_path))
    assert [p.text for p in paragraphs(read_doc)] == [
        "Ủy ban nhân dân tỉnh Lâm Đồng",
        "Tháng 9 năm 2025",
    ]
    assert read_doc.warnings == ()


# --- input limits ------------------------------------------------------------------------


def test_tables_nested_past_the_limit_are_read_as_text(tmp_path: Path) -> None:
    """extract.limits.MAX_TABLE_DEPTH: tables inside tables deeper than the limit keep
    their text (as paragraphs of the enclosing cell) and lose their grid, with an
    input_limit warning. Bug prevented: unbounded recursion on a hostile file."""
    from extract.limits import MAX_TABLE_DEPTH

    doc = b.new_docx()
    cell = doc.add_table(rows=1, cols=1).cell(0, 0)
    for depth in range(MAX_TABLE_DEPTH + 2):
        cell.paragraphs[0].text = f"tầng {depth}"
        cell = cell.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].text = "đáy"
    read_doc = read(b.save(doc, tmp_path))
    table = tables(read_doc)[0]
    depth, deepest = 0, table
    while True:
        inner = [x for c in deepest.cells for x in c.blocks if isinstance(x, Table)]
        if not inner:
            break
        depth, deepest = depth + 1, inner[0]
    assert depth == MAX_TABLE_DEPTH - 1
    assert deepest.cells[0].text.split("\n") == [
        f"tầng {MAX_TABLE_DEPTH - 1}",
        f"tầng {MAX_TABLE_DEPTH}",
        f"tầng {MAX_TABLE_DEPTH + 1}",
        "đáy",
    ]
    assert [w.message for w in read_doc.warnings] == [
        f"input limit reached: tables nested more than {MAX_TABLE_DEPTH} deep read as text"
    ]


def test_table_over_the_cell_limit_keeps_its_first_rows(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """extract.limits.MAX_TABLE_CELLS: rows past the limit are skipped with a warning."""
    from extract.readers import docx as docx_reader

    monkeypatch.setattr(docx_reader, "MAX_TABLE_CELLS", 7)
    doc = b.new_docx()
    table = doc.add_table(rows=4, cols=3)
    b.fill(table, [[f"{r}.{c}" for c in range(3)] for r in range(4)])
    read_doc = read(b.save(doc, tmp_path))
    (got,) = tables(read_doc)
    assert (got.n_rows, len(got.cells)) == (2, 6)
    assert [w.message for w in read_doc.warnings] == [
        "input limit reached: table b0001 has more than 7 cells: rows from 3 on skipped"
    ]
