"""The rows of one task table → drafts of task records (text only, nothing normalised yet).

A draft is one row of responsibility: the lowest row that names who leads and by when.
Group rows ("II | CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "7.2 | Áp dụng ISO 9001:2015") set the
group of the rows under them; a row that only continues the row above (split by a page
break) is merged into it; the header repeated on each page is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from extract.parsers.appendix.cell_lists import (
    cell_items,
    clean_text,
    joined_items,
    leading_number,
    numbered_items,
    strip_marker,
)
from extract.parsers.appendix.columns import Columns, Role, is_column_number_row, is_repeated_header
from normalize.patterns import (
    ROW_INTEGER,
    ROW_LABEL,
    ROW_LETTER_NO,
    ROW_ROMAN_HEADING,
    ROW_ROMAN_NO,
    ROW_SUBGROUP_NO,
)
from schemas.document import Cell, Table

Row = list[Cell | None]
# the columns whose content makes a row a row of responsibility rather than a heading
_RESPONSIBILITY: tuple[Role, ...] = ("lead", "support", "deadline", "outputs", "activity")


@dataclass(frozen=True)
class Group:
    no: str | None
    name: str


@dataclass
class RowDraft:
    no: str | None
    name: str
    block: str
    page: int | None
    parent: tuple[str | None, str] | None = None
    target: str | None = None
    outputs: list[str] = field(default_factory=list)
    lead: str = ""
    support: str = ""
    lead_raw: str = ""  # the cell as written, whitespace folded
    support_raw: str = ""
    deadline: str = ""
    funding: str = ""
    group: Group | None = None
    subgroup: Group | None = None
    task_key: tuple[str, int, int] | None = None


@dataclass
class TableState:
    """Carried from one table to the next when a long table is cut into several."""

    group: Group | None = None
    subgroup: Group | None = None
    last_no: int | None = None
    fresh: bool = True  # no numbered row yet in the current group
    gaps: list[str] = field(default_factory=list)
    last: RowDraft | None = None

    def enter(self, group: Group, *, sub: bool) -> None:
        if sub:
            self.subgroup = group
        else:
            self.group, self.subgroup = group, None
        self.fresh = True

    def check_number(self, n: int) -> None:
        """Row numbers run on by one; a group may start again at 1."""
        ok = (n == 1 and (self.fresh or self.last_no is None)) or (
            self.last_no is not None and n == self.last_no + 1
        )
        if not ok:
            where = self.subgroup or self.group
            label = f" in group {where.no}" if where and where.no else ""
            self.gaps.append(f"{self.last_no if self.last_no is not None else '—'} → {n}{label}")
        self.last_no, self.fresh = n, False


def _distinct(row: Row) -> list[Cell]:
    seen: set[tuple[int, int]] = set()
    out = []
    for cell in row:
        if cell is not None and (cell.row, cell.col) not in seen:
            seen.add((cell.row, cell.col))
            out.append(cell)
    return out


def _role_cell(row: Row, columns: Columns, role: Role) -> Cell | None:
    col = columns.roles.get(role)
    return row[col] if col is not None else None


def _own_text(cell: Cell | None, r: int) -> str:
    return clean_text(cell.text) if cell is not None and cell.row == r else ""


def _text(cell: Cell | None) -> str:
    return clean_text(cell.text) if cell is not None else ""


def group_of_row(row: Row, r: int, columns: Columns) -> tuple[Group, bool] | None:
    """(group, is_subgroup) when the row is a heading of the rows under it."""
    filled = [c for c in _distinct(row) if clean_text(c.text)]
    if not filled or len(filled) > 2 or all(c.row != r for c in filled):
        return None
    if len(filled) == 1:
        return _heading_cell(clean_text(filled[0].text), spans_row=len(_distinct(row)) == 1)
    no_cell = _role_cell(row, columns, "no")
    if no_cell is None or not any(c is no_cell for c in filled):
        return None
    name_cell = next(c for c in filled if c is not no_cell)
    if name_cell.col in {columns.roles.get(role) for role in _RESPONSIBILITY}:
        return None
    no, name = clean_text(no_cell.text), clean_text(name_cell.text)
    if m := ROW_ROMAN_NO.match(no) or ROW_LETTER_NO.match(no):
        return Group(m.group(1), name), False
    if m := ROW_SUBGROUP_NO.match(no):
        return Group(m.group(1), name), True
    return None


def _heading_cell(text: str, *, spans_row: bool) -> tuple[Group, bool] | None:
    """One filled cell: "II CẢI CÁCH THỦ TỤC HÀNH CHÍNH …", or a capitalised title."""
    if m := ROW_ROMAN_HEADING.match(text):
        return Group(m.group(1), m.group(2)), False
    letters = [ch for ch in text if ch.isalpha()]
    if spans_row and len(letters) > 3 and all(ch.isupper() for ch in letters):
        return Group(None, text), False
    return None


def is_continuation(row: Row, r: int, columns: Columns) -> bool:
    """The lower part of a row cut by a page break: no number, no new numbered entry,
    and either nothing about who leads and when, or text that starts in lower case."""
    no_cell = _role_cell(row, columns, "no")
    if "no" not in columns.roles or no_cell is None or no_cell.row != r or _text(no_cell):
        return False
    work = _own_text(_role_cell(row, columns, "activity"), r) or _own_text(
        _role_cell(row, columns, "task"), r
    )
    if work and (leading_number(work) or strip_marker(work) != work):
        return False
    says_who = any(_own_text(_role_cell(row, columns, k), r) for k in ("lead", "deadline"))
    return not says_who or work[:1].islower()


def merge_continuation(draft: RowDraft, row: Row, r: int, columns: Columns) -> None:
    """Append the lower part of a cut row to the draft of its upper part."""
    for role in ("activity", "task"):
        if text := _own_text(_role_cell(row, columns, role), r):
            draft.name = f"{draft.name} {text}"
            break
    cell = _role_cell(row, columns, "outputs")
    if items := (cell_items(cell) if cell is not None and cell.row == r else []):
        if draft.outputs and items[0][:1].islower():
            draft.outputs[-1] = f"{draft.outputs[-1]} {items.pop(0)}"
        draft.outputs.extend(items)
    lead, support, deadline, funding = (
        _own_text(_role_cell(row, columns, role), r)
        for role in ("lead", "support", "deadline", "funding")
    )
    draft.lead, draft.lead_raw = _append(draft.lead, lead), _append(draft.lead_raw, lead)
    draft.support = _append(draft.support, support)
    draft.support_raw = _append(draft.support_raw, support)
    draft.deadline = _append(draft.deadline, deadline)
    draft.funding = _append(draft.funding, funding)


def _append(before: str, text: str) -> str:
    return f"{before} {text}".strip() if text else before


def _work(row: Row, r: int, columns: Columns) -> tuple[Cell, Cell | None] | None:
    """(the cell naming the row's own work, the task cell above it when that is an activity).

    A work cell merged down over several rows that each name their own lead or deadline
    gives its text to each of them (CONTRACT §1: a merged cell gives its value to every
    row it covers): one record per row of responsibility."""
    activity, task = _role_cell(row, columns, "activity"), _role_cell(row, columns, "task")
    own = _names_own_responsibility(row, r, columns)
    if activity is not None and _text(activity):
        if activity.row == r or own:
            return activity, task if _text(task) else None
        return None
    if task is not None and _text(task) and (task.row == r or own):
        return task, None
    return None


def _names_own_responsibility(row: Row, r: int, columns: Columns) -> bool:
    return any(_own_text(_role_cell(row, columns, k), r) for k in ("lead", "deadline"))


def row_drafts(
    row: Row, r: int, columns: Columns, table: Table, state: TableState
) -> list[RowDraft]:
    """The drafts of one body row: one per numbered entry of its work cell."""
    work = _work(row, r, columns)
    if work is None:
        return []
    work_cell, task_cell = work
    parent, target, task_key = _context(row, r, columns, table, task_cell, state.last)
    row_no = _text(_role_cell(row, columns, "no"))
    page = work_cell.prov[0].page if work_cell.prov else table.page
    drafts = []
    for no, name in numbered_items(work_cell.text):
        draft = RowDraft(
            no=no or _row_label(row_no),
            name=name,
            block=table.id,
            page=page,
            parent=parent,
            target=target,
            outputs=cell_items(_role_cell(row, columns, "outputs")),
            lead=joined_items(_role_cell(row, columns, "lead")),
            support=joined_items(_role_cell(row, columns, "support")),
            lead_raw=_text(_role_cell(row, columns, "lead")),
            support_raw=_text(_role_cell(row, columns, "support")),
            deadline=joined_items(_role_cell(row, columns, "deadline")),
            funding=_text(_role_cell(row, columns, "funding")),
            group=state.group,
            subgroup=state.subgroup,
            task_key=task_key,
        )
        drafts.append(_inherited(draft, state.last))
    return drafts


def _context(
    row: Row, r: int, columns: Columns, table: Table, task_cell: Cell | None, prev: RowDraft | None
) -> tuple[tuple[str | None, str] | None, str | None, tuple[str, int, int] | None]:
    """(parent task, objective, task identity) of an activity row.

    A row whose number cell is empty, not spanned, goes on with the item above: its empty
    objective and task cells take the values above (readers that lose merged cells)."""
    parent = task_key = None
    if task_cell is not None:
        task_text = _text(task_cell)
        parent = (leading_number(task_text), strip_marker(task_text))
        task_key = (table.id, task_cell.row, task_cell.col)
    target = _text(_role_cell(row, columns, "target")) or None
    no_cell = _role_cell(row, columns, "no")
    same_item = "no" in columns.roles and (
        no_cell is None or no_cell.row == r and not _text(no_cell)
    )
    if "activity" in columns.roles and same_item and prev is not None:
        if task_cell is None:
            parent, task_key = prev.parent, prev.task_key
        target = target or prev.target
    return parent, target, task_key


def _inherited(draft: RowDraft, prev: RowDraft | None) -> RowDraft:
    """An activity row takes from the row above under the same task what its own cells
    leave empty (web tables that lost their merged cells: seed 002, activity 3.6)."""
    if prev is None or draft.task_key is None or draft.task_key != prev.task_key:
        return draft
    return replace(
        draft,
        outputs=draft.outputs or list(prev.outputs),
        lead=draft.lead or prev.lead,
        support=draft.support or prev.support,
        deadline=draft.deadline or prev.deadline,
        funding=draft.funding or prev.funding,
        lead_raw=draft.lead_raw or prev.lead_raw,
        support_raw=draft.support_raw or prev.support_raw,
    )


def _row_number(row: Row, r: int, columns: Columns) -> int | None:
    text = _own_text(_role_cell(row, columns, "no"), r)
    match = ROW_INTEGER.match(text)
    return int(match.group(1)) if match else None


def _row_label(text: str) -> str | None:
    match = ROW_LABEL.match(text)
    return match.group(1) if match else None


def first_row_number(table: Table, columns: Columns) -> int | None:
    """The first integer in the row-number column of the table's body."""
    grid = table.grid()
    for r in range(columns.body_start, len(grid)):
        if (n := _row_number(grid[r], r, columns)) is not None:
            return n
    return None


def table_to_drafts(table: Table, columns: Columns, state: TableState) -> list[RowDraft]:
    """Every row of responsibility of a task table, in order."""
    grid = table.grid()
    drafts: list[RowDraft] = []
    for r in range(columns.body_start, len(grid)):
        row = grid[r]
        if not any(_own_text(c, r) for c in _distinct(row)):
            continue
        if is_repeated_header(row, r, columns) or is_column_number_row([_text(c) for c in row]):
            continue
        if heading := group_of_row(row, r, columns):
            state.enter(heading[0], sub=heading[1])
            continue
        if state.last is not None and is_continuation(row, r, columns):
            merge_continuation(state.last, row, r, columns)
            continue
        if (n := _row_number(row, r, columns)) is not None:
            state.check_number(n)
        for draft in row_drafts(row, r, columns, table, state):
            drafts.append(draft)
            state.last = draft
    return drafts
