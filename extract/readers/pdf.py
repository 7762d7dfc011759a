"""PDF reader: pdfplumber page by page → paragraphs and ruled tables in reading order.

Each page is read and closed before the next (memory stays flat on long files);
what crosses pages — running headers, a paragraph or a table continued on the next
page — is settled once all pages are read, on light page items.
"""

from __future__ import annotations

import dataclasses
import functools
import io
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2 as pdfium

from extract.limits import MAX_PDF_PAGES
from extract.options import OcrMode
from extract.readers.furniture import Candidate, furniture_roles, mark_site_furniture
from extract.readers.pdf_errors import pdf_errors
from extract.readers.pdf_fast import fast_path_ok, pdfium_rects, pdfium_words
from extract.readers.pdf_ocr import HEADER_SHARE, PageOcr, repair_ocr_lines
from extract.readers.pdf_stamps import Stamps
from extract.readers.pdf_tables import (
    TablePart,
    build_table,
    find_cell_boxes,
    ruling_objects,
    same_columns,
    select_rules,
    stitch_tables,
)
from extract.readers.pdf_text import (
    ITEM_START,
    Line,
    Margins,
    Word,
    dict_to_word,
    flow_margins,
    join_line_texts,
    lines_to_flows,
    lines_to_paragraphs,
    normal_line_gap,
    paragraph_align,
    words_to_lines,
)
from extract.readers.pdf_textlayer import TextLayer, text_layer_of
from extract.readers.repair import count_glyph_errors, repair_text
from schemas.base import Prov
from schemas.diagnostics import Report, UnreadableFile, WarningCode
from schemas.document import (
    Block,
    Cell,
    Document,
    PageInfo,
    Paragraph,
    Role,
    Source,
    Style,
    Table,
)

MIN_MARGIN_LINES = 3  # lines ending at the same x before it counts as the margin
FOOTNOTE_SIZE = 0.85  # footnotes are set this much smaller than the page's text


@dataclass(slots=True)
class ParaItem:
    """A paragraph under construction: its lines, page by page."""

    parts: list[tuple[int, list[Line]]]
    margins: Margins
    page_height: float
    role: Role = "body"

    @property
    def lines(self) -> list[Line]:
        return [ln for _, lines in self.parts for ln in lines]

    @property
    def top(self) -> float:
        return self.parts[0][1][0].top

    @property
    def bottom(self) -> float:
        return self.parts[-1][1][-1].bottom

    @property
    def page(self) -> int:
        return self.parts[0][0]


@dataclass(slots=True)
class TableItem:
    table: TablePart
    role: Role = "body"

    @property
    def top(self) -> float:
        return self.table.top

    @property
    def page(self) -> int:
        return self.table.pages[0][0]


Item = ParaItem | TableItem


@dataclass(slots=True)
class ReadState:
    """What reading a page leaves for the next: where lines start and end, per page width.

    The text area's edges are where most lines start and end (justified text runs to
    the margin), not the extremes: a wide table or a long URL would move those.
    """

    starts: Counter[tuple[int, int]] = field(default_factory=Counter)
    ends: Counter[tuple[int, int]] = field(default_factory=Counter)
    items: list[Item] = field(default_factory=list)
    pages: list[PageInfo] = field(default_factory=list)

    def margins(self, width: float, lines: Sequence[Line]) -> Margins:
        key = round(width)
        self.starts.update((key, round(ln.x0)) for ln in lines)
        self.ends.update((key, round(ln.x1)) for ln in lines)
        left = _mode(self.starts, key) or min(ln.x0 for ln in lines)
        right = _mode(self.ends, key) or max(ln.x1 for ln in lines)
        return Margins(min(left, min(ln.x0 for ln in lines)), right)


def _mode(counts: Counter[tuple[int, int]], width: int) -> float | None:
    best = max(((n, x) for (w, x), n in counts.items() if w == width), default=None)
    return float(best[1]) if best and best[0] >= MIN_MARGIN_LINES else None


# ---------------------------------------------------------------- one page


def _page_words(page: Any) -> list[Word]:
    raw = page.extract_words(return_chars=True, keep_blank_chars=False)
    return [dict_to_word(w) for w in raw if w["text"].strip()]


def _page_tables(
    page: Any, page_no: int, words: Sequence[Word], rules: list[dict[str, Any]]
) -> list[TablePart]:
    tables = [
        t
        for boxes in find_cell_boxes(page, rules)
        if (t := build_table(page_no, boxes, words)) is not None
    ]
    return [t for t in tables if not any(_nested(t, o) for o in tables if o is not t)]


