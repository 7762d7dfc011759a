"""The HTML reader on synthetic pages (each states the HTML rule it covers) and on
seed 001 written out as HTML by the test itself."""

from __future__ import annotations

import html
import unicodedata
from pathlib import Path

import pytest

from extract import read_document
from extract.readers.html import fragment_paragraphs, read_html
from schemas.diagnostics import UnreadableFile, WarningCode
from schemas.document import Document, Paragraph, Source, Table
from tests.conftest import SEEDS


def _read(tmp_path: Path, body: str, *, head: str = "") -> Document:
    path = tmp_path / "page.html"
    page = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"
    )
    path.write_text(page, encoding="utf-8")
    return read_document(path)


def _texts(doc: Document) -> list[str]:
    return [p.text for p in doc.paragraphs()]


def test_headings_paragraphs_and_skipped_elements(tmp_path: Path) -> None:
    """h1–h6 give heading_level; script, style and nav give nothing."""
    doc = _read(
        tmp_path,
        "<nav><a href='/'>Trang chủ</a></nav><script>var x = 1;</script>"
        "<style>p {color: red}</style><h2>QUYẾT ĐỊNH</h2>"
        "<p>Căn cứ Luật Tổ chức chính quyền địa phương;</p>",
        head="<title>Văn bản</title>",
    )
    assert doc.source.format == "html"
    assert _texts(doc) == ["QUYẾT ĐỊNH", "Căn cứ Luật Tổ chức chính quyền địa phương;"]
    heading, body = doc.paragraphs()
    assert (heading.style.heading_level, heading.style.style_name) == (2, "h2")
    assert (body.style.heading_level, body.style.style_name) == (None, "p")


def test_bold_only_when_the_whole_block_is_bold(tmp_path: Path) -> None:
    """<b>/<strong>/font-weight make a block bold only when they cover all its letters."""
    doc = _read(
        tmp_path,
        "<p><b>Điều 1.</b> Ban hành kèm theo Quyết định này.</p>"
        "<p><strong>PHỤ LỤC</strong></p>"
        "<p><span style='font-weight:bold'>KẾ HOẠCH</span> </p>"
        "<p><i>(Kèm theo Quyết định số 3369/QĐ-UBND)</i></p>",
    )
    styles = [(p.style.bold, p.style.italic) for p in doc.paragraphs()]
    assert styles == [(False, False), (True, False), (True, False), (False, True)]
    assert _texts(doc)[0] == "Điều 1. Ban hành kèm theo Quyết định này."


def test_alignment_from_attribute_style_or_ancestor(tmp_path: Path) -> None:
    """align= and text-align: on the block or on an enclosing div both count."""
    doc = _read(
        tmp_path,
        "<div align='center'><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p></div>"
        "<p style='text-align: right'>Hà Tĩnh, ngày 31 tháng 12 năm 2025</p>"
        "<center>Độc lập - Tự do - Hạnh phúc</center><p>Căn cứ</p>",
    )
    assert [p.style.align for p in doc.paragraphs()] == ["center", "right", "center", None]


def test_list_items_with_levels(tmp_path: Path) -> None:
    """Each <li> is a paragraph; nesting depth of ul/ol is list_level."""
    doc = _read(
        tmp_path,
        "<ul><li>Nơi nhận:<ul><li>Như Điều 3;</li><li><p>Lưu: VT.</p></li></ul></li></ul>"
        "<p>Sau danh sách</p>",
    )
    assert _texts(doc) == ["Nơi nhận:", "Như Điều 3;", "Lưu: VT.", "Sau danh sách"]
    assert [p.style.list_level for p in doc.paragraphs()] == [1, 2, 2, None]


def test_line_breaks_inside_a_paragraph(tmp_path: Path) -> None:
    """<br> keeps one paragraph: text joined by a space, raw keeps the break."""
    (para,) = _read(tmp_path, "<p>ỦY BAN NHÂN DÂN<br>TỈNH HÀ TĨNH</p>").paragraphs()
    assert para.text == "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH"
    assert para.raw == "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH"


SPANS = """
<table>
 <thead><tr><th>TT</th><th>Nhiệm vụ</th><th colspan="2">Cơ quan</th></tr></thead>
 <tbody>
  <tr><td rowspan="2">1</td><td>Nhiệm vụ một</td><td>Sở Nội vụ</td>
      <td rowspan="3">Sở Tư pháp</td></tr>
  <tr><td>Nhiệm vụ hai</td><td>Sở Tài chính</td></tr>
  <tr><td colspan="3"><b>II. CẢI CÁCH THỂ CHẾ</b></td></tr>
 </tbody>
</table>"""


