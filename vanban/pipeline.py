"""One file: read → parse → record. Many files: a generator of results, each file
isolated from the others."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from extract import OcrMode, read_document
from extract.record import document_to_record
from schemas.diagnostics import Report, VanbanError
from schemas.document import Document, Table
from schemas.record import ExtractResult
from vanban.result import FileResult, FileStatus
from vanban.settings import ExtractSettings

log = logging.getLogger(__name__)

NOT_A_DOCUMENT = "not an administrative document"


def extract_record(path: Path | str, *, ocr: OcrMode = OcrMode.AUTO) -> ExtractResult:
    """Read and parse one file. Raises VanbanError when the file cannot be read."""
    record, _doc = _read_and_parse(Path(path), OcrMode(ocr))
    return record


def _read_and_parse(path: Path, ocr: OcrMode) -> tuple[ExtractResult, Document]:
    doc = read_document(path, ocr=ocr)
    report = Report()
    report.extend(doc.warnings)
    return document_to_record(doc, report=report), doc


def holds_a_document(record: ExtractResult, doc: Document) -> bool:
    """A README, a short note or a picture holds no header, section, table, target or
    citation: loading it would only add an empty record."""
    head = record.document
    return bool(
        head.doc_type or head.number or head.issuer or head.title or head.issued_date
        or record.sections or record.targets or record.tasks or record.citations
        or any(isinstance(b, Table) for b in doc.blocks)
    )


def extract_file(path: Path | str, settings: ExtractSettings | None = None, *,
                 debug: bool = False) -> FileResult:
    """One file's result; never raises for a bad file (unless `debug`)."""
    settings = settings or ExtractSettings()
    name = str(path)
    try:
        record, doc = _read_and_parse(Path(path), settings.ocr)
    except VanbanError as exc:
        if debug:
            raise
        return FileResult.failed(name, exc.reason)
    except MemoryError:
        raise  # the worker process answers and is replaced; nothing here can recover
    except Exception as exc:  # a bug: isolate the file, keep the traceback in the log
        if debug:
            raise
        log.exception("internal error on %s", name)
        return FileResult.failed(name, f"internal error: {type(exc).__name__}: {exc}")
    if not settings.keep_empty and not holds_a_document(record, doc):
        return FileResult.skipped(name, NOT_A_DOCUMENT)
    return FileResult(name, FileStatus.EXTRACTED, record=record)


def extract_records(paths: Iterable[Path | str], settings: ExtractSettings | None = None, *,
                    ocr: OcrMode | None = None, debug: bool = False) -> Iterator[FileResult]:
    """Each file on its own, in this process: a bad file never costs the others."""
    if settings is None:
        settings = ExtractSettings(ocr=OcrMode(ocr or OcrMode.AUTO))
    for p in paths:
        yield extract_file(p, settings, debug=debug)


SUPPORTED_SUFFIXES = {".pdf", ".docx", ".doc", ".html", ".htm", ".md", ".txt"}


def expand_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Files as given; folders recursively, by type, in a stable order."""
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.extend(
                sorted(
                    f for f in path.rglob("*")
                    if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES
                )
            )
        else:
            out.append(path)
    return out
