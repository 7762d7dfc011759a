"""Tasks written in the plan's body: the items of its task lists ("b) Nhiệm vụ",
"NHIỆM VỤ VÀ GIẢI PHÁP") and the duties of "TỔ CHỨC THỰC HIỆN", where an agency
heading ("5. Văn phòng UBND tỉnh") leads the duties listed under it.

Purpose, requirement and target items are not tasks; neither are lead-ins ending with ":"
nor the items of a target lead-in ("Phấn đấu đến năm 2030:").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.parsers.body.numbering import Label, strip_markup
from extract.parsers.body.sections import SectionTree, paragraph_label
from normalize.agencies import canonical_agency, parse_agency_cell
from normalize.areas import area_of
from normalize.assignments import find_assignment
from normalize.deadlines import deadline_in_sentence
from normalize.section_kinds import section_kind_of
from normalize.target_words import opens_target_lead_in
from normalize.text import fold_ws
from schemas.codes import DeadlineKind, SectionKind, TaskSource
from schemas.diagnostics import Report, WarningCode
from schemas.document import Document, Paragraph
from schemas.record import Loc, Plan, Section, Task, TaskParent

_TASK_KINDS = (SectionKind.TASKS, SectionKind.ORGANISATION)
_TOP_BULLETS = ("-", "–", "—", "•")
_ITEM_MIN_WORDS = 8
_AGENCY_HEADING_WORDS = 15
_INLINE_AGENCY_WORDS = 10  # a shorter numbered leaf is a heading with nothing under it
_INLINE_KIND = re.compile(r"^(?P<head>[^:]{2,40}):\s*(?P<rest>.*)$")
_GIVE = re.compile(r"^(?:giao|đề nghị)\s+", re.IGNORECASE)


@dataclass
class _ListState:
    section: str | None = None
    lead_in_is_tasks: bool | None = None  # None: no lead-in open
    parent: Task | None = None
    seen_bullet: bool = False


def parse_body_tasks(
    doc: Document, tree: SectionTree, *, plan: Plan | None, province: str | None, report: Report
) -> list[Task]:
    tasks = _list_items(doc, tree, province)
    plan_year = plan.year_end if plan else None
    dated = [
        t.model_copy(update={"deadline": deadline_in_sentence(t.name, plan_year=plan_year)})
        for t in tasks
    ]
    _warn_unread(dated, province, report)
    return dated


def _warn_unread(tasks: list[Task], province: str | None, report: Report) -> None:
    """Deadlines and agencies a duty names but that were not understood, each wording once
    (as the appendix reports its cells)."""
    seen: set[tuple[WarningCode, str]] = set()

    def first(code: WarningCode, text: str) -> bool:
        new = (code, text) not in seen
        seen.add((code, text))
        return new

    for task in tasks:
        page, block, deadline = task.loc.page, task.loc.block, task.deadline
        if (
            deadline is not None
            and deadline.kind is DeadlineKind.UNSPECIFIED
            and first(WarningCode.DEADLINE_UNPARSED, deadline.raw)
        ):
            report.warn(WarningCode.DEADLINE_UNPARSED, page=page, block=block, raw=deadline.raw)
        for code, mention in _agency_problems(task, province):
            if first(code, mention):
                report.warn(code, page=page, block=block, mention=mention)


def _agency_problems(task: Task, province: str | None) -> list[tuple[WarningCode, str]]:
    """Names kept as written (agency_unregistered), and a heading in which nothing at all
    was recognised (agency_unknown, reported whole), as the appendix reports its cells."""
    problems: list[tuple[WarningCode, str]] = []
    if task.lead_raw:
        cell = parse_agency_cell(task.lead_raw, province=province)
        problems += [(WarningCode.AGENCY_UNREGISTERED, m) for m in cell.unknown]
        if not cell.agencies:
            problems.append((WarningCode.AGENCY_UNKNOWN, task.lead_raw))
    said = task.support + ([] if task.lead_raw else task.lead)  # named by the sentence
    problems += [
        (WarningCode.AGENCY_UNREGISTERED, name)
        for name in said
        if canonical_agency(name, province=province) is None
    ]
    return problems


def _list_items(doc: Document, tree: SectionTree, province: str | None) -> list[Task]:
    blocks = {b.id: b for b in doc.body()}
    has_children = {s.parent for s in tree.sections if s.parent} | _with_bullets(tree, blocks)
    tasks: list[Task] = []
    state = _ListState()
    for block_id in tree.plan_blocks:
        block = blocks.get(block_id)
        if not isinstance(block, Paragraph):
            continue
        section = tree.section(tree.section_of.get(block_id))
        if section is None or state.section != section.id:
            state = _ListState(section=section.id if section else None)
        text = fold_ws(strip_markup(block.text))
        if _continues(text, block, tree) and tasks and tasks[-1].loc.section == state.section:
            tasks[-1] = tasks[-1].model_copy(update={"name": _clean(f"{tasks[-1].name} {text}")})
            continue
        if _extends_item(block, section, tasks, tree):
            # a paragraph of its own is a new sentence: keep the stop _clean took off
            stop = "" if tasks[-1].name.endswith(":") else "."
            tasks[-1] = tasks[-1].model_copy(
                update={"name": _clean(f"{tasks[-1].name}{stop} {text}")})
            continue
        task = _task_of(block, section, tree, has_children, state, province)
        if task is not None:
            tasks.append(task)
    return tasks


def _with_bullets(tree: SectionTree, blocks: dict) -> set[str]:
    """Sections whose heading heads a list rather than being an item: those with list items
    under them, and agency headings of the organisation part with their duties under them."""
    found = set()
    for block_id, section_id in tree.section_of.items():
        block = blocks.get(block_id)
        if block_id in tree.heading_of or not isinstance(block, Paragraph):
            continue
        label = paragraph_label(block)
        section = tree.section(section_id)
        is_item = label is not None and label.kind == "bullet"
        if is_item or _is_agency_heading(section):
            found.add(section_id)
    return found


def _is_agency_heading(section: Section | None) -> bool:
    return (
        section is not None
        and section.kind is SectionKind.ORGANISATION
        and len(section.heading.split()) <= _AGENCY_HEADING_WORDS
    )


def _task_of(
    block: Paragraph,
    section: Section | None,
    tree: SectionTree,
    has_children: set[str],
    state: _ListState,
    province: str | None,
) -> Task | None:
    label = paragraph_label(block)
    if block.id in tree.heading_of:
        return _numbered_item(block, label, section, tree, has_children, province)
    if section is None:
        return None
    text = label.rest if label else fold_ws(strip_markup(block.text))
    if _is_aside(text):
        return None
    if section.kind is None:
        return _scoring_plan_item(label, text, section, tree, state, block, province)
    if text.endswith(":"):
        state.lead_in_is_tasks = _lead_in_is_tasks(text)
        state.parent = None
        return None
    if section.kind not in _TASK_KINDS:
        return None
    if label is None and (section.kind is not SectionKind.ORGANISATION or state.seen_bullet):
        return None  # prose, or a closing remark after the listed duties
    state.seen_bullet = state.seen_bullet or label is not None
    nested = label is not None and label.kind == "bullet" and label.text not in _TOP_BULLETS
    if nested and state.lead_in_is_tasks is False:
        return None
    kind = _inline_kind(text)
    if kind is not None and kind is not SectionKind.TASKS:
        state.lead_in_is_tasks = False
        return None
    task = _make_task(
        text, label, section, tree, block, province, parent=state.parent if nested else None
    )
    if not nested:
        state.parent = task
        state.lead_in_is_tasks = None
    return task


def _numbered_item(
    block: Paragraph,
    label: Label | None,
    section: Section | None,
    tree: SectionTree,
    has_children: set[str],
    province: str | None,
) -> Task | None:
    """A numbered paragraph that is an item of a task list, not a heading over one."""
    if section is None or section.kind not in _TASK_KINDS or section.id in has_children:
        return None
    text = section.heading
    head = _INLINE_KIND.match(text)
    if (
        head
        and section.kind is SectionKind.ORGANISATION
        and len(head["head"].split()) <= _INLINE_AGENCY_WORDS
    ):
        # "3. Ủy ban Kiểm tra Đảng ủy: Tăng cường kiểm tra …": the agency leads the duty.
        return _make_task(
            head["rest"],
            label,
            section,
            tree,
            block,
            province,
            lead=_agencies(head["head"], province),
            group=section.parent,
        )
    if len(text.split()) < _ITEM_MIN_WORDS:
        return None
    parent = tree.section(section.parent)
    heading_lead = _lead_of(parent, tree, province) if parent else ([], None)
    return _make_task(
        text, label, section, tree, block, province, lead=heading_lead, group=section.parent
    )


def _scoring_plan_item(
    label: Label | None,
    text: str,
    section: Section,
    tree: SectionTree,
    state: _ListState,
    block: Paragraph,
    province: str | None,
) -> Task | None:
    """Plans without part titles (a scoring plan: "- Mục tiêu: …", "- Nhiệm vụ: …") mark
    their tasks inline; only those items are tasks there."""
    if label is None or label.kind != "bullet":
        return None
    nested = label.text not in _TOP_BULLETS
    kind = _inline_kind(text)
    if not nested:
        state.lead_in_is_tasks = kind is SectionKind.TASKS
        rest = _INLINE_KIND.match(text)
        body = rest["rest"] if rest else ""
        if kind is SectionKind.TASKS and body:
            return _make_task(body, label, section, tree, block, province)
        return None
    if state.lead_in_is_tasks:
        return _make_task(text, label, section, tree, block, province)
    return None


def _make_task(
    text: str,
    label: Label | None,
    section: Section,
    tree: SectionTree,
    block: Paragraph,
    province: str | None,
    *,
    lead: tuple[list[str], str | None] | None = None,
    group: str | None = None,
    parent: Task | None = None,
) -> Task:
    name = _clean(text)
    lead_names, lead_raw = lead if lead is not None else _lead_of(section, tree, province)
    # the sentence itself may say who leads and supports ("Giao Trung tâm … chủ trì, phối
    # hợp với …"); a heading's lead wins, the sentence's supports are kept
    said = find_assignment(name, province=province)
    return Task(
        no=_number(label),
        name=name,
        parent=TaskParent(no=parent.no, name=parent.name) if parent else None,
        lead=lead_names or [a.name for a in said.lead],
        support=[a.name for a in said.support],
        lead_raw=lead_raw,
        group=group or section.id,
        area=section.area or area_of(name),
        source=TaskSource.TEXT,
        loc=Loc(page=block.page, section=section.id, block=block.id),
    )


def _lead_of(
    section: Section, tree: SectionTree, province: str | None
) -> tuple[list[str], str | None]:
    """The agency heading the duty sits under, in an organisation part."""
    if section.kind is not SectionKind.ORGANISATION:
        return [], None
    for ancestor in tree.ancestors(section.id):
        if ancestor.kind is not SectionKind.ORGANISATION or section_kind_of(ancestor.heading):
            break
        return _agencies(ancestor.heading, province)
    return [], None


def _agencies(text: str, province: str | None) -> tuple[list[str], str | None]:
    head = _INLINE_KIND.match(text)
    if head and len(head["head"].split()) <= _INLINE_AGENCY_WORDS:
        text = head["head"]  # "Giao Chi bộ Hành chính - Quản trị: Tham mưu …"
    raw = _GIVE.sub("", fold_ws(text)).strip(" :;.")
    cell = parse_agency_cell(raw, province=province)
    return [a.name for a in cell.agencies], raw


def _number(label: Label | None) -> str | None:
    if label is None or label.kind == "bullet":
        return None
    return label.text.rstrip(".)").strip()


def _inline_kind(text: str) -> SectionKind | None:
    """The kind an item names before a colon ("Nhiệm vụ: …" → tasks)."""
    m = _INLINE_KIND.match(text)
    return section_kind_of(m["head"]) if m else None


def _lead_in_is_tasks(text: str) -> bool:
    if opens_target_lead_in(text):
        return False
    return section_kind_of(text.rstrip(" :")) in (None, SectionKind.TASKS)


def _is_aside(text: str) -> bool:
    """'(Các nhiệm vụ cụ thể … tại phụ lục kèm theo)' points elsewhere; it is no task."""
    stripped = text.strip(" *_")
    return stripped.startswith("(") and stripped.endswith(")")


def _continues(text: str, block: Paragraph, tree: SectionTree) -> bool:
    """A line that goes on with the sentence before (a page or line break in the source)."""
    return (
        block.id not in tree.heading_of
        and paragraph_label(block) is None
        and bool(text)
        and text[0].islower()
    )


def _extends_item(
    block: Paragraph, section: Section | None, tasks: list[Task], tree: SectionTree
) -> bool:
    """A plain paragraph under a numbered task item goes on with that item ("b) Rà soát …
    / Tiếp tục rà soát kiến nghị …")."""
    if section is None or section.kind not in _TASK_KINDS or not tasks:
        return False
    if block.id in tree.heading_of or paragraph_label(block) is not None:
        return False
    last = tasks[-1]
    text = fold_ws(strip_markup(block.text))
    return (
        last.loc.section == section.id
        and last.no is not None
        and not _is_aside(text)
        and not text.endswith(":")
    )


def _clean(text: str) -> str:
    return fold_ws(text).rstrip(" ;,.").strip()