def _nested(inner: TablePart, outer: TablePart) -> bool:
    a, b = inner.pages[0][1], outer.pages[0][1]
    return a[0] >= b[0] - 1 and a[1] >= b[1] - 1 and a[2] <= b[2] + 1 and a[3] <= b[3] + 1


def _outside_tables(words: Sequence[Word], tables: Sequence[TablePart]) -> list[Word]:
    boxes = [t.pages[0][1] for t in tables]

    def inside(w: Word) -> bool:
        cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
        return any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes)

    return [w for w in words if not inside(w)]


def _page_paragraphs(
    lines: list[Line], page_no: int, margins: Margins, height: float
) -> list[ParaItem]:
    flows = lines_to_flows(lines)
    line_gap = normal_line_gap([ln for f in flows if not f.column for ln in f.lines])
    items = []
    for flow in flows:
        # a column of a two-column band is centred within itself, not on the page
        own = flow_margins(flow.lines) if flow.column else margins
        for para in lines_to_paragraphs(flow.lines, own, line_gap, column=flow.column):
            items.append(ParaItem([(page_no, para)], own, height))
    return items


def _in_reading_order(paras: list[ParaItem], tables: list[TablePart]) -> list[Item]:
    items: list[Item] = list(paras)
    for table in sorted(tables, key=lambda t: t.top, reverse=True):
        at = next(
            (i for i, p in enumerate(items) if isinstance(p, ParaItem) and p.top >= table.top),
            len(items),
        )
        items.insert(at, TableItem(table))
    return items


@dataclass(frozen=True, slots=True)
class PageView:
    """What the rest of the reader needs of a page, from either library."""

    page_no: int
    width: float
    height: float
    words: list[Word]
    tables: list[TablePart]
    layer: TextLayer


def plumber_view(page: Any) -> PageView:
    words = _page_words(page)
    layer = text_layer_of([repair_text(w.text) for w in words])
    rules = ruling_objects(page) if layer == "ok" else []
    tables = _page_tables(page, page.page_number, words, rules) if rules else []
    return PageView(page.page_number, float(page.width), float(page.height), words, tables, layer)


@functools.lru_cache(maxsize=65536)
def _repaired_word(text: str) -> str:
    # a page's words are judged one by one, and the same words recur on every page
    return repair_text(text)


def fast_view(page: Any, fast_page: Any) -> PageView | None:
    """The page's words and rules read by PDFium; None for a page it cannot read upright.

    `page` is pdfplumber's page, used only for its size and its table finder, which
    with explicit rules never parses the page.
    """
    if not fast_path_ok(fast_page):
        return None
    words = pdfium_words(fast_page)
    layer = text_layer_of([_repaired_word(w.text) for w in words])
    rules = select_rules(pdfium_rects(fast_page)) if layer == "ok" else []
    tables = _page_tables(page, page.page_number, words, rules) if rules else []
    return PageView(page.page_number, float(page.width), float(page.height), words, tables, layer)


def _with_stamps(view: PageView, stamps: Stamps, index: int) -> PageView:
    # the header is on the first page; a later page's blanks are not the document's
    if index > 0 or view.layer != "ok":
        return view
    added = stamps.words(index, view.words)
    return dataclasses.replace(view, words=view.words + added) if added else view


def read_page(view: PageView, state: ReadState, report: Report) -> None:
    page_no, height = view.page_no, view.height
    layer = view.layer
    state.pages.append(PageInfo(page=page_no, width=view.width, height=height, text_layer=layer))
    if layer in ("none", "garbage"):
        report.warn(WarningCode.NO_TEXT_LAYER, page=page_no)
        if layer == "garbage":
            report.warn(WarningCode.TEXT_LAYER_GARBAGE, page=page_no)
        return
    tables = view.tables
    lines = words_to_lines(_outside_tables(view.words, tables))
    if layer == "ocr":
        header_until = HEADER_SHARE * height if page_no == 1 else 0.0
        lines = repair_ocr_lines(lines, header_until=header_until)
    if not lines and not tables:
        return
    paras = (
        _page_paragraphs(lines, page_no, state.margins(view.width, lines), height) if lines else []
    )
    mark_footnotes(paras)
    state.items.extend(_in_reading_order(paras, tables))


