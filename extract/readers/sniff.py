"""Recognise a file's format from its bytes, not its extension."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Literal

from extract.limits import MAX_TEXT_BYTES, MAX_ZIP_RATIO, MAX_ZIP_UNCOMPRESSED
from schemas.diagnostics import UnreadableFile, UnsupportedFormat

Sniffed = Literal["pdf", "docx", "doc", "html", "md", "txt"]
PDF_SIGNATURE_WINDOW = 1024
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
    if _is_pdf(head):
        return "pdf"
    if head.startswith(_OLE) or head.startswith(b"{\\rtf"):
        return "doc"  # Word 97-2003, or RTF saved as .doc: both go through LibreOffice
    if head.startswith(b"PK"):
        return _sniff_zip(path)
    # The content decides; but a file that claims a binary format and is not one is
    # damaged, not text to be read.
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        raise UnreadableFile(path, "not a PDF file (no %PDF signature)")
    if suffix == ".docx":
        raise UnreadableFile(path, "not a Word .docx file (not a zip package)")
    if suffix == ".doc":
        raise UnreadableFile(path, "not a Word .doc file")
    return _sniff_text(path, head)


def _is_pdf(head: bytes) -> bool:
    # Signing tools and mail gateways often leave bytes before the signature; PDF readers
    # (PDFium, poppler, Acrobat) look for it within the first 1024 bytes, and so do we.
    return b"%PDF-" in head[:PDF_SIGNATURE_WINDOW]


def _sniff_zip(path: Path) -> Sniffed:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile as exc:
        if path.suffix.lower() == ".docx":
            raise UnreadableFile(path, "not a Word .docx file (not a zip package)") from exc
        raise UnreadableFile(path, "damaged zip file") from exc
    _refuse_zip_bomb(path, infos)
    if "word/document.xml" in {i.filename for i in infos}:
        return "docx"
    raise UnsupportedFormat(path, "a zip file that is not a Word document")


def _refuse_zip_bomb(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    total = sum(i.file_size for i in infos)
    if total > MAX_ZIP_UNCOMPRESSED:
        raise UnreadableFile(path, f"zip package expands to {total // 2**20} MB "
                                   f"(limit {MAX_ZIP_UNCOMPRESSED // 2**20} MB): refused")
    for info in infos:
        if info.file_size > 2**20 and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1):
            raise UnreadableFile(path, f"zip member {info.filename} is compressed "
                                       f"{info.file_size // max(info.compress_size, 1)}:1 "
                                       "(a zip bomb): refused")


def _sniff_text(path: Path, head: bytes) -> Sniffed:
    if b"\x00" in head:
        raise UnsupportedFormat(path, "binary file of an unsupported type")
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise UnreadableFile(path, f"text file of {size // 2**20} MB is larger than the "
                                   f"{MAX_TEXT_BYTES // 2**20} MB limit for one document")
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<body" in lowered[:2048]:
        return "html"
    if path.suffix.lower() in {".md", ".markdown"}:
        return "md"
    return "txt"
