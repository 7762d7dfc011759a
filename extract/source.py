"""The `source` block of a record: path, sha256, format, pages."""

from __future__ import annotations

import hashlib
from pathlib import Path

from schemas.document import Format, Source


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def make_source(path: Path, fmt: Format, pages: int | None = None) -> Source:
    return Source(path=str(path), sha256=file_sha256(path), format=fmt, pages=pages)
