"""Body tasks (STUB: replaced by the body parser)."""

from __future__ import annotations

from extract.sections import SectionTree
from schemas.diagnostics import Report
from schemas.document import Document
from schemas.record import Plan, Task


def parse_body_tasks(
    doc: Document, tree: SectionTree, *, plan: Plan | None, province: str | None, report: Report
) -> list[Task]:
    return []
