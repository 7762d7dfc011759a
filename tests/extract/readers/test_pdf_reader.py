"""PDF reader: geometry units on synthetic words, bad files, and the real documents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extract.readers.furniture import Candidate, furniture_key, furniture_roles
from extract.readers.pdf import read_pdf
from extract.readers.pdf_tables import PartCell, TablePart, cells_to_grid, stitch_tables
from extract.readers.pdf_text import (
    Line,
    Word,
    cell_lines_to_text,
    fuse_touching,
    lines_to_flows,
    lines_to_paragraphs,
    words_to_lines,
)
from extract.readers.pdf_textlayer import is_syllable, score_text
from extract.source import make_source
from normalize.text import fold_ws
from schemas.diagnostics import UnreadableFile, WarningCode
from schemas.document import Document, Paragraph, Table
from tests.conftest import SAMPLES, TEST_DATA, committed_sample, realdoc

DATA = TEST_DATA
SIZE = 13.0
CHAR_W = 6.0  # a rough glyph width for synthetic words


def word(text: str, x0: float, top: float, *, bold: bool = False) -> Word:
    return Word(text, x0, x0 + CHAR_W * len(text), top, top + SIZE, SIZE, bold, False)


def line_of(text: str, x0: float, top: float, *, bold: bool = False) -> list[Word]:
    """Words of `text` laid out from x0 with one space between them."""
    out, x = [], x0
    for token in text.split():
        out.append(word(token, x, top, bold=bold))
        x += CHAR_W * len(token) + 3.0
    return out


def read(path: Path) -> Document:
    # the text layer as it is: OCR of the scans is tested in test_ocr.py
    return read_pdf(path, source=make_source(path, "pdf"), ocr="off")


def texts(doc: Document) -> list[str]:
    return [b.text for b in doc.paragraphs()]


# ---------------------------------------------------------------- words, lines, paragraphs


def test_words_on_one_baseline_make_one_line_in_x_order() -> None:
    words = [
        word("hành", 200, 100.5),
        word("Cải", 100, 100),
        word("cách", 140, 99.5),
        word("chính", 100, 120),
    ]
    lines = words_to_lines(words)
    assert [ln.text for ln in lines] == ["Cải cách hành", "chính"]


def test_touching_words_are_fused() -> None:
    """Word's justification can lay stray spaces over "KT." so pdfplumber cuts it."""
    k, t, dot = word("K", 380.6, 589), word("T", 0, 589), word(".", 0, 589)
    t = Word("T", k.x1, k.x1 + 8.6, 589, 602, SIZE, True, False)
    dot = Word(".", t.x1, t.x1 + 3.3, 589, 602, SIZE, True, False)
    rest = word("GIÁM", dot.x1 + 3.2, 589)
    assert [w.text for w in fuse_touching([k, t, dot, rest])] == ["KT.", "GIÁM"]


def test_decision_header_splits_into_agency_then_motto() -> None:
    """The agency block (left) and the national motto (right) share lines; each
    column is read on its own, left first, and each header line is a paragraph."""
    words = (
        line_of("ỦY BAN NHÂN DÂN", 90, 50)
        + line_of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 300, 50)
        + line_of("TỈNH NGHỆ AN", 100, 65)
        + line_of("Độc lập - Tự do - Hạnh phúc", 330, 65)
        + line_of("Số: 12/KH-UBND", 95, 85)
        + line_of("Nghệ An, ngày 30 tháng 12", 320, 85)
        + line_of("KẾ HOẠCH", 260, 130, bold=True)
    )
    flows = lines_to_flows(words_to_lines(words))
    assert [[ln.text for ln in f.lines] for f in flows] == [
        ["ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN", "Số: 12/KH-UBND"],
        [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Nghệ An, ngày 30 tháng 12",
        ],
        ["KẾ HOẠCH"],
    ]
    assert [f.column for f in flows] == [True, True, False]
    paras = lines_to_paragraphs(flows[0].lines, column=True)
    assert [" ".join(ln.text for ln in p) for p in paras] == [
        "ỦY BAN NHÂN DÂN",
        "TỈNH NGHỆ AN",
        "Số: 12/KH-UBND",
    ]


