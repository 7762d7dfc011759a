"""Recognise a file's format from its bytes, not its extension."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Literal

from schemas.diagnostics import UnreadableFile, UnsupportedFormat

Sniffed = Literal["pdf", "docx", "doc", "html", "md", "txt"]
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff_format(path: Path) -> Sniffed:
    """Raises UnreadableFile for a missing or empty file, UnsupportedFormat for other bytes."""
    if not path.exists():
        raise UnreadableFile(path, "file not found")
    if path.is_dir():
        raise UnreadableFile(path, "is a directory")
    with path.open("rb") as fh:
        head = fh.read(4096)
    if not head.strip():
        raise UnreadableFile(path, "empty file")
    if head.lstrip().startswith(b"%PDF"):
        return "pdf"
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        raise UnreadableFile(path, "not a PDF file (no %PDF signature)")
    if suffix == ".docx" and not head.startswith(b"PK"):
        raise UnreadableFile(path, "not a Word .docx file (not a zip package)")
    if head.startswith(_OLE):
        return "doc"
    if head.startswith(b"PK"):
        return _sniff_zip(path)
    return _sniff_text(path, head)


def _sniff_zip(path: Path) -> Sniffed:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except zipfile.BadZipFile as exc:
        if path.suffix.lower() == ".docx":
            raise UnreadableFile(path, "not a Word .docx file (not a zip package)") from exc
        raise UnreadableFile(path, "damaged zip file") from exc
    if "word/document.xml" in names:
        return "docx"
    raise UnsupportedFormat(path, "a zip file that is not a Word document")


def _sniff_text(path: Path, head: bytes) -> Sniffed:
    if b"\x00" in head:
        raise UnsupportedFormat(path, "binary file of an unsupported type")
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<body" in lowered[:2048]:
        return "html"
    if path.suffix.lower() in {".md", ".markdown"}:
        return "md"
    return "txt"
