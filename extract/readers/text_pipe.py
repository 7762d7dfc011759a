"""Flattened pipe tables: web-page copies that write one table cell per line.

The layout, as legal-document sites produce it when a page is copied as text::

    |                          ← a lone pipe starts a row
    TT |                       ← each cell's text ends with " |"
    CỘNG HÒA XÃ HỘI            ← a cell may run over several lines
    CHỦ NGHĨA VIỆT NAM |
    |                          ← inside a row, a lone pipe is an empty cell
    ||                         ← a run of pipes: grid positions this row does not own

Every row accounts for all columns: text cells + lone pipes + the pipes of runs =
the width of the first row. The positions a row does not own are those covered
by a cell above it that spans several rows (a merged TT, objective or task in a
plan's appendix) — but the copy loses *which* positions they are. Rows of the
"KHUNG NHIỆM VỤ" appendix of seed 002 show all the cases: a new task under the
same objective lacks TT and objective (7 cells + "||"), a new activity under the
same task also lacks the task (6 cells + "|||"), rows 5 and 6 of group III lack
the last four columns (5 cells + "||||", covered by row 4's agencies, deadline
and funding), and a row may lack its objective in the middle ("5 | 2.55. … |").

`align_row` therefore places a row's cells by what they look like. Columns of
the table's complete rows have a dominant shape (a bare row number "3"; numbered
items "1.8.", "2.16.", "3.27." whose first number follows the column), and the
cells of a short row go, in order, to the columns whose shape they match best;
ties go to the rightmost columns (merged cells sit on the left). The columns a
row does not fill are covered by the cell above, whose `row_span` grows; where
there is none (the row above is a header or group row) an empty cell is made.
Lone pipes after the last text fill the next columns as empty cells when there
is room. A row whose only texts are a label and a title ("II | CẢI CÁCH THỂ
CHẾ", "7.1 | Chính quyền số") is a group row: the title spans the other columns.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from extract.readers.text_tables import (
    CellDraft,
    TableDraft,
    group_row,
    html_cell,
    is_header_row,
    plain_cell,
)
from normalize.patterns import PIPE_BARE_NO, PIPE_DASH, PIPE_DOTTED_NO, PIPE_ROMAN_NO

_MAX_CELL_LINES = 3
_GAP_PENALTY = 0.5
_EMPTY_BONUS = 0.1


@dataclass
class _Slot:
    """One grid position as the copy wrote it: a text cell, a lone pipe, or a run."""

    kind: str  # "text" | "lone" | "run"
    cell: CellDraft | None = None
    width: int = 1


@dataclass
class _Row:
    slots: list[_Slot]

    @property
    def width(self) -> int:
        return sum(slot.width for slot in self.slots)

    @property
    def items(self) -> list[CellDraft]:
        """Text cells and the empty cells before the last text, in order."""
        last = max((i for i, s in enumerate(self.slots) if s.kind == "text"), default=-1)
        return [s.cell or plain_cell("") for s in self.slots[: last + 1] if s.kind != "run"]

    @property
    def trailing_empty(self) -> int:
        last = max((i for i, s in enumerate(self.slots) if s.kind == "text"), default=-1)
        return sum(1 for s in self.slots[last + 1 :] if s.kind == "lone")


def is_pipes(line: str) -> bool:
    s = line.strip()
    return bool(s) and set(s) == {"|"}


def _ends_cell(line: str) -> bool:
    s = line.rstrip()
    return s.endswith("|") and not is_pipes(s)


def starts_flat_table(lines: Sequence[str], i: int) -> bool:
    """A lone pipe followed by a cell line or another pipe line."""
    if lines[i].strip() != "|" or i + 1 >= len(lines):
        return False
    return _cell_end(lines, i + 1) is not None or is_pipes(lines[i + 1])


def _cell_end(lines: Sequence[str], i: int) -> int | None:
    """Index of the line that closes a cell starting at i, or None if none does."""
    for j in range(i, min(i + _MAX_CELL_LINES, len(lines))):
        line = lines[j]
        if not line.strip() or is_pipes(line) or "\t" in line:
            return None
        if _ends_cell(line):
            return j
    return None


def _read_row(lines: Sequence[str], i: int, n_cols: int | None) -> tuple[_Row, int]:
    """Slots of the row whose opening pipe was at i-1; returns the row and next index."""
    row = _Row([])
    while i < len(lines):
        s = lines[i].strip()
        if is_pipes(s):
            if len(s) > 1:
                row.slots.append(_Slot("run", width=len(s)))
                return row, i + 1
            if n_cols is None and row.slots:
                return row, i  # first row: a lone pipe after its cells opens the next row
            row.slots.append(_Slot("lone"))
            i += 1
        else:
            end = _cell_end(lines, i)
            if end is None:
                return row, i
            raw = "\n".join(line.strip() for line in lines[i : end + 1])
            row.slots.append(_Slot("text", cell=html_cell(raw.rstrip(" |"))))
            i = end + 1
        if n_cols is not None and row.width >= n_cols:
            return row, i
    return row, i


def parse_flat_pipe(lines: Sequence[str], start: int) -> tuple[TableDraft, int]:
    """The flattened table opening at `start`; returns it and the next line index."""
    rows: list[_Row] = []
    n_cols: int | None = None
    i = start
    while i < len(lines) and lines[i].strip() == "|":
        row, i = _read_row(lines, i + 1, n_cols)
        if not row.slots:
            break
        rows.append(row)
        n_cols = n_cols or row.width
    return _rows_to_draft(rows, n_cols or 0, first_line=start + 1), i


def shape_of(text: str) -> str | None:
    """'3' → 'bare', 'IV' → 'roman', '2.16. Ban hành' → 'num:2', '- …' → 'dash'."""
    text = text.strip()
    if PIPE_BARE_NO.match(text):
        return "bare"
    if PIPE_ROMAN_NO.match(text):
        return "roman"
    match = PIPE_DOTTED_NO.match(text)
    if match:
        return f"num:{int(match.group(1))}"
    return "dash" if PIPE_DASH.match(text) else None


def column_shapes(rows: Sequence[list[CellDraft]], n_cols: int) -> list[str | None]:
    """Each column's dominant shape over complete rows (60% of its non-empty cells)."""
    counts: list[Counter[str | None]] = [Counter() for _ in range(n_cols)]
    for cells in rows:
        for col, cell in enumerate(cells[:n_cols]):
            if not cell.empty:
                counts[col][shape_of(cell.text)] += 1
    shapes: list[str | None] = []
    for counter in counts:
        total = sum(counter.values())
        best, n = counter.most_common(1)[0] if counter else (None, 0)
        distinctive = best not in (None, "dash")
        shapes.append(best if distinctive and total and n / total >= 0.6 else None)
    return shapes