def test_blank_number_gap_is_not_a_column() -> None:
    """ "Số:   /KH-UBND" has a wide blank but no other line lines up with it."""
    words = (
        line_of("Số:", 90, 50)
        + line_of("/KH-UBND", 140, 50)
        + line_of("Thực hiện Kế hoạch của tỉnh", 90, 70)
    )
    flows = lines_to_flows(words_to_lines(words))
    assert len(flows) == 1 and flows[0].lines[0].text == "Số: /KH-UBND"


def _para_texts(lines: list[Line]) -> list[str]:
    return [" ".join(ln.text for ln in p) for p in lines_to_paragraphs(lines)]


def test_paragraph_breaks_at_indent_short_line_and_item_start() -> None:
    right = 90 + 66 * CHAR_W  # every full line below runs to here
    words = [
        word("Một" + "x" * 55, 126, 100),
        word("xxxxx", right - 5 * CHAR_W, 100),
        word("Hai" + "x" * 63, 90, 115),  # full line, capital: same paragraph
        word("Cuối.", 90, 130),  # short last line
        word("Mới" + "x" * 57, 126, 145),
        word("xxx", right - 3 * CHAR_W, 145),  # indented
        word("tiếp", 90, 160),
        *line_of("a) Mục con", 126, 175),
        *line_of("- Gạch đầu dòng", 126, 190),
        *line_of("Đoạn sau", 90, 205),  # after a short item line
    ]
    paras = _para_texts(words_to_lines(words))
    assert [p[:4] for p in paras] == ["Mộtx", "Mớix", "a) M", "- Gạ", "Đoạn"]
    assert paras[0].endswith("Cuối.") and paras[1].endswith("tiếp")


def test_lower_case_line_continues_a_centred_title() -> None:
    lines = words_to_lines(
        line_of("Tôi là một dòng đầy đủ rất dài để đặt lề phải của trang này", 90, 80)
        + line_of("BÁO CÁO", 250, 100, bold=True)
        + line_of("Kết quả thẩm định chỉ số", 200, 115, bold=True)
        + line_of("cải cách hành chính", 215, 130, bold=True)
    )
    assert _para_texts(lines)[1:] == ["BÁO CÁO", "Kết quả thẩm định chỉ số cải cách hành chính"]


def test_wrapped_cell_lines_join_but_list_items_keep_their_break() -> None:
    lines = words_to_lines(
        line_of("Sở Khoa học và", 10, 10)
        + line_of("Công nghệ", 10, 25)
        + line_of("- Báo cáo quý", 10, 40)
        + line_of("- Báo cáo năm", 10, 55)
    )
    assert cell_lines_to_text(lines) == "Sở Khoa học và Công nghệ\n- Báo cáo quý\n- Báo cáo năm"


# ---------------------------------------------------------------- tables


def test_cells_to_grid_gives_spans_from_boxes() -> None:
    """A header cell over two columns and a cell over two rows (pdfplumber: None there)."""
    boxes = [
        (0, 0, 50, 20),
        (50, 0, 150, 20),
        (150, 0, 250, 10),  # "Cơ quan" spans 2 columns
        (150, 10, 200, 20),
        (200, 10.5, 250, 20),
        (0, 20, 50, 40),
        (50, 20, 150, 60),
        (150, 20, 200, 40),
        (200, 20, 250, 40),
        (0, 40, 50, 60),
        (150, 40, 200, 60),
        (200, 40, 250, 60),
    ]
    grid, xs, ys = cells_to_grid(boxes)
    assert (len(xs) - 1, len(ys) - 1) == (4, 4)
    spans = {(g.row, g.col): (g.row_span, g.col_span) for g in grid}
    assert spans[(0, 2)] == (1, 2)
    assert spans[(0, 0)] == (2, 1)
    assert spans[(2, 1)] == (2, 1)
    assert (3, 1) not in spans and len(grid) == 12


def _part(rows: list[list[str]], page: int, header_rows: int = 1) -> TablePart:
    cells = [
        PartCell(
            r,
            c,
            1,
            1,
            text,
            r < header_rows,
            [(page, (c * 10.0, r * 10.0, c * 10.0 + 10, r * 10.0 + 10))],
        )
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
    ]
    n_cols = len(rows[0])
    return TablePart(
        len(rows),
        n_cols,
        [c * 10.0 for c in range(n_cols + 1)],
        cells,
        header_rows,
        [(page, (0, 0, 10.0 * n_cols, 10.0 * len(rows)))],
    )


