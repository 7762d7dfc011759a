"""Decision header and plan metadata (STUB: replaced by the header parser)."""

from __future__ import annotations

from dataclasses import dataclass

from schemas.diagnostics import Report
from schemas.document import Document
from schemas.record import Header, Plan


@dataclass(frozen=True)
class HeaderParse:
    header: Header
    plan: Plan | None
    plan_start: int | None  # index into list(doc.body()) where the attached plan's body starts


def parse_header(doc: Document, *, report: Report) -> HeaderParse:
    return HeaderParse(header=Header(), plan=None, plan_start=None)
