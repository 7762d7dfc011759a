"""Synthetic Word files built in code, for reader quirks (docling's list tests style),
and document-model builders (documents of lines, tables of rows) for the parser tests.

Each helper adds one WordprocessingML feature with python-docx + OxmlElement, so a test
reads as the Word rule it checks:

    doc = new_docx()
    add_list(doc, num_id=7, levels=[("upperRoman", "%1."), ("decimal", "%2.")])
    numbered(doc, "MỤC TIÊU", num_id=7)
    path = save(doc, tmp_path)
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph as WordParagraph

from schemas.document import Cell, Document, Format, Paragraph, Prov, Source, Table

LevelSpec = tuple[str, str] | tuple[str, str, int]
"""(numFmt, lvlText) or (numFmt, lvlText, start) for one list level."""


def new_docx() -> WordDocument:
    return docx.Document()


def save(doc: WordDocument, tmp_path: Path, name: str = "fixture.docx") -> Path:
    path = tmp_path / name
    doc.save(str(path))
    return path


def w_el(tag: str, **attrs: str) -> OxmlElement:
    """A WordprocessingML element: w_el("w:outlineLvl", val="2")."""
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


def _numbering(doc: WordDocument) -> OxmlElement:
    return doc.part.part_related_by(RT.NUMBERING).element


def add_list(
    doc: WordDocument, *, num_id: int, levels: Sequence[LevelSpec], abstract_id: int | None = None
) -> None:
    """A w:abstractNum with these levels and a w:num `num_id` pointing to it."""
    abstract_id = num_id + 100 if abstract_id is None else abstract_id
    abstract = w_el("w:abstractNum", abstractNumId=str(abstract_id))
    for ilvl, spec in enumerate(levels):
        fmt, text = spec[0], spec[1]
        start = spec[2] if len(spec) > 2 else 1  # type: ignore[misc]
        lvl = w_el("w:lvl", ilvl=str(ilvl))
        lvl.append(w_el("w:start", val=str(start)))
        lvl.append(w_el("w:numFmt", val=fmt))
        lvl.append(w_el("w:lvlText", val=text))
        abstract.append(lvl)
    numbering = _numbering(doc)
    # Schema order: every abstractNum before the first num.
    first_num = numbering.find(qn("w:num"))
    if first_num is None:
        numbering.append(abstract)
    else:
        first_num.addprevious(abstract)
    add_num(doc, num_id=num_id, abstract_id=abstract_id)


def add_num(
    doc: WordDocument,
    *,
    num_id: int,
    abstract_id: int,
    start_overrides: dict[int, int] | None = None,
) -> None:
    """A w:num instance of an existing abstractNum, optionally restarting levels."""
    num = w_el("w:num", numId=str(num_id))
    num.append(w_el("w:abstractNumId", val=str(abstract_id)))
    for ilvl, start in (start_overrides or {}).items():
        override = w_el("w:lvlOverride", ilvl=str(ilvl))
        override.append(w_el("w:startOverride", val=str(start)))
        num.append(override)
    _numbering(doc).append(num)


def num_pr(num_id: int | None, ilvl: int | None) -> OxmlElement:
    """<w:numPr> for a pPr: list instance and level (either may be left to the style)."""
    num_pr = w_el("w:numPr")
    if ilvl is not None:
        num_pr.append(w_el("w:ilvl", val=str(ilvl)))
    if num_id is not None:
        num_pr.append(w_el("w:numId", val=str(num_id)))
    return num_pr


def numbered(
    doc: WordDocument, text: str, *, num_id: int, ilvl: int = 0, style: str | None = None
) -> WordParagraph:
    """A paragraph with its own w:numPr (the label is not part of its text)."""
    para = doc.add_paragraph(text, style=style)
    para._p.get_or_add_pPr().append(num_pr(num_id, ilvl))
    return para


def style_with_numbering(
    doc: WordDocument, name: str, *, num_id: int, ilvl: int | None = None, bold: bool = False
) -> str:
    """A paragraph style that carries a w:numPr (and maybe bold), as heading styles do."""
    style = doc.styles.add_style(name, 1)
    style.base_style = doc.styles["Normal"]
    style.element.get_or_add_pPr().append(num_pr(num_id, ilvl))
    if bold:
        style.font.bold = True
    return name


def merge(table: WordTable, top_left: tuple[int, int], bottom_right: tuple[int, int]) -> None:
    """Merge a rectangle the way Word does (gridSpan across, vMerge restart/continue down)."""
    a = table.cell(*top_left)
    a.merge(table.cell(*bottom_right))


def fill(table: WordTable, texts: Sequence[Sequence[str | None]]) -> WordTable:
    """Write texts into grid positions; None leaves a position untouched (merged away)."""
    for r, row in enumerate(texts):
        for c, text in enumerate(row):
            if text is not None:
                table.cell(r, c).text = text
    return table


def mark_header_rows(table: WordTable, count: int) -> None:
    """w:tblHeader on the first rows: Word repeats them on every page."""
    for row in table.rows[:count]:
        row._tr.get_or_add_trPr().append(w_el("w:tblHeader"))


def set_grid_before(table: WordTable, row: int, n: int) -> None:
    """w:gridBefore: the row starts `n` grid columns in (its first cells are removed)."""
    tr = table.rows[row]._tr
    for tc in tr.findall(qn("w:tc"))[:n]:
        tr.remove(tc)
    tr.get_or_add_trPr().append(w_el("w:gridBefore", val=str(n)))


def run_in_font(para: WordParagraph, text: str, font: str) -> None:
    """A run whose w:rFonts names `font` (legacy 8-bit fonts: ".VnTime", "VNI-Times")."""
    run = para.add_run(text)
    run.font.name = font


def make_docx(
    tmp_path: Path, paragraphs: Sequence[str] = (), *, name: str = "fixture.docx"
) -> Path:
    """The simplest fixture: plain paragraphs in the default template."""
    doc = new_docx()
    for text in paragraphs:
        doc.add_paragraph(text)
    return save(doc, tmp_path, name)


__all__ = [
    "add_list",
    "add_num",
    "fill",
    "make_docx",
    "mark_header_rows",
    "merge",
    "new_docx",
    "numbered",
    "run_in_font",
    "save",
    "set_grid_before",
    "style_with_numbering",
    "num_pr",
    "w_el",
]


# --- document-model builders (Document, Paragraph, Table) for the parser tests ---------------

Spans = dict[tuple[int, int], tuple[int, int]]


def source(fmt: Format = "md", path: str | None = None) -> Source:
    return Source(path=path or f"t.{fmt}", sha256="0" * 64, format=fmt)


def document(*blocks: Paragraph | Table, fmt: Format = "md") -> Document:
    return Document(source=source(fmt), blocks=blocks)


def paragraphs(
    *lines: str,
    labels: dict[int, str] | None = None,
    lines_per_page: int | None = None,
    first: int = 1,
) -> tuple[Paragraph, ...]:
    """One paragraph per line, ids b0001, b0002…; `lines_per_page` sets their pages."""
    labels = labels or {}
    return tuple(
        Paragraph(
            id=f"b{first + i:04d}",
            text=line,
            raw=line,
            label=labels.get(i),
            prov=(Prov(page=1 + i // lines_per_page),) if lines_per_page else (),
        )
        for i, line in enumerate(lines)
    )


def document_of_lines(
    *lines: str, labels: dict[int, str] | None = None, lines_per_page: int | None = None
) -> Document:
    return document(*paragraphs(*lines, labels=labels, lines_per_page=lines_per_page))


def make_table(
    rows: list[list[str | None]],
    spans: Spans | None = None,
    *,
    id: str = "b0002",
    page: int | None = 1,
) -> Table:
    """A table from its rows; None marks a position covered by a spanning cell."""
    spans = spans or {}
    prov = (Prov(page=page),) if page is not None else ()
    cells = []
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text is None:
                continue
            row_span, col_span = spans.get((r, c), (1, 1))
            cell = Cell(
                row=r, col=c, row_span=row_span, col_span=col_span, text=text, raw=text, prov=prov
            )
            cells.append(cell)
    n_cols = max(len(r) for r in rows)
    return Table(id=id, n_rows=len(rows), n_cols=n_cols, cells=tuple(cells), prov=prov)
