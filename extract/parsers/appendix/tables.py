"""Task tables (bảng nhiệm vụ, most often the appendix "PHỤ LỤC") → Task records.

Any table whose header names the work and who leads or by when is a task table, in the
appendix or not. One record per row of responsibility (extract/parsers/appendix/rows.py); its
agencies and deadline are normalised here, and what is not understood becomes a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from extract.parsers.appendix.columns import Columns, read_columns
from extract.parsers.appendix.rows import RowDraft, TableState, first_row_number, table_to_drafts
from normalize.agencies import parse_agency_cell
from normalize.areas import area_of
from normalize.dates import find_dates
from normalize.deadlines import parse_deadline
from normalize.text import fold_key
from schemas.codes import DeadlineKind, TaskSource
from schemas.diagnostics import Report, WarningCode
from schemas.document import Document, Paragraph, Table
from schemas.record import Deadline, Loc, Plan, Task, TaskParent

_APPENDIX_WORD = fold_key("phụ lục")
# "NĂM 2025", "GIAI ĐOẠN 2026-2030": the period an appendix covers; a year inside a
# document number ("76/2021/NQ-CP") is not one
_PERIOD = re.compile(
    r"(?<![/\d])((?:19|20)\d{2})(?![/\d])(?:\s*[-–]\s*((?:19|20)\d{2})(?![/\d]))?",
    re.IGNORECASE,
)
_PARENTHESES = re.compile(r"\([^)]*\)?")
_TITLE_LOOKBACK = 8
_TITLE_WORDS = 4  # a paragraph this long between two tables starts a new table
_HEADING_WORDS = 12


@dataclass(frozen=True)
class Appendix:
    """The title lines above a task table, and the years they name ("NĂM 2025")."""

    title: str | None = None
    year_start: int | None = None
    year_end: int | None = None


@dataclass
class _Run:
    """A task table and the tables that continue it."""

    columns: Columns
    state: TableState
    appendix: Appendix
    n_cols: int


def appendix_of(before: list[Paragraph]) -> Appendix:
    """The appendix title among the paragraphs just above a table, and its period."""
    lines = [p.text for p in before[-_TITLE_LOOKBACK:]]
    start = next(
        (i for i in range(len(lines) - 1, -1, -1) if fold_key(lines[i]).startswith(_APPENDIX_WORD)),
        None,
    )
    if start is None:
        return Appendix()
    # "(Kèm theo Quyết định số … ngày 30/12/2024)" dates the decision, not the appendix
    title_lines = [t for t in (_PARENTHESES.sub(" ", ln).strip() for ln in lines[start:]) if t]
    title = " ".join(title_lines).strip() or None
    years = sorted(y for ln in title_lines for y in _period_years(ln))
    return Appendix(title, years[0] if years else None, years[-1] if years else None)


def _period_years(line: str) -> list[int]:
    """Years a title line names as its period; dates in it ("ngày 5/1/2024") are not one."""
    for match in reversed(find_dates(line)):
        line = f"{line[: match.start]} {line[match.end :]}"
    return [int(y) for m in _PERIOD.finditer(line) for y in m.groups() if y]


def _blocks_with_context(doc: Document) -> Iterator[tuple[Table, list[Paragraph]]]:
    """Each table with the body paragraphs between it and the previous table."""
    between: list[Paragraph] = []
    for block in doc.body():
        if isinstance(block, Table):
            yield block, between
            between = []
        else:
            between.append(block)


def _starts_new_run(between: list[Paragraph]) -> bool:
    return any(len(p.text.split()) >= _TITLE_WORDS for p in between)


def _appendix_missing(doc: Document) -> bool:
    """The text points to an appendix ("tại phụ lục kèm theo") that the file does not hold:
    no paragraph opens one ("PHỤ LỤC", "Phụ lục I")."""
    keys = [fold_key(p.text) for p in doc.paragraphs()]
    mentioned = any(_APPENDIX_WORD in key for key in keys)
    opened = any(
        key.startswith(_APPENDIX_WORD) and len(key.split()) <= _HEADING_WORDS for key in keys
    )
    return mentioned and not opened


class _Warner:
    """Warnings of one document, each distinct message once."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.seen: set[tuple[str, str]] = set()

    def once(
        self, code: WarningCode, key: str, *, page: int | None, block: str, **fields: object
    ) -> None:
        if (code, key) not in self.seen:
            self.seen.add((code, key))
            self.report.warn(code, page=page, block=block, **fields)


def _classify(
    table: Table, run: _Run | None, between: list[Paragraph], warn: _Warner
) -> _Run | None:
    """The run this table belongs to: a new one, the previous one continued, or None."""
    columns = read_columns(table)
    if columns is None:
        if run is not None and table.n_cols == run.n_cols:
            carried = replace(run, columns=replace(run.columns, body_start=0))
            if _continues(table, carried, between):
                return carried
        return None
    if not columns.is_task_table():
        if columns.looks_close():
            roles = ", ".join(sorted(columns.roles))
            warn.once(
                WarningCode.TABLE_NOT_TASKS,
                table.id,
                page=table.page,
                block=table.id,
                table=table.id,
                detail=f"columns {roles}; no task with lead or deadline",
            )
        return None
    for header in columns.unknown:
        warn.once(
            WarningCode.TABLE_COLUMN_UNKNOWN, header, page=table.page, block=table.id, header=header
        )
    if run is not None and columns.roles == run.columns.roles:
        carried = replace(run, columns=columns)
        if _continues(table, carried, between):
            return carried
    return _Run(columns, TableState(), appendix_of(between), table.n_cols)


