"""Column roles of a task table (bảng nhiệm vụ), from the meaning of the header words.

The phrases are data (normalize/data/column_roles.yaml), compared with fold_key on
whole words; a column number in the header ("1- Mục tiêu", "(5) Chủ trì") is ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from normalize.datafiles import data_file
from normalize.patterns import COLUMN_NUMBER, COLUMN_NUMBER_PREFIX, COLUMN_ROW_NUMBER
from normalize.phrases import PhraseSet
from normalize.text import fold_key, fold_ws
from schemas.document import Cell, Table

Role = Literal[
    "no", "task", "activity", "target", "outputs", "lead", "support", "deadline", "funding", "note"
]
ROLES: tuple[Role, ...] = (
    "no",
    "task",
    "activity",
    "target",
    "outputs",
    "lead",
    "support",
    "deadline",
    "funding",
    "note",
)
_HEADER_SCAN_ROWS = 4


@cache
def _phrase_roles() -> PhraseSet[Role]:
    """Phrase → role from the data file; each entry must name a known role and a source."""
    pairs: list[tuple[str, Role]] = []
    for entry in data_file("column_roles.yaml")["roles"]:
        role = str(entry["role"])
        if role not in ROLES or not entry.get("source"):
            raise ValueError(f"column_roles.yaml: bad entry for role {role!r}")
        pairs.extend((p, role) for p in entry["phrases"])
    return PhraseSet(pairs)


def column_role(header: str) -> Role | None:
    """The role a header cell names, or None when no phrase of the registry is in it.

    >>> column_role("5- Chủ trì"), column_role("Sản phẩm, kết quả đầu ra")
    ('lead', 'outputs')
    """
    key = fold_key(COLUMN_NUMBER_PREFIX.sub("", fold_ws(header)))
    # the phrase with most words wins, then the earliest, then the role's name
    matches = _phrase_roles().find(key, folded=True)
    best = min(matches, key=lambda m: (-m.words, m.start, m.value), default=None)
    return best.value if best else None


@dataclass(frozen=True)
class Columns:
    """What the header of one table says about its columns.

    `roles` maps a role to the first column holding it; `body_start` is the first row
    after the header; `header_keys` are the header texts (fold_key) per column, to spot the
    header repeated on later pages; `unknown` are header texts no phrase matched.
    """

    roles: dict[Role, int]
    body_start: int
    header_keys: tuple[tuple[str, ...], ...] = ()
    unknown: tuple[str, ...] = ()
    number_row: bool = field(default=False)

    def is_task_table(self) -> bool:
        names_work = "task" in self.roles or "activity" in self.roles
        return names_work and ("lead" in self.roles or "deadline" in self.roles)

    def looks_close(self) -> bool:
        """A table that names two roles besides the row number but is no task table."""
        return len(set(self.roles) - {"no"}) >= 2 and not self.is_task_table()


def _distinct_row_cells(row: list[Cell | None]) -> list[tuple[int, Cell]]:
    seen: set[tuple[int, int]] = set()
    out = []
    for col, cell in enumerate(row):
        if cell is None or (cell.row, cell.col) in seen:
            continue
        seen.add((cell.row, cell.col))
        out.append((col, cell))
    return out


def _row_roles(row: list[Cell | None]) -> int:
    return sum(1 for _, cell in _distinct_row_cells(row) if column_role(cell.text))


def _is_header_row(row: list[Cell | None], r: int) -> bool:
    """A header row: two or more of its own cells, and at least half, name a role; no cell
    is long text or a row number (a body row "5 | … | Báo cáo kết quả | Sở Nội vụ chủ trì"
    names roles too)."""
    own = [cell for _, cell in _distinct_row_cells(row) if cell.row == r and cell.text.strip()]
    if any(len(cell.text) > 80 or COLUMN_ROW_NUMBER.match(cell.text) for cell in own):
        return False
    named = sum(1 for cell in own if column_role(cell.text))
    return named >= 2 and 2 * named >= len(own)


def _is_sub_header_row(row: list[Cell | None], r: int) -> bool:
    """The second row of a two-row header: short cells, one names a role, none a number."""
    own = [cell for _, cell in _distinct_row_cells(row) if cell.row == r and cell.text.strip()]
    if not own or any(len(cell.text) > 60 for cell in own):
        return False
    if any(COLUMN_ROW_NUMBER.match(cell.text) for cell in own):
        return False
    return any(column_role(cell.text) for cell in own)


def is_column_number_row(texts: list[str]) -> bool:
    """The row "(1) | (2) | (3) …" or "1 | 2 | 3 …" some tables put under the header."""
    matches = [COLUMN_NUMBER.match(t.strip()) for t in texts if t.strip()]
    if len(matches) < 3 or not all(matches):
        return False
    digits = [int(m.group(1)) for m in matches if m]
    return all(b > a for a, b in zip(digits, digits[1:], strict=False))


def _header_span(grid: list[list[Cell | None]], table: Table) -> tuple[int, int] | None:
    """(first, last) header row, or None when no row in the first few names two roles."""
    limit = min(len(grid), _HEADER_SCAN_ROWS)
    first = next((r for r in range(limit) if _is_header_row(grid[r], r)), None)
    if first is None:
        if table.header_rows and any(_row_roles(grid[r]) for r in range(table.header_rows)):
            return 0, table.header_rows - 1
        return None
    last = first
    while last + 1 < len(grid) and _is_sub_header_row(grid[last + 1], last + 1):
        last += 1
    return first, last


def _column_role(
    grid: list[list[Cell | None]], first: int, last: int, col: int
) -> tuple[Role | None, str]:
    """The lowest header cell that names a role wins ("Cơ quan thực hiện" over "Chủ trì")."""
    texts = []
    for r in range(last, first - 1, -1):
        cell = grid[r][col]
        if cell is None or not cell.text.strip():
            continue
        texts.append(cell.text)
        role = column_role(cell.text)
        if role:
            return role, cell.text
    return None, " / ".join(reversed(texts))


def read_columns(table: Table) -> Columns | None:
    """The columns of a table whose header names its columns, else None."""
    grid = table.grid()
    span = _header_span(grid, table)
    if span is None:
        return None
    first, last = span
    roles: dict[Role, int] = {}
    unknown: list[str] = []
    for col in range(table.n_cols):
        role, text = _column_role(grid, first, last, col)
        if role is None:
            if text.strip():
                unknown.append(fold_ws(text))
        elif role not in roles:
            roles[role] = col
    header_keys = tuple(
        _row_keys([c.text if c else "" for c in grid[r]]) for r in range(first, last + 1)
    )
    body_start = last + 1
    number_row = body_start < len(grid) and is_column_number_row(
        [c.text if c else "" for c in grid[body_start]]
    )
    if number_row:
        body_start += 1
    return Columns(roles, body_start, header_keys, tuple(dict.fromkeys(unknown)), number_row)


def _row_keys(texts: list[str]) -> tuple[str, ...]:
    return tuple(fold_key(COLUMN_NUMBER_PREFIX.sub("", t)) for t in texts)


def is_repeated_header(row: list[Cell | None], r: int, columns: Columns) -> bool:
    """A body row that repeats the header (long tables repeat it on every page)."""
    keys = _row_keys([c.text if c else "" for c in row])
    return (
        keys in columns.header_keys or _is_header_row(row, r) and not _has_row_number(row, columns)
    )


def _has_row_number(row: list[Cell | None], columns: Columns) -> bool:
    col = columns.roles.get("no")
    cell = row[col] if col is not None else None
    return bool(cell and re.match(r"^\s*\d", cell.text))
