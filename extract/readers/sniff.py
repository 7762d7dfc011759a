"""Recognise a file's format from its bytes, not its extension."""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO, Literal

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
    # The sizes above are the central directory's word: inflate each member and count,
    # so a member that lies about its size is stopped where the lie shows.
    with path.open("rb") as fh:
        for info in infos:
            if _inflates_past(fh, info, info.file_size):
                raise UnreadableFile(path, f"zip member {info.filename} inflates past its "
                                           f"declared {info.file_size} bytes (a zip bomb): "
                                           "refused")


def _inflates_past(fh: BinaryIO, info: zipfile.ZipInfo, limit: int) -> bool:
    """Whether the member's data inflates to more than `limit` bytes; reads at most its
    compressed bytes and never holds more than a chunk of output."""
    if info.compress_type != zipfile.ZIP_DEFLATED:
        return info.compress_type == zipfile.ZIP_STORED and info.compress_size > limit
    fh.seek(info.header_offset)
    local = fh.read(30)
    if len(local) < 30 or local[:4] != b"PK\x03\x04":
        return False  # the zip reader reports the damage when it opens the member
    name_len, extra_len = struct.unpack("<HH", local[26:30])
    fh.seek(info.header_offset + 30 + name_len + extra_len)
    inflater, left, out = zlib.decompressobj(-zlib.MAX_WBITS), info.compress_size, 0
    try:
        while left > 0 and out <= limit:
            data = fh.read(min(2**16, left))
            if not data:
                break
            left -= len(data)
            while data and out <= limit:
                out += len(inflater.decompress(data, 2**20))
                data = inflater.unconsumed_tail
    except zlib.error:
        return False  # damaged, not a bomb: the zip reader says so
    return out > limit


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _sniff_text(path: Path, head: bytes) -> Sniffed:
    if head.startswith(_UTF16_BOMS):  # Notepad's "Unicode": NUL bytes, yet text
        head = head.decode("utf-16", errors="replace").encode("utf-8")
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
