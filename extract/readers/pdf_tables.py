"""Ruled tables of a PDF page: ruling lines → cell boxes → anchor cells with spans,
and tables continued over a page break stitched back into one.

Only drawn rulings count (lines, hairline rectangles, stroked boxes). Filled
rectangles are cell shading and highlights: their edges would split cells into
phantom rows and columns.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from extract.readers.pdf_text import Line, Word, cell_lines_to_text, words_to_lines
from normalize.text import fold_ws

BBoxT = tuple[float, float, float, float]
HAIRLINE = 3.0  # a filled rectangle this thin is a drawn rule
SNAP = 4.0  # boundaries closer than this are one (cell padding, double rules)
MIN_RULES = 2  # fewer rulings per direction: no table on the page


@dataclass(frozen=True, slots=True)
class GridBox:
    row: int
    col: int
    row_span: int
    col_span: int
    bbox: BBoxT


@dataclass(slots=True)
class PartCell:
    row: int
    col: int
    row_span: int
    col_span: int
    text: str
    bold: bool
    pages: list[tuple[int, BBoxT]]


@dataclass(slots=True)
class TablePart:
    """One table as found, or as stitched over several pages."""

    n_rows: int
    n_cols: int
    col_xs: list[float]
    cells: list[PartCell]
    header_rows: int
    pages: list[tuple[int, BBoxT]] = field(default_factory=list)

    @property
    def top(self) -> float:
        return self.pages[0][1][1]

    @property
    def bottom(self) -> float:
        return self.pages[-1][1][3]

    def row_texts(self, row: int) -> list[str]:
        texts = [""] * self.n_cols
        for cell in self.cells:
            if cell.row <= row < cell.row + cell.row_span:
                for c in range(cell.col, cell.col + cell.col_span):
                    texts[c] = cell.text
        return texts


# ---------------------------------------------------------------- rulings


def _is_rule(obj: dict[str, Any]) -> bool:
    if obj["object_type"] == "line":
        return True
    thin = min(obj["width"], obj["height"]) <= HAIRLINE
    return thin or bool(obj.get("stroke"))


def ruling_objects(page: Any) -> list[dict[str, Any]]:
    """The page's drawn rules, from pdfplumber's objects (see `select_rules`)."""
    return select_rules([*page.lines, *page.rects])


def select_rules(objects: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The drawn rules among a page's lines and rectangles: lines, hairline rectangles,
    stroked boxes, and the shading of whole cells (its sides on the column rules):
    Word sometimes leaves a shaded header row without its bottom border."""
    rules = [o for o in objects if _is_rule(o)]
    columns = [o["x0"] for o in rules if o["width"] <= HAIRLINE]
    columns += [o["x1"] for o in rules if o["width"] <= HAIRLINE]
    columns.sort()  # _on_columns looks up only the nearest ones
    rects = [o for o in objects if o["object_type"] == "rect"]
    shading = [o for o in rects if not _is_rule(o) and _on_columns(o, columns)]
    return rules + shading


def _near_one_of(sorted_xs: Sequence[float], v: float, tolerance: float) -> bool:
    # the closest value is one of v's two neighbours in sorted order (a page can have
    # thousands of shaded rectangles and hundreds of column rules)
    k = bisect_left(sorted_xs, v)
    return any(abs(v - x) <= tolerance for x in sorted_xs[max(k - 1, 0) : k + 1])


def _on_columns(rect: dict[str, Any], columns: Sequence[float]) -> bool:
    """Both sides of rect within 1.5 pt of a column rule; `columns` sorted."""
    return _near_one_of(columns, rect["x0"], 1.5) and _near_one_of(columns, rect["x1"], 1.5)


def has_rulings(rules: Sequence[dict[str, Any]]) -> bool:
    vertical = sum(1 for o in rules if o["width"] < o["height"])
    return vertical >= MIN_RULES and len(rules) - vertical >= MIN_RULES


def find_cell_boxes(page: Any, rules: list[dict[str, Any]]) -> list[list[BBoxT]]:
    """The cell boxes of each ruled table on the page (pdfplumber's finder, our edges)."""
    if not has_rulings(rules):
        return []
    settings = {
        "vertical_strategy": "explicit",
        "horizontal_strategy": "explicit",
        "explicit_vertical_lines": rules,
        "explicit_horizontal_lines": rules,
    }
    return [list(t.cells) for t in page.find_tables(settings)]


# ---------------------------------------------------------------- cells → grid


def _snap(values: Sequence[float], tolerance: float = SNAP) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tolerance:
            continue
        out.append(v)
    return out


