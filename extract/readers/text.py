"""Markdown / plain text reader (STUB: one paragraph per non-empty line)."""

from __future__ import annotations

from pathlib import Path

from extract.repair import repair_text
from schemas.document import Document, Paragraph, Source


def read_text(path: Path, *, source: Source) -> Document:
    raw_text = path.read_text(encoding="utf-8", errors="replace")
    blocks = []
    for line in raw_text.splitlines():
        if line.strip():
            blocks.append(
                Paragraph(id=f"b{len(blocks) + 1:04d}", text=repair_text(line), raw=line)
            )
    return Document(source=source, blocks=tuple(blocks))
