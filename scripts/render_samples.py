"""Render seeds 001 and 002 as Word and PDF files, so that the DOCX and PDF readers
meet the same documents the text reader reads.

    python scripts/render_samples.py [--out samples] [--no-pdf]

Each seed is read with the text reader and written with python-docx: header and
title lines centred (bold when in capitals), headings in Word's Heading styles,
numbered lines kept as literal text, and every table as a real Word table whose
merged cells are merged (`w:gridSpan` for group rows, `w:vMerge` for the TT,
objective and task cells that span several rows), header rows repeated on each
page. A wide appendix table gets its own landscape section. LibreOffice
(`soffice --headless`) then converts the DOCX into the PDF. The outputs are
committed, so tests never need LibreOffice.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.table import _Cell as DocxCell

from extract.readers.text import read_text
from extract.source import make_source
from schemas.document import Cell, Paragraph, Table

REPO = Path(__file__).resolve().parents[1]
SEEDS = ("001_1a5f14619ac43e8b", "002_9b0bb8ab07a8216a")
FONT = "Times New Roman"
BODY_PT = 13
TABLE_PT = 10
WIDE_TABLE_COLS = 6
FIXED_TIME = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _is_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _is_title_line(para: Paragraph) -> bool:
    """Lines a Vietnamese decision centres: headings, capitals, '(Kèm theo …)' notes."""
    text = para.text
    if para.style.heading_level or (_is_caps(text) and len(text) <= 160):
        return True
    return text.startswith("(") and text.endswith(")") and len(text) <= 200


def _header_zone(blocks: Sequence[Paragraph | Table]) -> int:
    """Index of the first heading: the lines before it are the document header."""
    for i, block in enumerate(blocks):
        if isinstance(block, Paragraph) and block.style.heading_level:
            return i
    return 0


def _styled_document() -> DocxDocument:
    doc = new_docx()
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(4)
    for level in range(1, 7):
        heading = doc.styles[f"Heading {level}"]
        heading.font.name = FONT
        heading.font.size = Pt(BODY_PT)
        heading.font.bold = True
        heading.font.italic = False
        heading.font.color.rgb = RGBColor(0, 0, 0)
        heading.element.rPr.rFonts.set(qn("w:asciiTheme"), FONT)
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            heading.element.rPr.rFonts.attrib.pop(qn(attr), None)
        heading.element.rPr.rFonts.set(qn("w:ascii"), FONT)
        heading.element.rPr.rFonts.set(qn("w:hAnsi"), FONT)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.right_margin = section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin = Cm(3)
    props = doc.core_properties
    props.author = "vanban scripts/render_samples.py"
    props.created = props.modified = FIXED_TIME
    props.last_modified_by = props.author
    props.revision = 1
    return doc


def write_paragraph(doc: DocxDocument, para: Paragraph, *, centred: bool) -> None:
    level = para.style.heading_level
    out = doc.add_paragraph(style=f"Heading {min(level, 6)}" if level else None)
    run = out.add_run(para.text)
    title = _is_title_line(para)
    run.bold = bool(para.style.bold) or (title and _is_caps(para.text)) or bool(level)
    run.italic = bool(para.style.italic) or (title and para.text.startswith("("))
    if centred or title:
        out.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif not level:
        out.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY


def _row_property(row_element: object, name: str) -> None:
    """Set an on/off row property: w:tblHeader (repeat on each page), w:cantSplit."""
    tr_pr = row_element.get_or_add_trPr()  # type: ignore[attr-defined]
    flag = OxmlElement(name)
    flag.set(qn("w:val"), "true")
    tr_pr.append(flag)


def _fill_cell(target: DocxCell, cell: Cell) -> None:
    lines = cell.lines or [""]
    bolds = [b.style.bold for b in cell.blocks if isinstance(b, Paragraph)]
    bold = cell.header or (bool(bolds) and all(bolds))
    first = target.paragraphs[0]
    for k, line in enumerate(lines):
        para = first if k == 0 else target.add_paragraph()
        para.paragraph_format.space_after = Pt(0)
        if cell.header or cell.col_span > 1 or (cell.col == 0 and len(line) <= 6):
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = para.add_run(line)
        run.font.size = Pt(TABLE_PT)
        run.bold = bold


def _column_widths(table: Table, usable_cm: float) -> list[float]:
    """A narrow row-number column when the first column holds only short labels."""
    first = [c.text for c in table.cells if c.col == 0 and c.col_span == 1 and not c.header]
    if table.n_cols > 2 and first and all(len(t) <= 6 for t in first):
        narrow = 1.2
        rest = (usable_cm - narrow) / (table.n_cols - 1)
        return [narrow] + [rest] * (table.n_cols - 1)
    return [usable_cm / table.n_cols] * table.n_cols


def write_table(doc: DocxDocument, table: Table, usable_cm: float) -> DocxTable:
    """A Word table with the spans merged and the header rows repeated on every page."""
    out: DocxTable = doc.add_table(rows=table.n_rows, cols=table.n_cols)
    out.style = doc.styles["Table Grid"]
    out.alignment = WD_TABLE_ALIGNMENT.CENTER
    out.autofit = False
    widths = _column_widths(table, usable_cm)
    for col, width in zip(out.columns, widths, strict=True):
        col.width = Cm(width)
        for docx_cell in col.cells:
            docx_cell.width = Cm(width)
    # positions taken once before merging: table.cell() re-walks the whole table
    grid = out._cells
    for cell in table.cells:
        anchor = grid[cell.row * table.n_cols + cell.col]
        if cell.row_span > 1 or cell.col_span > 1:
            last_row, last_col = cell.row + cell.row_span - 1, cell.col + cell.col_span - 1
            anchor = anchor.merge(grid[last_row * table.n_cols + last_col])
        _fill_cell(anchor, cell)
    for r, row in enumerate(out.rows):
        # rows stay whole on a page, so the PDF holds the same rows as the source
        _row_property(row._tr, "w:cantSplit")
        if r < table.header_rows:
            _row_property(row._tr, "w:tblHeader")
    return out


def _landscape(doc: DocxDocument) -> float:
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)
    section.left_margin = section.right_margin = Cm(1.5)
    return 29.7 - 3.0


def _appendix_start(blocks: Sequence[Paragraph | Table]) -> int | None:
    """Where the landscape part begins: the title lines just above the first wide table."""
    for i, block in enumerate(blocks):
        if isinstance(block, Table) and block.n_cols >= WIDE_TABLE_COLS:
            start = i
            while start > 0:
                above = blocks[start - 1]
                if not isinstance(above, Paragraph) or not (
                    _is_title_line(above) or above.style.bold
                ):
                    break
                start -= 1
            return start
    return None


def render_docx(seed: Path, out: Path) -> Path:
    """The seed read by the text reader, written as a .docx at `out`."""
    parsed = read_text(seed, source=make_source(seed, "txt"))
    # the seed as it is, a web page's furniture included (seed 002 ends with "Đăng xuất"):
    # the Word file is that page saved into Word, and its reader must find the furniture
    blocks = [b for b in parsed.blocks if b.role in ("body", "site_furniture")]
    doc = _styled_document()
    header_end = _header_zone(blocks)
    landscape_at = _appendix_start(blocks)
    usable = 21.0 - 5.0
    for i, block in enumerate(blocks):
        if i == landscape_at:
            usable = _landscape(doc)
        if isinstance(block, Table):
            write_table(doc, block, usable)
            doc.add_paragraph()
        else:
            write_paragraph(doc, block, centred=i < header_end)
    doc.save(str(out))
    return out


def convert_to_pdf(docx: Path, outdir: Path) -> Path:
    """LibreOffice headless conversion; a private profile keeps parallel runs apart."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("render_samples: LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory() as profile:
        cmd = [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(docx),
        ]
        subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    pdf = outdir / (docx.stem + ".pdf")
    if not pdf.exists():
        raise SystemExit(f"render_samples: LibreOffice did not write {pdf}")
    return pdf


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "samples")
    parser.add_argument("--no-pdf", action="store_true", help="write the .docx files only")
    args = parser.parse_args(argv)
    for name in SEEDS:
        docx = render_docx(REPO / "samples" / f"{name}.txt", args.out / f"{name}.docx")
        print(docx)
        if not args.no_pdf:
            print(convert_to_pdf(docx, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
