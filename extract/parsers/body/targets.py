"""Targets (chỉ tiêu): every quantitative aim in the plan's own text.

The decision's articles come before the plan start and the appendix tables after the
plan's end, so neither is read here. Purpose and funding parts state no aims; their
numbers ("05 nhiệm vụ trọng tâm" of a resolution) are not targets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import NamedTuple

from extract.parsers.body.numbering import strip_markup
from extract.parsers.body.sections import SectionTree, paragraph_label
from normalize.figures import Figure, parse_figures
from normalize.indicators import indicator_area, indicator_of
from normalize.ranks import find_ranks, is_award_rule
from normalize.section_kinds import section_kind_of
from normalize.target_words import names_aim, subject_pattern
from normalize.text import fold_ws
from schemas.codes import SectionKind
from schemas.diagnostics import Report, WarningCode
from schemas.document import Document, Paragraph
from schemas.record import Loc, Plan, Section, Target

_SKIPPED_KINDS = (SectionKind.PURPOSE, SectionKind.FUNDING)
_HEADING_WORDS = 20  # headings longer than this are numbered sentences, not topics
# A sentence ends at ";" or at "." before a new sentence (capital, digit, list mark).
_CLAUSE_END = re.compile(r"(?<=;)\s+|(?<=;)$|(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ0-9(+\-–])")
_TOP_BULLETS = ("-", "–", "—", "•")
_INLINE_HEAD = re.compile(r"^(?P<head>[^:]{2,40}):(?P<rest>.*)$")
_BOUNDARY = re.compile(r",\s+|\s+và\s+|;\s+", re.IGNORECASE)
_YEAR = re.compile(
    r"(?<!so với )(?<!tháng \d )(?<!tháng \d\d )"  # a baseline, or a date in a citation
    r"(?:(đến|tới|trong|cuối|hết)\s+)?năm\s+(20\d\d)(?!\s*[-–]\s*20)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _LeadIn:
    """A lead-in ("Phấn đấu đến năm 2030:") and the list items under it, which share a mark."""

    section: str | None
    year: int
    bullet: str | None = None

    def follow(self, section: str | None, bullet: str | None) -> _LeadIn | None:
        """The lead-in still open at this item (the first item fixes the mark), or None."""
        if section != self.section or bullet is None:
            return None
        mark = self.bullet or bullet
        return replace(self, bullet=mark) if bullet == mark else None


class _AimStep(NamedTuple):
    admitted: bool
    context: _AimContext


@dataclass(frozen=True)
class _AimContext:
    """Without a plan (no decision header: a scoring sheet, or a report that is no plan)
    a figure is an aim only where the text says so: in a targets part, after "Mục tiêu:",
    or with an aim word in its own sentence. A report's "đạt 85,5 điểm" is a result."""

    section: str | None = None
    open: bool = False

    def step(self, text: str, bullet: str | None, section: Section | None) -> _AimStep:
        """Whether this paragraph's figures are aims, and the context for the next one."""
        section_id = section.id if section else None
        context = self
        if section_id != self.section or bullet in _TOP_BULLETS:
            context = _AimContext(section_id, False)
        head = _INLINE_HEAD.match(text)
        if head and section_kind_of(head["head"]) is SectionKind.TARGETS:
            return _AimStep(True, replace(context, open=not head["rest"].strip()))
        in_targets_part = section is not None and section.kind is SectionKind.TARGETS
        admitted = context.open or in_targets_part or names_aim(text)
        return _AimStep(admitted, context)


def parse_targets(
    doc: Document, tree: SectionTree, *, plan: Plan | None, report: Report
) -> list[Target]:
    blocks = {b.id: b for b in doc.body()}
    targets: list[Target] = []
    lead_in: _LeadIn | None = None
    aims = _AimContext()
    for block_id in tree.plan_blocks:
        block = blocks.get(block_id)
        if not isinstance(block, Paragraph):
            continue
        section_id = tree.section_of.get(block_id)
        section = tree.section(section_id)
        if section is not None and section.kind in _SKIPPED_KINDS:
            continue
        text, bullet = _own_text(block)
        lead_in = lead_in.follow(section_id, bullet) if lead_in else None
        if plan is None:
            admitted, aims = aims.step(text, bullet, section)
            if not admitted:
                continue
        year_here = year_in(text)
        if text.endswith(":") and year_here and not parse_figures(text):
            lead_in = _LeadIn(section_id, year_here)
            continue
        context_year = (lead_in.year if lead_in else None) or _section_year(tree, section_id)
        for target in _targets_in(text, tree, section, block, context_year, plan):
            in_targets_part = section is not None and section.kind is SectionKind.TARGETS
            if target.indicator is None and in_targets_part:
                report.warn(
                    WarningCode.TARGET_INDICATOR_UNKNOWN,
                    page=block.page,
                    block=block.id,
                    text=target.text,
                )
            targets.append(target)
    return targets


def split_clauses(text: str) -> list[str]:
    """Sentences and ";"-clauses; a clause with no figure stays with the one before it
    ("100% cơ quan … đúng quy định; rà soát, khắc phục … về tổ chức bộ máy")."""
    parts = [p.strip() for p in _CLAUSE_END.split(text) if p and p.strip()]
    clauses: list[str] = []
    for part in parts:
        follows_semicolon = bool(clauses) and clauses[-1].endswith(";")
        if follows_semicolon and not parse_figures(part) and parse_figures(clauses[-1]):
            clauses[-1] = f"{clauses[-1]} {part}"
        else:
            clauses.append(part)
    return [_trim(c) for c in clauses if _trim(c)]


