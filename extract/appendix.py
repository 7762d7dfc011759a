"""Appendix task tables (STUB: replaced by the appendix parser)."""

from __future__ import annotations

from schemas.diagnostics import Report
from schemas.document import Document
from schemas.record import Plan, Task


def parse_appendix(
    doc: Document, *, plan: Plan | None, province: str | None, report: Report
) -> list[Task]:
    return []