def mark_footnotes(paras: Sequence[ParaItem]) -> None:
    """Small-type paragraphs at the foot of a page, the first opening with its number."""
    if not paras:
        return
    sizes = sorted(ln.size for p in paras for ln in p.lines)
    small = FOOTNOTE_SIZE * sizes[len(sizes) // 2]

    def is_small(p: ParaItem) -> bool:
        return all(ln.size <= small for ln in p.lines)

    start = len(paras)
    while start > 0 and is_small(paras[start - 1]):
        start -= 1
    notes = paras[start:]
    if notes and notes[0].top > notes[0].page_height / 2 and notes[0].lines[0].text[:1].isdigit():
        for p in notes:
            p.role = "footnote"


# ---------------------------------------------------------------- across pages


def mark_furniture(items: Sequence[Item], n_pages: int) -> None:
    paras = [i for i in items if isinstance(i, ParaItem) and i.role == "body"]
    candidates = [
        Candidate(p.page, p.top, p.bottom, p.page_height, " ".join(ln.text for ln in p.lines))
        for p in paras
    ]
    for para, role in zip(paras, furniture_roles(candidates, n_pages), strict=True):
        para.role = role


def _continues_paragraph(prev: ParaItem, nxt: ParaItem) -> bool:
    """The first paragraph of a page goes on with the last one of the page before:
    it starts in lower case, or the sentence above ran to the margin unfinished."""
    last, first = prev.lines[-1], nxt.lines[0]
    if ITEM_START.match(first.text) or last.bold != first.bold:
        return False
    if first.text.lstrip("\"'“(")[:1].islower():
        return True
    em = first.size or 10.0
    unfinished = not last.text.rstrip("\"”)' ").endswith((".", ";", ":", "!", "?"))
    full = last.x1 >= prev.margins.right - 1.5 * em
    return unfinished and full and first.x0 <= nxt.margins.left + 0.8 * em


def join_across_pages(items: Sequence[Item]) -> list[Item]:
    """Stitch a table or a paragraph that the page break cut in two."""
    out: list[Item] = []
    last_body: Item | None = None
    for item in items:
        if item.role != "body":
            out.append(item)
            continue
        if last_body is not None and item.page > last_body.page and _joinable(last_body, item):
            _join(last_body, item)
            continue
        out.append(item)
        last_body = item
    return out


def _joinable(prev: Item, nxt: Item) -> bool:
    last_page = prev.table.pages[-1][0] if isinstance(prev, TableItem) else prev.parts[-1][0]
    if nxt.page != last_page + 1:
        return False
    if isinstance(prev, TableItem) and isinstance(nxt, TableItem):
        return same_columns(prev.table, nxt.table)
    if isinstance(prev, ParaItem) and isinstance(nxt, ParaItem):
        return _continues_paragraph(prev, nxt)
    return False


def _join(prev: Item, nxt: Item) -> None:
    if isinstance(prev, TableItem) and isinstance(nxt, TableItem):
        prev.table = stitch_tables(prev.table, nxt.table)
    elif isinstance(prev, ParaItem) and isinstance(nxt, ParaItem):
        prev.parts.extend(nxt.parts)


# ---------------------------------------------------------------- to the model


def _bbox(lines: Sequence[Line]) -> tuple[float, float, float, float]:
    return (
        round(min(ln.x0 for ln in lines), 2),
        round(min(ln.top for ln in lines), 2),
        round(max(ln.x1 for ln in lines), 2),
        round(max(ln.bottom for ln in lines), 2),
    )


def _rounded(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    return (round(box[0], 2), round(box[1], 2), round(box[2], 2), round(box[3], 2))


def para_to_block(item: ParaItem, block_id: str) -> Paragraph:
    lines = item.lines
    raw = "\n".join(ln.text for ln in lines)
    chars = sum(len(ln.text) for ln in lines)
    sizes = sorted(ln.size for ln in lines)
    style = Style(
        bold=sum(len(ln.text) for ln in lines if ln.bold) * 2 > chars,
        italic=sum(len(ln.text) for ln in lines if ln.italic) * 2 > chars,
        font_size=sizes[len(sizes) // 2],
        align=paragraph_align(lines, item.margins),
    )
    prov = tuple(Prov(page=page, bbox=_bbox(part)) for page, part in item.parts)
    text = repair_text(join_line_texts([ln.text for ln in lines]))
    return Paragraph(id=block_id, text=text, raw=raw, style=style, role=item.role, prov=prov)


def table_to_block(item: TableItem, block_id: str) -> Table:
    part = item.table
    cells = tuple(
        Cell(
            row=c.row,
            col=c.col,
            row_span=c.row_span,
            col_span=c.col_span,
            text=repair_text(c.text, keep_newlines=True),
            raw=c.text,
            header=c.row < part.header_rows,
            prov=tuple(Prov(page=p, bbox=_rounded(b)) for p, b in c.pages),
        )
        for c in sorted(part.cells, key=lambda c: (c.row, c.col))
    )
    prov = tuple(Prov(page=p, bbox=_rounded(b)) for p, b in part.pages)
    return Table(
        id=block_id,
        n_rows=part.n_rows,
        n_cols=part.n_cols,
        cells=cells,
        header_rows=part.header_rows,
        role=item.role,
        prov=prov,
    )


def items_to_blocks(items: Sequence[Item]) -> list[Block]:
    blocks: list[Block] = []
    for n, item in enumerate(items, 1):
        block_id = f"b{n:04d}"
        if isinstance(item, ParaItem):
            blocks.append(para_to_block(item, block_id))
        else:
            blocks.append(table_to_block(item, block_id))
    return blocks


def _warn_glyphs(blocks: Sequence[Block], report: Report) -> None:
    raws = [b.raw for b in blocks if isinstance(b, Paragraph)] + [
        c.raw for b in blocks if isinstance(b, Table) for c in b.cells
    ]
    count = sum(count_glyph_errors(r) for r in raws)
    if count:
        example = next(w for r in raws for w in r.split() if count_glyph_errors(w))
        report.warn(WarningCode.GLYPHS_REPAIRED, count=count, example=example)


# ---------------------------------------------------------------- entry point


@contextmanager
def _open(path: Path) -> Iterator[Any]:
    with pdf_errors(path):
        pdf = pdfplumber.open(path)
        repaired = _rebuilt_by_pdfium(path, len(pdf.pages))
        if repaired is not None:
            pdf.close()
            pdf = pdfplumber.open(io.BytesIO(repaired))
        with pdf:
            yield pdf


def _rebuilt_by_pdfium(path: Path, n_pages: int) -> bytes | None:
    """The file as PDFium saves it, when pdfminer found fewer pages than PDFium.

    A cross-reference table whose offsets are a few bytes off leaves pdfminer with no
    pages; PDFium (like pypdf and poppler) rebuilds the table when it opens the file,
    and what it saves has a table pdfminer can follow."""
    try:
        doc = pdfium.PdfDocument(path)
    except pdfium.PdfiumError:
        return None
    try:
        if len(doc) <= n_pages:
            return None
        buf = io.BytesIO()
        doc.save(buf)
        return buf.getvalue()
    finally:
        doc.close()


def _open_fast(path: Path, n_pages: int) -> Any | None:
    """PDFium's view of the same file; None if PDFium cannot open it or counts its pages
    otherwise than pdfminer (a damaged page tree): then pdfplumber reads every page."""
    try:
        doc = pdfium.PdfDocument(path)
    except pdfium.PdfiumError:
        return None
    if len(doc) != n_pages:
        doc.close()
        return None
    return doc


def read_pdf(path: Path, *, source: Source, ocr: OcrMode = OcrMode.AUTO,
             fast: bool = True) -> Document:
    """Read a PDF's text layer into blocks.

    Pages without drawn rules are read by PDFium (fast); pages that may hold a ruled
    table by pdfplumber. `fast=False` reads every page with pdfplumber. A page with no
    usable text layer is read by OCR (pdf_ocr.py): `ocr="auto"`; every page with
    `"force"`, none with `"off"`.

    Raises:
        UnreadableFile: the PDF is encrypted, damaged or truncated, or not a PDF.
    """
    path = Path(path)
    report = Report()
    state = ReadState()
    with _open(path) as pdf:
        fast_doc = _open_fast(path, len(pdf.pages)) if fast else None
        scans = PageOcr(path, mode=ocr, report=report, tables_of=_page_tables)
        stamps = Stamps(path)
        pages = pdf.pages
        if len(pages) > MAX_PDF_PAGES:
            report.warn(WarningCode.INPUT_LIMIT, detail=f"{len(pages)} pages: pages after "
                        f"{MAX_PDF_PAGES} skipped")
            pages = pages[:MAX_PDF_PAGES]
        try:
            for i, page in enumerate(pages):
                view = None
                if fast_doc is not None:
                    fast_page = fast_doc[i]
                    view = fast_view(page, fast_page)
                    fast_page.close()
                view = _with_stamps(view or plumber_view(page), stamps, i)
                read_page(scans.view(page, view), state, report)
                page.close()
        finally:
            scans.close()
            stamps.close()
            if fast_doc is not None:
                fast_doc.close()
    if not state.pages:
        raise UnreadableFile(path, "no readable page in this PDF (damaged or empty)")
    mark_furniture(state.items, len(state.pages))
    blocks = mark_site_furniture(items_to_blocks(join_across_pages(state.items)))
    _warn_glyphs(blocks, report)
    src = source.model_copy(update={"pages": len(state.pages)})
    return Document(
        source=src, pages=tuple(state.pages), blocks=tuple(blocks), warnings=report.items
    )
