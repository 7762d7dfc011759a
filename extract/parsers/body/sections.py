"""Section tree of a plan's body from its own numbering (I. → 1. → 1.1. → a)).

Readers give a flat list of blocks; the tree comes from the labels the paragraphs open
with, because Markdown heading levels and bold in the seeds do not follow the structure
("## **2. …**" next to "#### 1. …"). Bullets are list items inside a section, never
sections. The tree stops where the plan's text ends (appendix, "Nơi nhận").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.parsers.body.numbering import Label, parse_label, strip_markup, to_roman
from normalize.areas import area_of
from normalize.section_kinds import is_plan_end, section_kind_of
from normalize.text import fold_ws
from schemas.codes import Area, SectionKind
from schemas.diagnostics import Report, WarningCode
from schemas.document import Document, Paragraph, Table
from schemas.record import Loc, Section

_AREA_HEADING_WORDS = 20  # longer numbered paragraphs are items, their area is their parent's
_AREA_KINDS = (SectionKind.TARGETS, SectionKind.TASKS, SectionKind.SOLUTIONS)
_TITLE_WORDS = 12
_MIN_DUPLICATE_RUN = 5  # a few identical duties under two agencies are no page repeat
_MIN_DUPLICATE_CHARS = 300


@dataclass(frozen=True)
class SectionTree:
    sections: list[Section]
    section_of: dict[str, str] = field(default_factory=dict)  # block id -> innermost section id
    plan_blocks: tuple[str, ...] = ()  # the plan text's body blocks in order, copies dropped
    heading_of: dict[str, str] = field(default_factory=dict)  # block id -> section it opens

    def section(self, section_id: str | None) -> Section | None:
        if section_id is None:
            return None
        return next((s for s in self.sections if s.id == section_id), None)

    def ancestors(self, section_id: str | None) -> list[Section]:
        """The section and its parents, innermost first."""
        chain = []
        section = self.section(section_id)
        while section is not None:
            chain.append(section)
            section = self.section(section.parent)
        return chain


def parse_sections(doc: Document, *, start: str | None = None, report: Report) -> SectionTree:
    """The plan's sections, from the block whose id is `start` (the whole body when None)."""
    body = list(doc.body())
    first = next((i for i, block in enumerate(body) if block.id == start), 0)
    dropped, first = drop_duplicate_runs(body, first, report=report)
    builder = _TreeBuilder(report, unnumbered=not _has_roman_parts(body[first:], dropped))
    plan_blocks: list[str] = []
    for block in body[first:]:
        if block.id in dropped:
            continue
        if isinstance(block, Paragraph) and is_plan_end(strip_markup(block.text)):
            break
        plan_blocks.append(block.id)
        if isinstance(block, Paragraph):
            builder.paragraph(block)
        builder.place(block)
    return SectionTree(
        sections=builder.sections,
        section_of=builder.section_of,
        plan_blocks=tuple(plan_blocks),
        heading_of=builder.heading_of,
    )


def _has_roman_parts(blocks: list[Paragraph | Table], dropped: set[str]) -> bool:
    for block in blocks:
        if isinstance(block, Paragraph) and block.id not in dropped:
            label = paragraph_label(block)
            if label is not None and label.kind == "roman":
                return True
    return False


def is_unnumbered_heading(paragraph: Paragraph, *, areas: bool = False) -> bool:
    """A part title without a number ("**MỤC TIÊU**", "## Cải cách thể chế"): set apart by
    bold or a heading style, short, not a sentence, and naming a part kind, or with `areas`
    a reform area (so that signatures, agency names and a "V/v" line in bold are not
    taken for titles)."""
    styled = bool(paragraph.style.bold or paragraph.style.heading_level)
    raw = paragraph.raw.strip()
    styled = styled or raw.startswith("#") or (raw.startswith("**") and raw.endswith("**"))
    text = fold_ws(strip_markup(paragraph.text))
    if not styled or not text or len(text.split()) > _TITLE_WORDS or text[-1] in ".;,":
        return False
    return section_kind_of(text) is not None or (areas and area_of(text) is not None)