def year_in(text: str) -> int | None:
    """The year a clause aims at: "đến năm 2030" first, else the first "năm 2026";
    "so với năm 2021" is a baseline and dates inside citations are not aims."""
    if "20" not in text:  # most clauses name no year: skip the regex's scan
        return None
    found = [(m.group(1), int(m.group(2))) for m in _YEAR.finditer(text)]
    for word, year in found:
        if word and word.lower() in ("đến", "tới"):
            return year
    return found[0][1] if found else None


def figure_contexts(clause: str, figures: list[Figure]) -> list[str]:
    """The words that belong to each figure. Its subject may come before it ("Tỷ lệ …
    đạt 90%": from "tỷ lệ"/"mức độ") or after it ("… và 100% văn bản đi được ký số":
    from the last comma or "và"); each figure's words end where the next one's begin."""
    begins = []
    for i, figure in enumerate(figures):
        prev_end = figures[i - 1].end if i else 0
        subject = subject_pattern().search(clause, prev_end, figure.start)
        if subject is not None:
            begins.append(subject.start())
        elif len(figures) == 1 or i == 0:
            begins.append(0 if i == 0 else prev_end)
        else:
            bounds = list(_BOUNDARY.finditer(clause, prev_end, figure.start))
            begins.append(bounds[-1].end() if bounds else prev_end)
    ends = [max(b, f.end) for b, f in zip(begins[1:], figures, strict=False)] + [len(clause)]
    return [clause[b:e] for b, e in zip(begins, ends, strict=True)]


def _own_text(paragraph: Paragraph) -> tuple[str, str | None]:
    """The paragraph's text without its label, and its bullet mark when it is a list item."""
    label = paragraph_label(paragraph)
    if label is None:
        return fold_ws(strip_markup(paragraph.text)), None
    return fold_ws(strip_markup(label.rest)), label.text if label.kind == "bullet" else None


def _trim(text: str) -> str:
    return text.strip().rstrip(";,.").strip()


def _targets_in(
    text: str,
    tree: SectionTree,
    section: Section | None,
    block: Paragraph,
    context_year: int | None,
    plan: Plan | None,
) -> Iterator[Target]:
    for clause in split_clauses(text):
        figures = clause_figures(clause)
        if not figures:
            continue
        contexts = figure_contexts(clause, figures)
        years = _years(clause, figures, contexts)
        for figure, context, year in zip(figures, contexts, years, strict=True):
            year = year or context_year or (plan.year_end if plan else None)
            indicator = indicator_of(context) or _heading_indicator(tree, section)
            yield Target(
                text=clause,
                metric=figure.metric,
                value=figure.value,
                value_max=figure.value_max,
                comparator=figure.comparator,
                direction=figure.direction,
                unit=figure.unit,
                out_of=figure.out_of,
                year=year,
                area=(section.area if section else None) or indicator_area(indicator),
                indicator=indicator,
                section=section.id if section else None,
                loc=Loc(page=block.page, section=section.id if section else None, block=block.id),
            )


def clause_figures(clause: str) -> list[Figure]:
    """The aims of a clause: rank aims ("thuộc nhóm 20 địa phương") and the percentages,
    scores and counts outside them; none in an award or eligibility rule."""
    if is_award_rule(clause):
        return []
    ranks = find_ranks(clause)
    figures = [
        f for f in parse_figures(clause) if all(f.end <= r.start or f.start >= r.end for r in ranks)
    ]
    return sorted(figures + ranks, key=lambda f: f.start)


def _years(clause: str, figures: list[Figure], contexts: list[str]) -> list[int | None]:
    """Each figure's year: the one written in its own words up to the figure ("…, trong đó
    năm 2027 đạt ít nhất 40%"), else the one the clause names before its first figure
    ("Đến năm 2028, 100% … và 90% …") or after its last ("… trong năm 2025")."""
    shared = year_in(clause[: figures[0].start]) or year_in(clause[figures[-1].end :])
    years, pos = [], 0
    for figure, context in zip(figures, contexts, strict=True):
        begin = clause.find(context, pos) if context else -1
        begin = begin if 0 <= begin <= figure.start else figure.start
        pos = begin
        years.append(year_in(clause[begin : figure.end]) or shared)
    return years


def _topic_headings(tree: SectionTree, section: Section | None) -> Iterator[str]:
    """Headings above a target that name a topic: short, and not a part title ("Mục tiêu")."""
    for ancestor in tree.ancestors(section.id if section else None):
        heading = ancestor.heading
        if len(heading.split()) <= _HEADING_WORDS and section_kind_of(heading) is None:
            yield heading


def _heading_indicator(tree: SectionTree, section: Section | None) -> str | None:
    # Only the innermost topic heading: a scoring plan's criterion ("6.1. Kết quả Chỉ số
    # hài lòng (SIPAS)") names what its "Mục tiêu: … điểm" bullets measure.
    for heading in _topic_headings(tree, section):
        return indicator_of(heading)
    return None


def _section_year(tree: SectionTree, section_id: str | None) -> int | None:
    section = tree.section(section_id)
    for heading in _topic_headings(tree, section) if section else ():
        year = year_in(heading)
        if year:
            return year
    for ancestor in tree.ancestors(section_id):
        if section_kind_of(ancestor.heading) is not None:
            year = year_in(ancestor.heading)
            if year:
                return year
    return None