def test_stitch_drops_repeated_header_and_joins_split_row() -> None:
    header = ["TT", "Nhiệm vụ", "Chủ trì"]
    first = _part(
        [
            header,
            ["1", "Rà soát văn bản", "Sở Tư pháp"],
            ["2", "Xây dựng cơ sở dữ liệu", "Sở Khoa học"],
        ],
        page=4,
    )
    second = _part(
        [header, ["", "dùng chung của tỉnh", "và Công nghệ"], ["3", "Kiểm tra", "Sở Nội vụ"]],
        page=5,
    )
    table = stitch_tables(first, second)
    rows = [[t for t in table.row_texts(r)] for r in range(table.n_rows)]
    assert rows == [
        header,
        ["1", "Rà soát văn bản", "Sở Tư pháp"],
        ["2", "Xây dựng cơ sở dữ liệu dùng chung của tỉnh", "Sở Khoa học và Công nghệ"],
        ["3", "Kiểm tra", "Sở Nội vụ"],
    ]
    assert [p for p, _ in table.pages] == [4, 5]


def test_stitch_keeps_first_row_that_is_not_a_repeated_header() -> None:
    first = _part([["TT", "Nội dung"], ["1", "A"]], page=1)
    second = _part([["2", "B"], ["3", "C"]], page=2, header_rows=0)
    table = stitch_tables(first, second)
    assert [table.row_texts(r)[0] for r in range(table.n_rows)] == ["TT", "1", "2", "3"]


# ---------------------------------------------------------------- furniture, text layer


def test_running_header_and_page_numbers_found_by_repetition() -> None:
    cands = []
    for page in range(1, 6):
        cands.append(Candidate(page, 50, 63, 842, "CÔNG BÁO/Số 1003 + 1004/Ngày 29-12-2013"))
        cands.append(Candidate(page, 50, 63, 842, str(page + 2)))
        cands.append(Candidate(page, 100, 113, 842, "Điều 1"))
    roles = furniture_roles(cands, 5)
    assert roles[:3] == ["page_header", "page_number", "body"]
    assert set(roles[3::3]) == {"page_header"} and set(roles[2::3]) == {"body"}
    assert furniture_key("Trang 12") == furniture_key("Trang 3")


@pytest.mark.parametrize(
    ("word", "ok"),
    [
        ("được", True),
        ("khuya", True),
        ("nghiêng", True),
        ("hành", True),
        ("ndm", False),
        ("thdng", False),
        ("Luqt", False),
        ("s6.fi", False),
    ],
    ids=str,
)
def test_vietnamese_syllable_shape(word: str, ok: bool) -> None:
    assert is_syllable(word) is ok


def test_garbage_ocr_scores_low_and_real_text_high() -> None:
    garbage = " ".join(
        [
            "Cdn c* Luqt TO ch*c chinh quyin dia phuong ngdy 16 thdng 6 ndm 2025;",
            "Cdn c* Nghi q,ryilt tii 76,0{Q-CP ngdy 15 thdng 7 ndm 2021 ctn Ch{nh phtt",
            "banhinh Chuongtrinhttingth€ cdi cdchhdnh chinhNhd nudc giai doan",
        ]
    )
    real = " ".join(
        [
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
            "Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành",
            "Chương trình tổng thể cải cách hành chính nhà nước giai đoạn",
        ]
    )
    assert score_text(garbage.split(" ")).garbage
    assert not score_text(real.split(" ")).garbage
    assert score_text(real.split(" ")).syllable_share > 0.95


# ---------------------------------------------------------------- bad files


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("encrypted.pdf", "encrypted PDF (password required)"),
        ("truncated.pdf", "damaged or truncated PDF"),
        ("not_a_pdf.pdf", "not a PDF (no document catalog)"),
    ],
    ids=str,
)
def test_bad_pdf_is_unreadable_with_a_short_reason(name: str, reason: str) -> None:
    with pytest.raises(UnreadableFile) as info:
        read(DATA / name)
    assert info.value.reason == reason


