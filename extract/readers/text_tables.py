"""Tables written into text files, and the draft grid every text table becomes.

Two layouts are read here: tab-separated rows (spreadsheet or web copies; cells
may hold HTML fragments such as `<b>`, `<ul><li>`, `<p>`) and one-line pipe rows
(`| Số hiệu | 3369/QĐ-UBND |`). The flattened pipe layout, one cell per line, is
in `text_pipe.py`. All of them end as `TableDraft` → `draft_to_table`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from extract.readers.html import fragment_paragraphs
from extract.readers.repair import repair_text
from normalize.patterns import TEXT_GROUP_LABEL, TEXT_LABELLED_TITLE
from normalize.text import fold_key
from schemas.document import Cell, Paragraph, Style, Table

# The row-number column heading that marks a header row ("TT", "STT", "Số TT").
_ROW_NUMBER_HEADINGS = {fold_key(h) for h in ("TT", "STT", "Số TT", "Số thứ tự")}
# HTML left in a text form's cell (seed 001 keeps "<ul><li>…" and "<b>I</b>" in its TSV
# rows): any tag, or a character reference (not "NN&PTNT;", an abbreviation before a
# semicolon). Read here, so that no later stage sees markup.
_MARKUP = re.compile(
    r"<\s*/?\s*[a-z][a-z0-9]*\b[^>]*>|&(?:#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos|nbsp);", re.I
)
_MD_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")


@dataclass
class CellDraft:
    """A cell before ids are given: its text, raw form and the paragraphs inside."""

    text: str
    raw: str
    paragraphs: list[tuple[str, str, bool | None]] = field(default_factory=list)
    bold: bool | None = None
    col: int = 0
    row_span: int = 1
    col_span: int = 1

    @property
    def empty(self) -> bool:
        return not self.text.strip()


@dataclass
class TableDraft:
    rows: list[list[CellDraft]]
    n_cols: int
    header_rows: int = 0
    first_line: int = 0


def plain_cell(raw: str, *, keep_newlines: bool = False) -> CellDraft:
    """A cell from plain text (wrapped lines are joined by spaces)."""
    return CellDraft(text=repair_text(raw, keep_newlines=keep_newlines), raw=raw)


def html_cell(raw: str) -> CellDraft:
    """A cell whose text may hold HTML fragments: list items and line breaks become
    paragraphs, bold is kept as the cell's style, other tags and entities are dropped."""
    if not _MARKUP.search(raw):
        return plain_cell(raw)
    paragraphs = fragment_paragraphs(raw)
    text = "\n".join(text for text, _, _ in paragraphs)
    bolds = [bold for _, _, bold in paragraphs]
    bold = bool(bolds) and all(bolds)
    return CellDraft(text=text, raw=raw, paragraphs=paragraphs, bold=bold)


def is_tsv_row(line: str) -> bool:
    """A row inside a tab-separated table (group rows have one filled cell)."""
    return "\t" in line and bool(line.strip())


def starts_tsv(line: str) -> bool:
    """A tab-separated table starts with a row of at least two filled cells, so that
    a line merely indented with a tab stays text."""
    return sum(1 for part in line.split("\t") if part.strip()) >= 2


def is_pipe_row(line: str) -> bool:
    """A one-line pipe row: '| a | b |' (at least two cells)."""
    s = line.strip()
    return s.startswith("|") and s.endswith("|") and s.count("|") >= 3 and bool(s.strip("| "))


def group_row(cells: list[CellDraft], n_cols: int) -> list[CellDraft] | None:
    """A group heading row ("I | CẢI CÁCH THỂ CHẾ | | |"): label + one spanning title.

    A row is a group row when at most two cells hold text, all others are empty,
    and it reads as a label and a title: the first cell is a label (I, II, A,
    7.1) or the only text starts with a Roman numeral ("II CẢI CÁCH ..."), which
    is split off into the row-number column.
    """
    filled = [c for c in cells if not c.empty]
    if n_cols < 3 or not filled or len(filled) > 2 or len(cells) < 2:
        return None
    if len(filled) == 2 and cells[0] is filled[0] and cells[1] is filled[1]:
        label, title = filled
        if not TEXT_GROUP_LABEL.match(label.text.strip()):
            return None
    elif len(filled) == 1 and cells[0] is filled[0]:
        match = TEXT_LABELLED_TITLE.match(filled[0].text)
        if not match:
            return None
        bold = filled[0].bold
        label = CellDraft(text=match.group(1), raw=match.group(1), bold=bold)
        title = CellDraft(text=match.group(2), raw=filled[0].raw, bold=bold)
        if filled[0].paragraphs:
            label.paragraphs = [(label.text, label.raw, bold)]
            title.paragraphs = [(title.text, title.raw, bold)]
    else:
        return None
    label.col, title.col = 0, 1
    title.col_span = n_cols - 1
    return [label, title]


