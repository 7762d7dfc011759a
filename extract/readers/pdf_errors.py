"""pdfplumber / pdfminer exceptions → one-line UnreadableFile reasons.

pdfplumber ≥0.11 wraps pdfminer's errors in PdfminerException, and a wrong-password
error has an empty message: the reason is read from the wrapped exception's type.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pypdfium2 as pdfium
from pdfminer.pdfdocument import (
    PDFEncryptionError,
    PDFPasswordIncorrect,
    PDFTextExtractionNotAllowed,
)
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import PdfminerException

from schemas.diagnostics import UnreadableFile, VanbanError

ENCRYPTED = "encrypted PDF (password required)"
DAMAGED = "damaged or truncated PDF"


def pdf_reason(exc: BaseException) -> str:
    """A short reason for a PDF that cannot be read, from the (wrapped) exception."""
    inner = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(inner, type):
        inner = inner()
    if isinstance(inner, PDFPasswordIncorrect | PDFTextExtractionNotAllowed):
        return ENCRYPTED
    if isinstance(inner, PDFEncryptionError):
        return "encrypted PDF (unsupported encryption)"
    if isinstance(inner, PDFSyntaxError) and "root" in str(inner).lower():
        return "not a PDF (no document catalog)"
    return DAMAGED  # truncated streams, broken syntax, bad compression: all the same to a user


@contextmanager
def pdf_errors(path: Path) -> Iterator[None]:
    """Inside this block, a PDF library's parse error becomes UnreadableFile(path, reason)."""
    try:
        yield
    except VanbanError:
        raise
    except (
        PdfminerException,
        PSException,
        PDFSyntaxError,
        PDFEncryptionError,
        zlib.error,
        EOFError,
        pdfium.PdfiumError,
    ) as exc:
        raise UnreadableFile(path, pdf_reason(exc)) from exc
