"""Citations of other documents (STUB: replaced by the citation parser)."""

from __future__ import annotations

from schemas.diagnostics import Report
from schemas.document import Document
from schemas.record import Citation


def parse_citations(doc: Document, *, report: Report) -> list[Citation]:
    return []