def test_cli_prints_one_line_for_an_encrypted_pdf() -> None:
    from typer.testing import CliRunner

    from vanban.cli import app

    result = CliRunner().invoke(app, ["extract", "--blocks", str(DATA / "encrypted.pdf")])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"vanban: {DATA / 'encrypted.pdf'}: encrypted PDF (password required)"
    )


# ---------------------------------------------------------------- real documents

REAL_PAGES = {
    "central_HienPhap2013_CongBao_VanBanGoc.pdf": 28,
    "ld_BC_tham_dinh_Chi_so_CCHC_2025_43p_tables.pdf": 43,
    "ld_CV-SKHCN_gop_y_KH_kiem_tra_CCHC_2026_signed.pdf": 2,
    "ld_CV3980-C04-P6_BCA_28-08-2025_scan_stamp_notext.pdf": 3,
    "ld_PL1_ket_qua_Chi_so_CCHC_2025_chi_dao_dieu_hanh_table.pdf": 5,
    "ld_QD1716-UBND_16-10-2025_HD_tham_dinh_CCHC_scan_badOCR.pdf": 2,
    "ld_TTr-SNV05_KH_tuyen_truyen_CCHC_2026_signed.pdf": 1,
}
SCANS = {
    "ld_CV3980-C04-P6_BCA_28-08-2025_scan_stamp_notext.pdf": "none",
    "ld_QD1716-UBND_16-10-2025_HD_tham_dinh_CCHC_scan_badOCR.pdf": "garbage",
}

_cache: dict[str, Document] = {}


def real(name: str) -> Document:
    if name not in _cache:
        _cache[name] = read(realdoc(name))
    return _cache[name]


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(REAL_PAGES), ids=str)
def test_every_real_pdf_reads_with_its_page_count_and_text_layer(name: str) -> None:
    doc = real(name)
    assert doc.source.pages == len(doc.pages) == REAL_PAGES[name]
    layers = {p.text_layer for p in doc.pages}
    if name in SCANS:
        assert layers == {SCANS[name]}
        no_text = [w.page for w in doc.warnings if w.code == WarningCode.NO_TEXT_LAYER]
        assert no_text == list(range(1, REAL_PAGES[name] + 1))
        garbage = [w.page for w in doc.warnings if w.code == WarningCode.TEXT_LAYER_GARBAGE]
        assert bool(garbage) is (SCANS[name] == "garbage")
        assert not list(doc.body())
    else:
        assert layers == {"ok"}
        assert not [w for w in doc.warnings if w.code == WarningCode.NO_TEXT_LAYER]
        assert len(list(doc.body())) > 5


@pytest.mark.slow
def test_cong_bao_running_header_is_furniture() -> None:
    doc = real("central_HienPhap2013_CongBao_VanBanGoc.pdf")
    headers = [b for b in doc.blocks if b.role == "page_header"]
    assert len(headers) == 28
    assert {b.text for b in headers} == {"CÔNG BÁO/Số 1003 + 1004/Ngày 29-12-2013"}
    numbers = [b for b in doc.blocks if b.role == "page_number"]
    assert [(b.page, b.text) for b in numbers][:3] == [(1, "3"), (2, "4"), (3, "5")]
    assert not any("CÔNG BÁO" in t for t in texts(doc))
    body = texts(doc)
    assert body[:4] == [
        "QUỐC HỘI",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "HIẾN PHÁP",
    ]
    assert "Điều 1" in body


@pytest.mark.slow
def test_cong_bao_paragraph_keeps_its_lines_and_style() -> None:
    doc = real("central_HienPhap2013_CongBao_VanBanGoc.pdf")
    para = next(
        p
        for p in doc.paragraphs()
        if p.text.startswith("Nước Cộng hòa xã hội chủ nghĩa Việt Nam là một nước")
    )
    assert para.text.endswith("hải đảo, vùng biển và vùng trời.")
    assert para.raw.count("\n") == 1 and para.page == 1
    assert para.style.align == "justify" and para.style.bold is False
    title = next(p for p in doc.paragraphs() if p.text == "HIẾN PHÁP")
    assert title.style.align == "center" and title.style.bold is True
    assert title.style.font_size == 14.0
    bbox = title.prov[0].bbox
    assert bbox is not None and 250 < bbox[0] < bbox[2] < 345


