"""Section tree (STUB: replaced by the body parser)."""

from __future__ import annotations

from dataclasses import dataclass, field

from schemas.diagnostics import Report
from schemas.document import Document
from schemas.record import Section


@dataclass(frozen=True)
class SectionTree:
    sections: list[Section]
    section_of: dict[str, str] = field(default_factory=dict)  # block id -> innermost section id


def parse_sections(doc: Document, *, start: int = 0, report: Report) -> SectionTree:
    return SectionTree(sections=[])