def _continues(table: Table, run: _Run, between: list[Paragraph]) -> bool:
    """A table goes on from the run before it when nothing but page furniture separates
    them, or when its first row number follows the run's last one (a page footer the
    reader did not recognise may sit in between)."""
    if not _starts_new_run(between):
        return True
    first = first_row_number(table, run.columns)
    return first is not None and run.state.last_no is not None and first == run.state.last_no + 1


def _agencies(text: str, *, province: str | None, draft: RowDraft, warn: _Warner) -> list[str]:
    if not text:
        return []
    cell = parse_agency_cell(text, province=province)
    # names the registry does not know are kept (kind "unregistered") and reported; a cell
    # in which nothing at all looked like an agency is reported whole as not understood
    for mention in cell.unknown:
        warn.once(
            WarningCode.AGENCY_UNREGISTERED,
            mention,
            page=draft.page,
            block=draft.block,
            mention=mention,
        )
    if not cell.agencies:
        warn.once(
            WarningCode.AGENCY_UNKNOWN, text, page=draft.page, block=draft.block, mention=text
        )
    return [agency.name for agency in cell.agencies]


def _group_leads(draft: RowDraft, *, province: str | None) -> list[str]:
    """A row that names no lead takes the agencies its group heading names ("III | GIÁM ĐỐC
    CÁC SỞ, THỦ TRƯỞNG CÁC BAN, NGÀNH; CHỦ TỊCH UBND CẤP XÃ"), when the heading is only
    agencies; a heading naming a field of work ("CẢI CÁCH THỂ CHẾ") gives none."""
    for group in (draft.subgroup, draft.group):
        if group is None:
            continue
        cell = parse_agency_cell(group.name, province=province)
        if cell.agencies and not cell.unknown:
            return [agency.name for agency in cell.agencies]
    return []


def _deadline(
    text: str, *, plan_year: int | None, draft: RowDraft, warn: _Warner
) -> Deadline | None:
    if not text:
        return None
    deadline = parse_deadline(text, plan_year=plan_year)
    if deadline.kind == DeadlineKind.UNSPECIFIED:
        warn.once(WarningCode.DEADLINE_UNPARSED, text, page=draft.page, block=draft.block, raw=text)
    return deadline


def draft_to_task(
    draft: RowDraft, *, plan_year: int | None, province: str | None, warn: _Warner
) -> Task:
    groups = [g for g in (draft.subgroup, draft.group) if g is not None]
    area = next((a for g in groups if (a := area_of(g.name)) is not None), None)
    return Task(
        no=draft.no,
        name=draft.name,
        parent=TaskParent(no=draft.parent[0], name=draft.parent[1]) if draft.parent else None,
        target=draft.target,
        outputs=draft.outputs,
        lead=_agencies(draft.lead, province=province, draft=draft, warn=warn)
        or _group_leads(draft, province=province),
        support=_agencies(draft.support, province=province, draft=draft, warn=warn),
        deadline=_deadline(draft.deadline, plan_year=plan_year, draft=draft, warn=warn),
        funding=draft.funding or None,
        group=draft.group.no if draft.group else None,
        area=area,
        source=TaskSource.TABLE,
        lead_raw=draft.lead_raw or None,
        support_raw=draft.support_raw or None,
        loc=Loc(page=draft.page, section=None, block=draft.block),
    )


def _plan_year(appendix: Appendix, plan: Plan | None) -> int | None:
    """The year a deadline without one means: the appendix's own, else the plan's last."""
    if appendix.year_end is not None:
        return appendix.year_end
    return (plan.year_end or plan.year_start) if plan else None


def parse_appendix(
    doc: Document, *, plan: Plan | None, province: str | None, report: Report
) -> list[Task]:
    """Every row of responsibility of every task table of the document.

    Warns table_not_tasks (a table that looked like one but is not), table_column_unknown,
    table_row_number_gap, agency_unknown, deadline_unparsed, and no_appendix when the text
    refers to an appendix but no task table was found.
    """
    warn = _Warner(report)
    tasks: list[Task] = []
    run: _Run | None = None
    for table, between in _blocks_with_context(doc):
        run = _classify(table, run, between, warn)
        if run is None:
            continue
        gaps_before = len(run.state.gaps)
        drafts = table_to_drafts(table, run.columns, run.state)
        for gap in run.state.gaps[gaps_before:]:
            report.warn(
                WarningCode.TABLE_ROW_NUMBER_GAP, page=table.page, block=table.id, detail=gap
            )
        year = _plan_year(run.appendix, plan)
        tasks.extend(draft_to_task(d, plan_year=year, province=province, warn=warn) for d in drafts)
    if not tasks and _appendix_missing(doc):
        report.warn(WarningCode.NO_APPENDIX)
    return tasks
