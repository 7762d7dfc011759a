"""`vanban import`: extraction in worker processes (or a Dask cluster), loading in one
writer, so the database sees one connection per import."""

from __future__ import annotations

import csv
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from load.db import make_engine, upgrade
from load.errors import DatabaseUnavailable, first_line
from load.imports import begin_import, finish_import
from load.loader import LoadResult, load_record
from schemas.record import ExtractResult
from vanban.isolation import Wire, extract_in_child, extract_isolated
from vanban.result import FileResult, FileStatus
from vanban.settings import Executor, ImportSettings


@dataclass
class ImportSummary:
    files: int = 0
    loaded: int = 0
    replaced: int = 0
    unchanged: int = 0
    targets: int = 0
    tasks: int = 0
    citations: int = 0
    failures: list[FileResult] = field(default_factory=list)
    skipped: list[FileResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def documents(self) -> int:
        return self.loaded + self.replaced + self.unchanged

    def add(self, result: FileResult, load: LoadResult | None = None) -> None:
        if result.status is FileStatus.FAILED:
            self.failures.append(result)
        elif result.status is FileStatus.SKIPPED:
            self.skipped.append(result)
        elif load is not None:
            match load.status:
                case "loaded":
                    self.loaded += 1
                case "replaced":
                    self.replaced += 1
                case "unchanged":
                    self.unchanged += 1
            self.targets += load.targets
            self.tasks += load.tasks
            self.citations += load.citations


def iter_extracted(paths: Sequence[str], settings: ImportSettings) -> Iterator[Wire]:
    """Each file's wire result, in input order."""
    options = settings.extract
    if settings.executor is Executor.DASK:
        yield from _extract_on_dask(paths, settings)
    elif settings.isolate:
        yield from extract_isolated(paths, options, workers=settings.workers)
    else:
        for path in paths:
            try:
                yield extract_in_child(path, options)
            except MemoryError:
                yield "failed", None, "out of memory"


def _extract_on_dask(paths: Sequence[str], settings: ImportSettings) -> Iterator[Wire]:
    from dask.distributed import Client

    with Client(settings.scheduler) as client:
        futures = client.map(extract_in_child, list(paths), settings=settings.extract, pure=False)
        for fut in futures:
            try:
                yield fut.result()
            except Exception as exc:  # noqa: BLE001 - a worker lost on this file costs only it
                yield "failed", None, f"worker failed on this file: {type(exc).__name__}"


def run_import(paths: Sequence[Path | str], settings: ImportSettings | None = None, *,
               on_file: Callable[[FileResult], None] | None = None,
               **options: Any) -> ImportSummary:
    """Extract and load `paths`; `options` are ImportSettings fields (url=, workers=, …).

    Raises:
        DatabaseUnavailable: the database cannot be reached or its schema made.
    """
    settings = settings or ImportSettings(**options)
    started = time.perf_counter()
    files = [str(p) for p in paths]
    summary = ImportSummary(files=len(files))
    engine = make_engine(settings.url)
    try:
        try:
            upgrade(engine)
            import_id = begin_import(engine, len(files))
        except SQLAlchemyError as exc:
            raise DatabaseUnavailable(first_line(exc)) from exc
        for path, wire in zip(files, iter_extracted(files, settings), strict=True):
            result = _load_wire(engine, path, wire, import_id, summary)
            if on_file:
                on_file(result)
        summary.seconds = time.perf_counter() - started
        finish_import(engine, import_id, status="done" if not summary.failures else "failed",
                      counts={"loaded": summary.loaded, "replaced": summary.replaced,
                              "unchanged": summary.unchanged,
                              "failures": len(summary.failures)})
    finally:
        engine.dispose()
    return summary


def _load_wire(engine: Engine, path: str, wire: Wire, import_id: int,
               summary: ImportSummary) -> FileResult:
    status, payload, error = wire
    if payload is None:
        result = FileResult(path, FileStatus(status), error=error)
        summary.add(result)
        return result
    record = ExtractResult.model_validate_json(payload)
    try:
        load = _load_one(engine, record, payload, import_id)
    except OperationalError as exc:
        raise DatabaseUnavailable(first_line(exc)) from exc
    except SQLAlchemyError as exc:
        result = FileResult.failed(path, f"rejected by the database: {first_line(exc)}")
        summary.add(result)
        return result
    result = FileResult(path, FileStatus(load.status), record=record)
    summary.add(result, load)
    return result


def _load_one(engine: Engine, record: ExtractResult, payload: str, import_id: int) -> LoadResult:
    # A concurrent import may insert the same file between our check and our insert:
    # the unique constraint stops it, and the retry then finds it "unchanged".
    for attempt in (1, 2):
        try:
            with engine.begin() as conn:
                return load_record(conn, record, import_id=import_id, record_json=payload)
        except IntegrityError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def write_error_report(failures: list[FileResult], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["file", "reason"])
        for f in failures:
            writer.writerow([f.path, f.error])