def test_table_spans_become_anchor_cells(tmp_path: Path) -> None:
    """rowspan/colspan: one anchor cell per merged area; positions skip covered slots."""
    (table,) = _read(tmp_path, SPANS).tables()
    assert (table.n_rows, table.n_cols, table.header_rows) == (4, 4, 1)
    assert table.row_texts() == [
        ["TT", "Nhiệm vụ", "Cơ quan", "Cơ quan"],
        ["1", "Nhiệm vụ một", "Sở Nội vụ", "Sở Tư pháp"],
        ["1", "Nhiệm vụ hai", "Sở Tài chính", "Sở Tư pháp"],
        ["II. CẢI CÁCH THỂ CHẾ", "II. CẢI CÁCH THỂ CHẾ", "II. CẢI CÁCH THỂ CHẾ", "Sở Tư pháp"],
    ]
    spans = {(c.row, c.col): (c.row_span, c.col_span) for c in table.cells}
    assert spans[(1, 0)] == (2, 1)
    assert spans[(1, 3)] == (3, 1)
    assert spans[(3, 0)] == (1, 3)
    assert spans[(0, 2)] == (1, 2)
    assert len(table.cells) == 3 + 4 + 2 + 1
    assert [c.header for c in table.cells if c.row == 0] == [True, True, True]
    group = table.grid()[3][0]
    assert group is not None and group.blocks[0].style.bold is True


def test_nested_table_stays_in_its_cell(tmp_path: Path) -> None:
    """A table inside a cell is one of the cell's blocks, not a top-level block."""
    body = (
        "<table><tr><td><p>Sản phẩm:</p><table><tr><td>Kế hoạch</td><td>Quý I</td></tr>"
        "</table></td><td>Sở Nội vụ</td></tr></table><p>Sau bảng</p>"
    )
    doc = _read(tmp_path, body)
    assert [b.kind for b in doc.blocks] == ["table", "paragraph"]
    outer = doc.blocks[0]
    assert isinstance(outer, Table)
    assert (outer.n_rows, outer.n_cols) == (1, 2)
    first = outer.cells[0]
    assert [b.kind for b in first.blocks] == ["paragraph", "table"]
    assert first.text == "Sản phẩm:\nKế hoạch | Quý I"
    assert first.blocks[0].id == "b0001.r0c0.1"
    assert doc.blocks[1].id == "b0002"


def test_glyph_errors_repaired_and_reported(tmp_path: Path) -> None:
    doc = _read(tmp_path, "<p>Thực hiện các nhiệm vụ đƣợc giao</p>")
    assert _texts(doc) == ["Thực hiện các nhiệm vụ được giao"]
    assert [w.code for w in doc.warnings] == [WarningCode.GLYPHS_REPAIRED]


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Word wrote it: letters precomposed, tone marks combining."""
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        letter = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out += (letter + "".join(c for c in parts if c in _TONES)).encode("cp1258")
    return out


def test_legacy_charset_from_meta(tmp_path: Path) -> None:
    """A page that is not UTF-8 is decoded with the charset its meta names, then NFC."""
    path = tmp_path / "old.html"
    page = "<html><head><meta charset='windows-1258'></head><body><p>Sở Nội vụ</p></body></html>"
    path.write_bytes(_cp1258(page))
    assert _texts(read_document(path)) == ["Sở Nội vụ"]


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "gone.html"
    with pytest.raises(UnreadableFile, match="cannot read file"):
        read_html(path, source=Source(path=str(path), sha256="0" * 64, format="html"))


def test_page_without_text_has_no_blocks(tmp_path: Path) -> None:
    doc = _read(tmp_path, "<div> <p>  </p><script>x()</script></div>")
    assert doc.blocks == ()


def test_fragment_paragraphs_of_a_cell() -> None:
    assert fragment_paragraphs("<p>Kế hoạch;  Báo cáo</p>") == [
        ("Kế hoạch; Báo cáo", "Kế hoạch;  Báo cáo", False)
    ]


# --- seed 001 as a web page -----------------------------------------------------------


def _to_html(doc: Document) -> str:
    """The document model written as the kind of HTML legal sites publish."""
    parts: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            text = html.escape(block.text)
            if block.style.bold:
                text = f"<strong>{text}</strong>"
            level = block.style.heading_level
            parts.append(f"<h{level}>{text}</h{level}>" if level else f"<p>{text}</p>")
        else:
            parts.append(_table_html(block))
    return "<html><head><meta charset='utf-8'></head><body>" + "".join(parts) + "</body></html>"


def _table_html(table: Table) -> str:
    rows: dict[int, list[str]] = {}
    for cell in table.cells:
        tag = "th" if cell.header else "td"
        inner = "".join(f"<p>{html.escape(line)}</p>" for line in cell.text.split("\n"))
        attrs = f' colspan="{cell.col_span}"' if cell.col_span > 1 else ""
        attrs += f' rowspan="{cell.row_span}"' if cell.row_span > 1 else ""
        rows.setdefault(cell.row, []).append(f"<{tag}{attrs}>{inner}</{tag}>")
    body = "".join(f"<tr>{''.join(rows.get(r, []))}</tr>" for r in range(table.n_rows))
    return f"<table border='1'>{body}</table>"


def test_seed_001_as_html_reads_back_the_same(tmp_path: Path) -> None:
    text_doc = read_document(SEEDS["001"])
    path = tmp_path / "001.html"
    path.write_text(_to_html(text_doc), encoding="utf-8")
    html_doc = read_document(path)
    assert _texts(html_doc) == _texts(text_doc)
    (text_table,) = text_doc.tables()
    (html_table,) = html_doc.tables()
    assert (html_table.n_rows, html_table.n_cols, html_table.header_rows) == (53, 6, 1)
    assert html_table.row_texts() == text_table.row_texts()
    assert [p.style.heading_level for p in html_doc.paragraphs()] == [
        p.style.heading_level for p in text_doc.paragraphs()
    ]
