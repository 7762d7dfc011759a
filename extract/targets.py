"""Targets (STUB: replaced by the body parser)."""

from __future__ import annotations

from extract.sections import SectionTree
from schemas.diagnostics import Report
from schemas.document import Document
from schemas.record import Plan, Target


def parse_targets(
    doc: Document, tree: SectionTree, *, plan: Plan | None, report: Report
) -> list[Target]:
    return []