def paragraph_label(paragraph: Paragraph) -> Label | None:
    """The label a paragraph opens with: the reader's list label (Word) or the text's own."""
    text = f"{paragraph.label} {paragraph.text}" if paragraph.label else paragraph.text
    return parse_label(text)


# --- duplicated content (a page scrape that shows part of the text twice)


def drop_duplicate_runs(
    body: list[Paragraph | Table], start: int, *, report: Report
) -> tuple[set[str], int]:
    """Ids of the earlier copy of each repeated run of paragraphs, and the plan start moved
    into the kept copy when it fell inside a dropped one. The later copy is kept because a
    scrape shows a truncated preview first and the whole text after it."""
    keys = [_dup_key(b) for b in body]
    dropped: set[str] = set()
    first_seen: dict[str, int] = {}
    i = 0
    while i < len(keys):
        j = first_seen.get(keys[i]) if keys[i] else None
        run = _run_length(keys, j, i) if j is not None else 0
        long_enough = run >= _MIN_DUPLICATE_RUN and _run_chars(keys, i, run) >= _MIN_DUPLICATE_CHARS
        if j is not None and long_enough:
            affects_plan = j + run > start
            if j <= start < j + run:
                start = i + (start - j)
            for k in range(j, j + run):
                dropped.add(body[k].id)
            if affects_plan:
                report.warn(
                    WarningCode.DUPLICATE_CONTENT,
                    page=body[j].page,
                    block=body[j].id,
                    detail=f"{run} paragraphs from {body[j].id} repeated at {body[i].id}",
                )
            i += run
            continue
        if keys[i] and keys[i] not in first_seen:
            first_seen[keys[i]] = i
        i += 1
    return dropped, start


def _dup_key(block: Paragraph | Table) -> str:
    if isinstance(block, Table):
        return ""
    text = fold_ws(strip_markup(block.text))
    return text if len(text) > 1 and text not in ("|",) else ""


def _run_length(keys: list[str], j: int, i: int) -> int:
    n = 0
    while i + n < len(keys) and j + n < i and keys[i + n] == keys[j + n]:
        n += 1
    return n


def _run_chars(keys: list[str], i: int, run: int) -> int:
    return sum(len(k) for k in keys[i : i + run])


# --- the tree


@dataclass
class _Open:
    style: tuple[str, int]
    section: Section
    number: tuple[int, ...]
    children: list[tuple[int, ...]] = field(default_factory=list)


