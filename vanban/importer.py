"""`vanban import`: extraction in N workers (processes or a Dask cluster), loading in
one writer, so the database sees one connection per import."""

from __future__ import annotations

import csv
import gc
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from load.db import make_engine, upgrade
from load.errors import DatabaseUnavailable
from load.imports import begin_import, finish_import
from load.loader import LoadResult, load_record
from schemas.record import ExtractResult

Executor = Literal["local", "dask"]
Extracted = tuple[str, str | None, str | None]  # path, record JSON, error


@dataclass(frozen=True)
class FileOutcome:
    path: str
    status: str  # loaded | replaced | unchanged | failed
    reason: str | None = None


@dataclass
class ImportSummary:
    files: int = 0
    loaded: int = 0
    replaced: int = 0
    unchanged: int = 0
    targets: int = 0
    tasks: int = 0
    citations: int = 0
    failures: list[FileOutcome] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def documents(self) -> int:
        return self.loaded + self.replaced + self.unchanged

    def add(self, result: LoadResult) -> None:
        setattr(self, result.status, getattr(self, result.status) + 1)
        self.targets += result.targets
        self.tasks += result.tasks
        self.citations += result.citations


def extract_payload(path: str, ocr: str = "auto") -> Extracted:
    """Runs in a worker: the record travels back as JSON (cheap to pickle, any executor)."""
    from vanban.pipeline import extract_records

    outcome = next(extract_records([path], ocr=ocr))  # type: ignore[arg-type]
    if outcome.record is None:
        return path, None, outcome.error
    return path, outcome.record.model_dump_json(), None


def _warm_worker() -> None:
    """Import the parsers once per long-lived worker; freezing the heap afterwards keeps
    the collector from rescanning the models on every document."""
    import vanban.pipeline  # noqa: F401

    gc.freeze()


def iter_extracted(paths: Sequence[str], *, workers: int, executor: Executor,
                   scheduler: str | None, ocr: str) -> Iterator[Extracted]:
    """Results in input order, so the same batch always loads the same way."""
    if executor == "dask":
        from dask.distributed import Client

        with Client(scheduler) as client:
            futures = client.map(extract_payload, list(paths), ocr=ocr, pure=False)
            for fut in futures:
                yield fut.result()
        return
    if workers <= 1:
        for p in paths:
            yield extract_payload(p, ocr)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers, initializer=_warm_worker) as pool:
        yield from pool.map(extract_payload, paths, [ocr] * len(paths))


def _load_one(engine, record: ExtractResult, payload: str, import_id: int) -> LoadResult:  # type: ignore[no-untyped-def]
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


def run_import(
    paths: Sequence[Path | str], *, url: str | None = None, workers: int = 1,
    executor: Executor = "local", scheduler: str | None = None, ocr: str = "auto",
    on_file: Callable[[FileOutcome], None] | None = None,
) -> ImportSummary:
    started = time.perf_counter()
    files = [str(p) for p in paths]
    summary = ImportSummary(files=len(files))
    engine = make_engine(url)
    try:
        upgrade(engine)
        import_id = begin_import(engine, len(files))
    except OperationalError as exc:
        raise DatabaseUnavailable(str(exc.orig).strip().splitlines()[0]) from exc
    except SQLAlchemyError as exc:
        raise DatabaseUnavailable(str(exc).strip().splitlines()[0]) from exc
    for path, payload, error in iter_extracted(files, workers=workers, executor=executor,
                                                scheduler=scheduler, ocr=ocr):
        outcome = _load_payload(engine, path, payload, error, import_id, summary)
        if on_file:
            on_file(outcome)
    summary.seconds = time.perf_counter() - started
    finish_import(engine, import_id, status="done" if not summary.failures else "failed",
                  counts={"loaded": summary.loaded, "replaced": summary.replaced,
                          "unchanged": summary.unchanged, "failures": len(summary.failures)})
    engine.dispose()
    return summary


def _load_payload(engine, path: str, payload: str | None, error: str | None,  # type: ignore[no-untyped-def]
                  import_id: int, summary: ImportSummary) -> FileOutcome:
    if payload is None:
        outcome = FileOutcome(path, "failed", error)
        summary.failures.append(outcome)
        return outcome
    record = ExtractResult.model_validate_json(payload)
    try:
        result = _load_one(engine, record, payload, import_id)
    except OperationalError as exc:
        raise DatabaseUnavailable(str(exc.orig).strip().splitlines()[0]) from exc
    except SQLAlchemyError as exc:
        reason = f"rejected by the database: {str(getattr(exc, 'orig', exc)).splitlines()[0]}"
        outcome = FileOutcome(path, "failed", reason)
        summary.failures.append(outcome)
        return outcome
    summary.add(result)
    return FileOutcome(path, result.status)


def write_error_report(failures: list[FileOutcome], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["file", "reason"])
        for f in failures:
            writer.writerow([f.path, f.reason])
