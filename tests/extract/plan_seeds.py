"""The seed plans read as Documents, with their plan start and plan years, for the
section, target and body-task tests. The plan years are the ones the seed texts state
(000: giai đoạn 2026-2030; 001: năm 2025; 002: năm 2026; 003: giai đoạn 2026-2030;
004: no header, no plan), so these tests do not depend on the header parser."""

from __future__ import annotations

from functools import cache

from extract.parsers.body.numbering import strip_markup
from extract.readers.text import read_text
from extract.source import make_source
from normalize.text import fold_key
from schemas.document import Document, Paragraph
from schemas.record import Plan
from tests.conftest import SEEDS

PLANS: dict[str, Plan | None] = {
    "000": Plan(year_start=2026, year_end=2030),
    "001": Plan(year_start=2025, year_end=2025),
    "002": Plan(year_start=2026, year_end=2026),
    "003": Plan(year_start=2026, year_end=2030),
    "004": None,
}
PROVINCES = {"000": "Nghệ An", "001": "Nghệ An", "002": "Hà Tĩnh", "003": "Lào Cai", "004": None}


@cache
def seed_document(seed: str) -> Document:
    path = SEEDS[seed]
    return read_text(path, source=make_source(path, "md"))


def plan_start(doc: Document) -> str | None:
    """Id of the first "KẾ HOẠCH" title line, else None (the whole body)."""
    title = fold_key("kế hoạch")
    for block in doc.body():
        if isinstance(block, Paragraph) and fold_key(strip_markup(block.text)) == title:
            return block.id
    return None
