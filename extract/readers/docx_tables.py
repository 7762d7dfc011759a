"""Word tables (w:tbl) → anchor cells with row and column spans.

python-docx's `table.cell(r, c)` repeats a merged cell at every grid position it
covers, so counting its cells double-counts merges. Here the raw XML is walked once:
each w:tc is one grid slot run of `gridSpan` columns; a w:tc whose w:vMerge is
"continue" (the bare <w:vMerge/>) extends the cell above it instead of starting one.
Rows may start late or end early (w:gridBefore / w:gridAfter): those positions stay empty.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from extract.readers.docx_styles import Element, on_off, w, w_val
from schemas.document import Block, Cell, Table

# Wrappers that may stand between a table and its rows, or a row and its cells.
_WRAPPERS = {w("sdt"), w("customXml")}


@dataclass
class CellDraft:
    """A cell's place in the grid and the w:tc elements that make it up (anchor first)."""

    row: int
    col: int
    col_span: int
    row_span: int = 1
    header: bool = False
    parts: list[Element] = field(default_factory=list)

    @property
    def bottom(self) -> int:
        return self.row + self.row_span - 1


@dataclass
class TableDraft:
    n_rows: int
    n_cols: int
    header_rows: int
    cells: list[CellDraft]


def _children(el: Element, tag: str) -> Iterator[Element]:
    """Children with `tag`, looking through content controls and custom XML."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            content = child.find(w("sdtContent")) if child.tag == w("sdt") else child
            if content is not None:
                yield from _children(content, tag)


def _int_attr(el: Element | None, default: int) -> int:
    try:
        value = w_val(el)
        return max(int(value), 0) if value is not None else default
    except ValueError:
        return default


def _is_deleted(tr: Element) -> bool:
    trpr = tr.find(w("trPr"))
    return trpr is not None and trpr.find(w("del")) is not None


def _is_header(tr: Element) -> bool:
    trpr = tr.find(w("trPr"))
    return trpr is not None and bool(on_off(trpr.find(w("tblHeader"))))


def _grid_width(tbl: Element) -> int:
    grid = tbl.find(w("tblGrid"))
    return 0 if grid is None else len(grid.findall(w("gridCol")))


def tbl_to_draft(tbl: Element) -> TableDraft:
    """Lay out a w:tbl's cells on its grid, each merged cell once at its top-left slot."""
    cells: list[CellDraft] = []
    above: dict[int, CellDraft] = {}
    rows = [tr for tr in _children(tbl, w("tr")) if not _is_deleted(tr)]
    header_rows = 0
    while header_rows < len(rows) and _is_header(rows[header_rows]):
        header_rows += 1
    width = _grid_width(tbl)
    for r, tr in enumerate(rows):
        trpr = tr.find(w("trPr"))
        col = _int_attr(trpr.find(w("gridBefore")) if trpr is not None else None, 0)
        here: dict[int, CellDraft] = {}
        for tc in _children(tr, w("tc")):
            draft = _place(tc, r, col, above, cells, header=r < header_rows)
            for c in range(col, col + _span(tc)):
                here[c] = draft
            col += _span(tc)
        after = _int_attr(trpr.find(w("gridAfter")) if trpr is not None else None, 0)
        width = max(width, col + after)
        above = here
    return TableDraft(n_rows=len(rows), n_cols=width, header_rows=header_rows, cells=cells)


def _span(tc: Element) -> int:
    tcpr = tc.find(w("tcPr"))
    return max(_int_attr(tcpr.find(w("gridSpan")) if tcpr is not None else None, 1), 1)


def _continues(tc: Element) -> bool:
    """<w:vMerge/> or <w:vMerge w:val="continue"/>: this slot belongs to the cell above."""
    tcpr = tc.find(w("tcPr"))
    merge = tcpr.find(w("vMerge")) if tcpr is not None else None
    return merge is not None and (w_val(merge) or "continue") == "continue"


def _place(
    tc: Element,
    r: int,
    col: int,
    above: dict[int, CellDraft],
    cells: list[CellDraft],
    *,
    header: bool,
) -> CellDraft:
    anchor = above.get(col)
    if _continues(tc) and anchor is not None and anchor.bottom == r - 1:
        anchor.row_span += 1
        anchor.parts.append(tc)
        return anchor
    draft = CellDraft(row=r, col=col, col_span=_span(tc), header=header, parts=[tc])
    cells.append(draft)
    return draft


def truncate_draft(draft: TableDraft, max_cells: int) -> TableDraft:
    """The first rows of a table holding at most `max_cells` cells (spans cut at the end)."""
    last_row = draft.n_rows
    for count, cell in enumerate(draft.cells, start=1):
        if count > max_cells:
            last_row = cell.row
            break
    kept = [c for c in draft.cells if c.row < last_row]
    for cell in kept:
        cell.row_span = min(cell.row_span, last_row - cell.row)
    return TableDraft(last_row, draft.n_cols, min(draft.header_rows, last_row), kept)


def cell_contents(tbl: Element) -> list[Element]:
    """Everything inside a table's cells, row by row, without the grid."""
    return [
        child
        for tr in _children(tbl, w("tr"))
        for tc in _children(tr, w("tc"))
        for child in tc
        if child.tag != w("tcPr")
    ]


ReadBlocks = Callable[[list[Element], str], list[Block]]
"""Reads the content elements of a cell (w:p, w:tbl, …) into blocks with ids under a prefix."""


def draft_to_table(
    draft: TableDraft,
    table_id: str,
    read_blocks: ReadBlocks,
    cell_text: Callable[[list[Block]], tuple[str, str]],
) -> Table:
    """Fill each drafted cell with its content; `cell_text` gives (text, raw) from blocks."""
    cells = []
    for cd in draft.cells:
        content = [child for tc in cd.parts for child in tc if child.tag != w("tcPr")]
        blocks = read_blocks(content, f"{table_id}.r{cd.row}c{cd.col}")
        text, raw = cell_text(blocks)
        cells.append(
            Cell(
                row=cd.row,
                col=cd.col,
                row_span=cd.row_span,
                col_span=cd.col_span,
                text=text,
                raw=raw,
                blocks=tuple(blocks),
                header=cd.header,
            )
        )
    return Table(
        id=table_id,
        n_rows=draft.n_rows,
        n_cols=draft.n_cols,
        cells=tuple(cells),
        header_rows=draft.header_rows,
    )


__all__ = [
    "CellDraft",
    "ReadBlocks",
    "TableDraft",
    "cell_contents",
    "draft_to_table",
    "tbl_to_draft",
    "truncate_draft",
]
