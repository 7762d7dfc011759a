"""One file: read → parse → record. Many files: a generator of outcomes, each file
isolated from the others."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from extract import OcrMode, read_document
from extract.record import document_to_record
from schemas.diagnostics import Report, VanbanError
from schemas.record import ExtractResult

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    """What became of one input file: a record, or the one-line reason it failed."""

    path: Path
    record: ExtractResult | None = None
    error: str | None = None


def extract_record(path: Path | str, *, ocr: OcrMode = "auto") -> ExtractResult:
    """Read and parse one file. Raises VanbanError when the file cannot be read."""
    doc = read_document(path, ocr=ocr)
    report = Report()
    report.extend(doc.warnings)
    return document_to_record(doc, report=report)


def extract_records(
    paths: Iterable[Path | str], *, ocr: OcrMode = "auto", debug: bool = False
) -> Iterator[Outcome]:
    """Each file on its own: a bad file (or a bug on one file) never costs the others."""
    for p in paths:
        path = Path(p)
        try:
            yield Outcome(path, record=extract_record(path, ocr=ocr))
        except VanbanError as exc:
            if debug:
                raise
            yield Outcome(path, error=exc.reason)
        except Exception as exc:  # a bug: isolate the file, keep the traceback in the log
            if debug:
                raise
            log.exception("internal error on %s", path)
            yield Outcome(path, error=f"internal error: {type(exc).__name__}: {exc}")


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