@pytest.mark.slow
def test_signed_to_trinh_header_columns_and_blank_number() -> None:
    doc = real("ld_TTr-SNV05_KH_tuyen_truyen_CCHC_2026_signed.pdf")
    body = texts(doc)
    assert body[:6] == [
        "UBND TỈNH LÂM ĐỒNG",
        "SỞ NỘI VỤ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: /TTr-SNV",
        "Lâm Đồng, ngày tháng năm",
    ]
    assert (
        "Về việc ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2026 tỉnh Lâm Đồng" in body
    )
    assert body[-3:] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Hữu Tuấn"]


@pytest.mark.slow
def test_italic_quotation_stays_inside_its_paragraph() -> None:
    doc = real("ld_CV-SKHCN_gop_y_KH_kiem_tra_CCHC_2026_signed.pdf")
    para = next(t for t in texts(doc) if t.startswith("Khoản 13 Điều 1 Nghị định số 367/2025"))
    assert "quốc gia quy định: “Hệ thống thông tin" in para
    assert para.endswith("tại địa phương”:")


@pytest.mark.slow
def test_table_only_appendix_reads_as_tables() -> None:
    doc = real("ld_PL1_ket_qua_Chi_so_CCHC_2025_chi_dao_dieu_hanh_table.pdf")
    tables = list(doc.tables())
    assert len(tables) == 2
    for table in tables:
        assert table.n_cols == 6 and table.header_rows == 1
        assert [fold_ws(t) for t in table.row_texts()[0]] == [
            "STT",
            "Đơn vị",
            "Điểm chuẩn tối đa",
            "Điểm tự đánh giá",
            "Điểm thẩm định",
            "Chỉ số",
        ]
    so, xa = tables
    assert so.row_texts()[1] == ["1", "Sở Tư pháp", "14,50", "14,50", "13,50", "93,10%"]
    assert [p.page for p in xa.prov] == [2, 3, 4, 5]  # one table over four pages
    numbers = [r[0] for r in xa.row_texts()[1:] if r[0].isdigit()]
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)] and len(numbers) >= 120
    last = xa.grid()[-1]
    assert last[0] is not None and last[0].text == "Chỉ số thấp nhất" and last[0].col_span == 5
    assert "II. ĐỐI VỚI CẤP XÃ" in texts(doc)


@pytest.mark.slow
def test_report_tables_stitched_and_highlight_boxes_ignored() -> None:
    doc = real("ld_BC_tham_dinh_Chi_so_CCHC_2025_43p_tables.pdf")
    tables = list(doc.tables())
    first = tables[0]
    assert [p.page for p in first.prov] == [5, 6] and first.n_cols == 6
    assert first.row_texts()[3][1] == "Sở Khoa học và Công nghệ"
    # a shaded header row whose bottom rule Word left out still ends at the header
    ty_le = next(t for t in tables if t.row_texts()[0][-1] == "Tỷ lệ (%)")
    assert ty_le.row_texts()[1] == ["1", "Thanh tra tỉnh", "12,734", "84,893%"]
    assert ty_le.row_texts()[2][1] == "Sở Dân tộc và Tôn giáo"
    footnotes = [b for b in doc.blocks if b.role == "footnote"]
    assert footnotes[0].page == 1 and footnotes[0].text.startswith("1 Hội đồng thẩm định")
    cont = next(t for t in texts(doc) if t.startswith("5. Sở Nội vụ tiếp tục phối hợp"))
    assert "820/QĐ-UBND ngày 27/8/2025" in cont  # the paragraph goes on over page 43


# ---------------------------------------------------------------- rendered samples

_CUT_HYPHEN = re.compile(r"(?<=\S)- ")


def _cells(text: str) -> str:
    """Whitespace folded; "12- NQ/TU" (a space the seed has after a hyphen, where the
    PDF's line break falls too) read as "12-NQ/TU"."""
    return _CUT_HYPHEN.sub("-", fold_ws(text))


def sample(seed: str) -> Document:
    if seed not in _cache:
        _cache[seed] = read(SAMPLES / f"{seed}.pdf")
    return _cache[seed]


