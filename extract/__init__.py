"""Readers (file → Document) and parsers (Document → records). No database here."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from extract.readers.sniff import sniff_format
from extract.source import make_source
from schemas.diagnostics import UnsupportedFormat
from schemas.document import Document

OcrMode = Literal["auto", "force", "off"]


def read_document(path: Path | str, *, ocr: OcrMode = "auto") -> Document:
    """Read any supported file into the document model.

    Raises:
        VanbanError: the file cannot be read (missing, empty, damaged, unsupported).
    """
    path = Path(path)
    fmt = sniff_format(path)
    if fmt == "pdf":
        from extract.readers.pdf import read_pdf

        return read_pdf(path, source=make_source(path, "pdf"), ocr=ocr)
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