def _place(cells: list[CellDraft], n_cols: int) -> list[CellDraft]:
    """Cells of a complete row, left to right; a group row gets its spanning title."""
    grouped = group_row(cells, n_cols)
    if grouped is not None:
        return grouped
    for col, cell in enumerate(cells):
        cell.col = col
    return cells


def is_header_row(cells: Sequence[CellDraft]) -> bool:
    return bool(cells) and fold_key(cells[0].text) in _ROW_NUMBER_HEADINGS


def _row_key(cells: Sequence[CellDraft]) -> tuple[str, ...]:
    return tuple(fold_key(c.text) for c in cells)


def parse_tsv(lines: Sequence[str], start: int) -> tuple[TableDraft, int]:
    """Consecutive tab rows from `start` into one table; returns it and the next index.

    Blank lines between chunks of rows do not end the table. A row equal to the
    first row (the header repeated on every page of the source) is dropped.
    """
    raw_rows: list[list[CellDraft]] = []
    i = start
    while i < len(lines):
        if is_tsv_row(lines[i]):
            raw_rows.append([html_cell(part) for part in lines[i].rstrip("\r\n").split("\t")])
            i += 1
            continue
        j = i
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j > i and j < len(lines) and is_tsv_row(lines[j]):
            i = j
            continue
        break
    return _complete_rows(raw_rows, first_line=start + 1), i


def parse_pipe_rows(lines: Sequence[str], start: int) -> tuple[TableDraft, int]:
    """Consecutive one-line pipe rows (Markdown tables; the |---| rule marks a header)."""
    raw_rows: list[list[CellDraft]] = []
    header_rows = 0
    i = start
    while i < len(lines) and (is_pipe_row(lines[i]) or _MD_RULE.match(lines[i].strip() or "x")):
        s = lines[i].strip()
        if _MD_RULE.match(s):
            header_rows = len(raw_rows)
        else:
            raw_rows.append([html_cell(part.strip()) for part in s[1:-1].split("|")])
        i += 1
    draft = _complete_rows(raw_rows, first_line=start + 1)
    draft.header_rows = max(draft.header_rows, header_rows)
    return draft, i


def _complete_rows(raw_rows: list[list[CellDraft]], *, first_line: int) -> TableDraft:
    """Rows that each fill the grid: pad short rows, drop repeated headers."""
    n_cols = max((len(r) for r in raw_rows), default=0)
    header_key = _row_key(raw_rows[0]) if raw_rows else ()
    rows: list[list[CellDraft]] = []
    for index, cells in enumerate(raw_rows):
        if index > 0 and _row_key(cells) == header_key:
            continue
        cells = cells + [plain_cell("") for _ in range(n_cols - len(cells))]
        rows.append(_place(cells, n_cols))
    repeated = len(rows) < len(raw_rows)
    header_rows = 1 if rows and (repeated or is_header_row(rows[0])) else 0
    return TableDraft(rows=rows, n_cols=n_cols, header_rows=header_rows, first_line=first_line)


def _cell_blocks(cell: CellDraft, prefix: str) -> tuple[Paragraph, ...]:
    return tuple(
        Paragraph(id=f"{prefix}.{k}", text=text, raw=raw, style=Style(bold=bold))
        for k, (text, raw, bold) in enumerate(cell.paragraphs, start=1)
    )


def draft_to_table(draft: TableDraft, table_id: str) -> Table:
    """The document-model table: anchor cells with spans, ids `b0007.r2c1.1` inside."""
    cells: list[Cell] = []
    for r, row in enumerate(draft.rows):
        for cell in row:
            prefix = f"{table_id}.r{r}c{cell.col}"
            cells.append(
                Cell(
                    row=r,
                    col=cell.col,
                    row_span=cell.row_span,
                    col_span=cell.col_span,
                    text=cell.text,
                    raw=cell.raw,
                    blocks=_cell_blocks(cell, prefix),
                    header=r < draft.header_rows,
                )
            )
    return Table(
        id=table_id,
        n_rows=len(draft.rows),
        n_cols=draft.n_cols,
        cells=tuple(cells),
        header_rows=draft.header_rows,
    )
