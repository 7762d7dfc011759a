"""Readers (file → Document) and parsers (Document → records). No database here."""

from __future__ import annotations

from pathlib import Path

from extract.options import OcrMode
from extract.readers.sniff import sniff_format
from extract.source import make_source
from schemas.diagnostics import UnreadableFile, UnsupportedFormat
from schemas.document import Document

__all__ = ["OcrMode", "read_document"]


def read_document(path: Path | str, *, ocr: OcrMode = OcrMode.AUTO) -> Document:
    """Read any supported file into the document model.

    Raises:
        VanbanError: the file cannot be read (missing, empty, damaged, unsupported).
    """
    path = Path(path)
    if path.exists() and not path.is_file() and not path.is_dir():
        # a FIFO or a device would block the read (or never end): not a document
        raise UnreadableFile(path, "not a regular file (FIFO, socket or device): skipped")
    fmt = sniff_format(path)
    if fmt == "pdf":
        from extract.readers.pdf import read_pdf

        return read_pdf(path, source=make_source(path, "pdf"), ocr=OcrMode(ocr))
    if fmt == "docx":
        from extract.readers.docx import read_docx

        return read_docx(path, source=make_source(path, "docx"))
    if fmt == "doc":
        from extract.readers.doc import read_doc

        return read_doc(path, source=make_source(path, "docx"))
    if fmt == "html":
        from extract.readers.html import read_html

        return read_html(path, source=make_source(path, "html"))
    if fmt in ("md", "txt"):
        from extract.readers.text import read_text

        return read_text(path, source=make_source(path, fmt))
    raise UnsupportedFormat(path, f"unsupported format {fmt}")