class _TreeBuilder:
    def __init__(self, report: Report, *, unnumbered: bool = False) -> None:
        self.report = report
        self.unnumbered = unnumbered  # also take unnumbered part titles (no Roman parts)
        self.titles = 0
        self.sections: list[Section] = []
        self.section_of: dict[str, str] = {}
        self.heading_of: dict[str, str] = {}
        self.stack: list[_Open] = []
        self.root_children: list[tuple[int, ...]] = []
        self.ids: set[str] = set()

    def place(self, block: Paragraph | Table) -> None:
        if self.stack:
            self.section_of[block.id] = self.stack[-1].section.id

    def paragraph(self, paragraph: Paragraph) -> None:
        label = paragraph_label(paragraph)
        titled = self.titles > 0
        if label is None and self.unnumbered and is_unnumbered_heading(paragraph, areas=titled):
            self._title(paragraph)
            return
        if label is None or label.kind == "bullet" or not label.rest:
            return
        style = _style(label)
        while self.stack and style in [o.style for o in self.stack]:
            popped = self.stack.pop()
            if popped.style == style:
                break
        parent = self.stack[-1] if self.stack else None
        siblings = parent.children if parent else self.root_children
        self._check_sequence(label, siblings, parent, paragraph)
        siblings.append(label.number)
        section = self._section(label.text, _label_id(label), label.rest, parent, paragraph)
        self.sections.append(section)
        self.heading_of[paragraph.id] = section.id
        self.stack.append(_Open(style, section, label.number))

    def _title(self, paragraph: Paragraph) -> None:
        """An unnumbered part title: a top-level part, numbered items go under it."""
        self.stack.clear()
        self.titles += 1
        section = self._section(None, f"s{self.titles}", paragraph.text, None, paragraph)
        self.sections.append(section)
        self.heading_of[paragraph.id] = section.id
        self.stack.append(_Open(("title", 0), section, (self.titles,)))

    def _section(
        self,
        label_text: str | None,
        own: str,
        text: str,
        parent: _Open | None,
        paragraph: Paragraph,
    ) -> Section:
        heading = fold_ws(strip_markup(text))
        section_id = f"{parent.section.id}.{own}" if parent else own
        section_id = self._unique(section_id)
        kind = section_kind_of(heading) or (parent.section.kind if parent else None)
        area = _area(heading, kind, parent.section if parent else None)
        section = Section(
            id=section_id,
            label=label_text,
            heading=heading,
            level=len(self.stack) + 1,
            parent=parent.section.id if parent else None,
            area=area,
            kind=kind,
            loc=Loc(page=paragraph.page, block=paragraph.id),
        )
        self._warn_area(section, parent.section if parent else None)
        return section

    def _unique(self, section_id: str) -> str:
        candidate, n = section_id, 1
        while candidate in self.ids:
            n += 1
            candidate = f"{section_id}~{n}"
        self.ids.add(candidate)
        return candidate

    def _check_sequence(
        self,
        label: Label,
        siblings: list[tuple[int, ...]],
        parent: _Open | None,
        paragraph: Paragraph,
    ) -> None:
        own = label.number[-1]
        previous = siblings[-1][-1] if siblings else 0
        where = f"{label.text} under {parent.section.id if parent else 'top level'}"
        if siblings and own == previous:
            self.report.warn(
                WarningCode.SECTION_NUMBER_REPEAT,
                page=paragraph.page,
                block=paragraph.id,
                detail=where,
            )
        elif own > previous + 1:
            self.report.warn(
                WarningCode.SECTION_NUMBER_GAP,
                page=paragraph.page,
                block=paragraph.id,
                detail=f"{where} after {previous or 'nothing'}",
            )

    def _warn_area(self, section: Section, parent: Section | None) -> None:
        # Only the area groups of a targets/tasks part ("1. Cải cách thể chế" under
        # "II. NHIỆM VỤ") should name an area; items and sub-headings need not.
        if section.area is not None or parent is None or section.kind not in _AREA_KINDS:
            return
        if parent.kind != section.kind or parent.area is not None or parent.parent is not None:
            return
        if section_kind_of(section.heading) is not None:
            return
        if len(section.heading.split()) > _AREA_HEADING_WORDS:
            return
        self.report.warn(
            WarningCode.SECTION_AREA_UNKNOWN,
            page=section.loc.page,
            block=section.loc.block,
            section=section.id,
            heading=section.heading,
        )


def _style(label: Label) -> tuple[str, int]:
    if label.kind == "number":
        return ("number", len(label.number))
    return (label.kind, 0)


def _label_id(label: Label) -> str:
    if label.kind == "roman":
        return to_roman(label.number[0])
    if label.kind == "letter":
        return label.text.rstrip(").").strip().lower()
    return str(label.number[-1])


def _area(heading: str, kind: SectionKind | None, parent: Section | None) -> Area | None:
    if kind is not None and kind not in _AREA_KINDS:
        return None
    if parent is not None and parent.area is not None:
        return parent.area
    if len(heading.split()) > _AREA_HEADING_WORDS:
        return None
    return area_of(heading)