def _fit(cell: CellDraft, shape: str | None) -> float:
    if cell.empty:
        return 0.0
    own = shape_of(cell.text)
    plain = own in (None, "dash")
    if shape is None:
        return 0.0 if plain else -1.0
    if own == shape:
        return 3.0
    return -1.0 if plain else -3.0


def align_row(
    items: Sequence[CellDraft], trailing_empty: int, shapes: Sequence[str | None]
) -> list[int | None]:
    """Columns for the items, then for the trailing empty cells (None: left out).

    Items keep their order; a gap between two placed items costs a little,
    gaps before the first and after the last are free (covered from above).
    """
    n_cols = len(shapes)
    kinds = [True] * len(items) + [False] * trailing_empty  # True: must be placed
    cells = list(items) + [plain_cell("")] * trailing_empty

    @cache
    def best(i: int, col: int, started: bool) -> tuple[float, tuple[int | None, ...]]:
        if i == len(cells):
            return 0.0, ()
        options: list[tuple[float, tuple[int | None, ...]]] = []
        if not kinds[i]:
            score, rest = best(i + 1, col, started)
            options.append((score, (None, *rest)))
        for j in range(n_cols - 1, col - 1, -1):
            if n_cols - j < sum(kinds[i:]):
                continue
            gain = _fit(cells[i], shapes[j]) if kinds[i] else _EMPTY_BONUS
            penalty = _GAP_PENALTY * (j - col) if started else 0.0
            score, rest = best(i + 1, j + 1, True)
            options.append((gain - penalty + score, (j, *rest)))
        if not options:
            return float("-inf"), ()
        return max(options, key=lambda option: option[0])

    return list(best(0, 0, False)[1])


def _anchor_above(grid: list[list[CellDraft | None]], row: int, col: int) -> CellDraft | None:
    if row == 0:
        return None
    cell = grid[row - 1][col]
    return cell if cell is not None and cell.col_span == 1 else None


def _rows_to_draft(rows: list[_Row], n_cols: int, *, first_line: int) -> TableDraft:
    """Place every row's cells, growing the row spans of the cells above."""
    complete = [r.items for r in rows if len(r.items) == n_cols and r.width == n_cols]
    header_rows = 1 if rows and is_header_row(rows[0].items) else 0
    shapes = column_shapes(complete[header_rows:] if complete else [], n_cols)
    grid: list[list[CellDraft | None]] = []
    placed_rows: list[list[CellDraft]] = []
    fixed: set[int] = set(range(header_rows))
    for r, row in enumerate(rows):
        items, trailing = row.items, row.trailing_empty
        grouped = group_row(items + [plain_cell("")] * trailing, n_cols)
        if grouped is not None:
            fixed.add(r)
            cells = grouped
        else:
            cells = _aligned_cells(items, trailing, shapes)
        grid.append([None] * n_cols)
        placed_rows.append(cells)
        for cell in cells:
            for c in range(cell.col, min(cell.col + cell.col_span, n_cols)):
                grid[r][c] = cell
        for col in range(n_cols):
            if grid[r][col] is None:
                anchor = None if r - 1 in fixed else _anchor_above(grid, r, col)
                if anchor is not None:
                    anchor.row_span += 1
                    grid[r][col] = anchor
                else:
                    filler = plain_cell("")
                    filler.col = col
                    placed_rows[r].append(filler)
                    grid[r][col] = filler
        placed_rows[r].sort(key=lambda cell: cell.col)
    return TableDraft(
        rows=placed_rows, n_cols=n_cols, header_rows=header_rows, first_line=first_line
    )


def _aligned_cells(
    items: list[CellDraft], trailing: int, shapes: Sequence[str | None]
) -> list[CellDraft]:
    columns = align_row(items, trailing, shapes)
    cells = list(items) + [plain_cell("") for _ in range(trailing)]
    placed: list[CellDraft] = []
    for cell, col in zip(cells, columns, strict=True):
        if col is not None:
            cell.col = col
            placed.append(cell)
    return placed