def _appendix_pair(seed: str) -> tuple[Table, Table]:
    from extract.readers.text import read_text

    committed_sample(SAMPLES / f"{seed}.pdf")
    txt = SAMPLES / f"{seed}.txt"
    by_text = list(read_text(txt, source=make_source(txt, "md")).tables())
    by_pdf = list(sample(seed).tables())
    return by_text[-1], by_pdf[-1]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("seed", "n_cols", "pages"),
    [("001_1a5f14619ac43e8b", 6, 6), ("002_9b0bb8ab07a8216a", 9, 21)],
    ids=["001", "002"],
)
def test_rendered_appendix_is_one_table_like_the_seed(seed: str, n_cols: int, pages: int) -> None:
    """The appendix runs over several pages: one table, its repeated header dropped,
    rows and merged cells (TT, objective, lead agency) as in the seed's own table."""
    seed_table, table = _appendix_pair(seed)
    assert table.n_cols == n_cols and len(table.prov) == pages
    assert table.header_rows == 1
    assert table.n_rows == seed_table.n_rows
    for r, (want, got) in enumerate(zip(seed_table.row_texts(), table.row_texts(), strict=True)):
        assert [_cells(t) for t in got] == [_cells(t) for t in want], f"row {r}"
    spans = {(c.row, c.col): (c.row_span, c.col_span) for c in table.cells}
    assert spans == {(c.row, c.col): (c.row_span, c.col_span) for c in seed_table.cells}


@pytest.mark.slow
def test_rendered_001_has_45_task_rows_and_its_header_paragraphs() -> None:
    _, table = _appendix_pair("001_1a5f14619ac43e8b")
    numbers = [row[0] for row in table.row_texts()[1:] if row[0].isdigit()]
    assert numbers == [str(n) for n in range(1, 46)]
    groups = [row[0] for row in table.row_texts()[1:] if not row[0].isdigit()]
    assert groups == ["I", "II", "III", "IV", "V", "VI", "VII"]
    assert table.row_texts()[1][1] == "CẢI CÁCH THỂ CHẾ"
    doc = sample("001_1a5f14619ac43e8b")
    assert texts(doc)[:6] == [
        "ỦY BAN NHÂN DÂN",
        "TỈNH NGHỆ AN",
        "Số: 3667/QĐ-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Nghệ An, ngày 30 tháng 12 năm 2024",
    ]
    # a centred sentence wrapped onto a second line stays one paragraph
    assert (
        "(Ban hành kèm theo Quyết định số 3667/QĐ-UBND ngày 30 tháng 12 năm 2024 của "
        "Ủy ban nhân dân tỉnh Nghệ An)"
    ) in texts(doc)


def _block_texts(doc: Document) -> list[tuple[str, int | None, str]]:
    return [
        (b.role, b.page, b.text)
        if isinstance(b, Paragraph)
        else (b.role, b.page, " | ".join("¦".join(r) for r in b.row_texts()))
        for b in doc.blocks
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    "path",
    [
        SAMPLES / "001_1a5f14619ac43e8b.pdf",
        SAMPLES / "002_9b0bb8ab07a8216a.pdf",
        Path("ld_PL1_ket_qua_Chi_so_CCHC_2025_chi_dao_dieu_hanh_table.pdf"),
        Path("central_HienPhap2013_CongBao_VanBanGoc.pdf"),
        Path("ld_CV-SKHCN_gop_y_KH_kiem_tra_CCHC_2026_signed.pdf"),
        Path("ld_TTr-SNV05_KH_tuyen_truyen_CCHC_2026_signed.pdf"),
        Path("ld_BC_tham_dinh_Chi_so_CCHC_2025_43p_tables.pdf"),
    ],
    ids=lambda p: p.name[:12],
)
def test_fast_path_gives_the_same_blocks_as_pdfplumber(path: Path) -> None:
    """Text pages read by PDFium, table pages by pdfplumber: the blocks do not change."""
    if not path.is_absolute():
        path = realdoc(str(path))
    else:
        committed_sample(path)
    source = make_source(path, "pdf")
    slow = read_pdf(path, source=source, fast=False)
    fast = read_pdf(path, source=source, fast=True)
    assert _block_texts(fast) == _block_texts(slow)
    assert [b.style for b in fast.paragraphs()] == [b.style for b in slow.paragraphs()]