def _nearest(bounds: Sequence[float], v: float) -> int:
    """Index of the bound closest to v (the lower one on a tie); `bounds` ascending,
    so only v's two neighbours can be closest."""
    k = bisect_left(bounds, v)
    candidates = range(max(k - 1, 0), min(k + 1, len(bounds)))
    return min(candidates, key=lambda i: abs(bounds[i] - v))


def cells_to_grid(boxes: Sequence[BBoxT]) -> tuple[list[GridBox], list[float], list[float]]:
    """Cell boxes → anchor cells with row/col spans, on snapped column and row boundaries.

    pdfplumber leaves ``None`` where a merged cell covers a grid position; here a
    cell's span is simply how many boundaries its box crosses.
    """
    xs = _snap([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = _snap([b[1] for b in boxes] + [b[3] for b in boxes])
    grid: dict[tuple[int, int], GridBox] = {}
    for box in boxes:
        c0, c1 = _nearest(xs, box[0]), _nearest(xs, box[2])
        r0, r1 = _nearest(ys, box[1]), _nearest(ys, box[3])
        if c1 <= c0 or r1 <= r0 or (r0, c0) in grid:
            continue
        grid[(r0, c0)] = GridBox(r0, c0, r1 - r0, c1 - c0, (xs[c0], ys[r0], xs[c1], ys[r1]))
    return sorted(grid.values(), key=lambda g: (g.row, g.col)), xs, ys


def _inside(word: Word, bbox: BBoxT) -> bool:
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]


def words_in(words: Sequence[Word], bbox: BBoxT) -> list[Word]:
    return [w for w in words if _inside(w, bbox)]


class WordIndex:
    """A page's words by the height of their centres, so that finding a cell's words
    looks only at the words level with the cell rather than at the whole page (a
    table of hundreds of cells on a page of thousands of words)."""

    __slots__ = ("_cys", "_entries", "_words")

    def __init__(self, words: Sequence[Word]) -> None:
        self._words = words
        # the centres computed as _inside computes them, so both choose the same words
        entries = sorted(
            ((w.top + w.bottom) / 2, (w.x0 + w.x1) / 2, i) for i, w in enumerate(words)
        )
        self._entries = entries
        self._cys = [e[0] for e in entries]

    def words_in(self, bbox: BBoxT) -> list[Word]:
        """Same as words_in(words, bbox): the words centred in bbox, in page order."""
        lo = bisect_left(self._cys, bbox[1])
        hi = bisect_right(self._cys, bbox[3])
        x0, x1 = bbox[0], bbox[2]
        found = sorted(i for _, cx, i in self._entries[lo:hi] if x0 <= cx <= x1)
        return [self._words[i] for i in found]


def _cell_lines(words: Sequence[Word]) -> list[Line]:
    return words_to_lines(words)


def header_row_count(cells: Sequence[PartCell], n_rows: int) -> int:
    """1 when the first row is in bold, more when its cells span rows or a header cell
    spans columns over a row of sub-headers ("Cơ quan" over "chủ trì | phối hợp").
    A bold row below the header that is not covered by it is a group row ("I | CẢI
    CÁCH THỂ CHẾ"), not a header."""
    first = [c for c in cells if c.row == 0]
    if n_rows < 2 or not first or not all(c.bold for c in first if c.text):
        return 0
    if not any(c.text for c in first):
        return 0
    count = max(c.row_span for c in first)
    if any(c.col_span > 1 and c.row_span == 1 for c in first):
        count = max(count, 2)
    return min(count, n_rows - 1)


def build_table(page_no: int, boxes: Sequence[BBoxT], words: Sequence[Word]) -> TablePart | None:
    """One page's table from its cell boxes and the page's words; None if not a grid."""
    grid, xs, ys = cells_to_grid(boxes)
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    if n_cols < 2 or n_rows < 1 or not any(g.col_span < n_cols for g in grid):
        return None  # a box around text, or a one-column frame: not a table
    cells = []
    index = WordIndex(words)
    for g in grid:
        lines = _cell_lines(index.words_in(g.bbox))
        bold = bool(lines) and lines[0].bold
        cells.append(
            PartCell(
                g.row,
                g.col,
                g.row_span,
                g.col_span,
                cell_lines_to_text(lines),
                bold,
                [(page_no, g.bbox)],
            )
        )
    bbox = (xs[0], ys[0], xs[-1], ys[-1])
    return TablePart(n_rows, n_cols, xs, cells, header_row_count(cells, n_rows), [(page_no, bbox)])


# ---------------------------------------------------------------- stitching


def same_columns(a: TablePart, b: TablePart, tolerance: float = 2 * SNAP) -> bool:
    return a.n_cols == b.n_cols and all(
        abs(x - y) <= tolerance for x, y in zip(a.col_xs, b.col_xs, strict=True)
    )


def _fold_row(part: TablePart, row: int) -> list[str]:
    return [fold_ws(t).lower() for t in part.row_texts(row)]


def _repeated_header_rows(first: TablePart, second: TablePart) -> int:
    """How many rows at the top of `second` repeat `first`'s header (also when the
    header was not recognised by its type: a repeated first row is a header)."""
    n = first.header_rows or 1
    if second.n_rows <= n or first.n_rows <= n:
        return 0
    same = all(_fold_row(first, r) == _fold_row(second, r) for r in range(n))
    return n if same else 0


def _drop_rows(part: TablePart, n: int) -> TablePart:
    cells = [replace(c, row=c.row - n) for c in part.cells if c.row >= n]
    return replace(part, n_rows=part.n_rows - n, cells=cells, header_rows=0)


def _cells_at_row(part: TablePart, row: int) -> list[PartCell]:
    return [c for c in part.cells if c.row <= row < c.row + c.row_span]


def _starts_lower(text: str) -> bool:
    return text.lstrip("\"'“‘(-–+ ")[:1].islower()


def _top_row(part: TablePart) -> list[PartCell]:
    return sorted((c for c in part.cells if c.row == 0), key=lambda c: c.col)


def _above(first: TablePart) -> dict[int, PartCell]:
    return {c.col: c for c in _cells_at_row(first, first.n_rows - 1)}


def _leading_run(first: TablePart, second: TablePart) -> list[PartCell]:
    """The top cells of `second`, from the first column on, that go on with the cells
    above them: empty (the text was all on the page before) or in lower case."""
    above = _above(first)
    run = []
    for cell in _top_row(second):
        target = above.get(cell.col)
        if target is None or target.col_span != cell.col_span or not target.text:
            break
        if cell.text and not _starts_lower(cell.text):
            break
        run.append(cell)
    return run if run and run[0].col == 0 else []


def _is_split_row(second: TablePart, run: Sequence[PartCell]) -> bool:
    """A row cut by the page break, rather than a new row under cells merged down
    the rows (TT, objective: empty or continued at the top of the page, while the
    row's own cells start afresh: "3.36. Lồng ghép…", "Sở Tư pháp")."""
    rest = [c for c in _top_row(second) if c not in run]
    filled = [c for c in rest if c.text]
    return not rest or len(filled) * 2 < len(rest)


def _append(target: PartCell, cell: PartCell) -> None:
    if cell.text:
        sep = "\n" if cell.text.startswith(("-", "+", "•")) else " "
        target.text = f"{target.text}{sep}{cell.text}" if target.text else cell.text
    target.pages.extend(cell.pages)


def _merge_row_into(first: TablePart, second: TablePart) -> TablePart:
    """Append the text of `second`'s top row to the cells of `first`'s last row."""
    above = _above(first)
    for cell in _top_row(second):
        target = above.get(cell.col)
        if target is None:
            continue
        _append(target, cell)
        target.row_span += cell.row_span - 1
    rest = [replace(c, row=c.row - 1) for c in second.cells if c.row > 0]
    return replace(second, n_rows=second.n_rows - 1, cells=rest)


def _extend_merged_cells(first: TablePart, second: TablePart, run: Sequence[PartCell]) -> TablePart:
    """Cells merged down the rows and cut by the page break become one cell again:
    the leading run, and any empty top cell that itself spans rows (a merged
    "Chủ trì" whose text stayed on the page before)."""
    above = _above(first)
    spanning_blanks = [
        c
        for c in _top_row(second)
        if c not in run
        and not c.text
        and c.row_span > 1
        and (t := above.get(c.col)) is not None
        and t.col_span == c.col_span
    ]
    joined = [*run, *spanning_blanks]
    for cell in joined:
        target = above[cell.col]
        _append(target, cell)
        target.row_span += cell.row_span
    return replace(second, cells=[c for c in second.cells if c not in joined])


def stitch_tables(first: TablePart, second: TablePart) -> TablePart:
    """`second` continues `first` on the next page: one table, the repeated header
    dropped, a row split by the page break joined, one prov entry per page."""
    repeated = _repeated_header_rows(first, second)
    if repeated:
        second = _drop_rows(second, repeated)
        first.header_rows = repeated
    run = _leading_run(first, second) if second.n_rows else []
    if run and _is_split_row(second, run):
        second = _merge_row_into(first, second)
    elif second.n_rows:
        second = _extend_merged_cells(first, second, run)
    offset = first.n_rows
    moved = [replace(c, row=c.row + offset) for c in second.cells]
    return TablePart(
        n_rows=first.n_rows + second.n_rows,
        n_cols=first.n_cols,
        col_xs=first.col_xs,
        cells=first.cells + moved,
        header_rows=first.header_rows,
        pages=first.pages + second.pages,
    )
