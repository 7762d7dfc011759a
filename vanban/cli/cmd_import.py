"""`vanban import` and `vanban db …`: thin wrappers over vanban.importer and load.db."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from extract.options import OcrMode
from vanban.cli.root import DbOption, OcrOption, app, db_app, err, shown
from vanban.settings import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, Executor

if TYPE_CHECKING:
    from vanban.importer import ImportSummary
    from vanban.result import FileResult
    from vanban.settings import ImportSettings


@app.command("import")
def import_(
    paths: Annotated[list[Path], typer.Argument(help="files and folders (recursively, by type)")],
    db: DbOption = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="extraction processes")] = 1,
    executor: Annotated[Executor, typer.Option("--executor", help="where to extract")
                        ] = Executor.LOCAL,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address")
                         ] = None,
    ocr: OcrOption = OcrMode.AUTO,
    keep_empty: Annotated[bool, typer.Option(
        "--keep-empty", help="also load files that hold no administrative document")] = False,
    timeout: Annotated[float, typer.Option(
        "--timeout", min=1, help="seconds one file may take before it is stopped")
    ] = DEFAULT_TIMEOUT,
    memory: Annotated[int, typer.Option(
        "--memory", min=0, help="MB of address space per extraction worker (0: no limit)")
    ] = DEFAULT_MEMORY_MB,
    errors: Annotated[Path, typer.Option("--errors", help="error report (CSV), written when a "
                                         "file fails")] = Path("vanban-import-errors.csv"),
) -> None:
    """Extract and load documents; each in its own transaction, a bad file never stops the batch."""
    from vanban.importer import write_error_report
    from vanban.pipeline import expand_paths
    from vanban.settings import ExtractSettings, ImportSettings

    try:
        settings = ImportSettings(
            url=db, workers=workers, executor=executor, scheduler=scheduler,
            extract=ExtractSettings(ocr=ocr, keep_empty=keep_empty, timeout=timeout,
                                    memory_mb=memory))
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    files, refused = _regular_files(expand_paths(paths))
    summary = _run_with_progress(files, settings)
    for f in summary.skipped:
        err(f"{shown(f.path)}: {f.error}: skipped")
    for f in summary.failures:
        err(f"{shown(f.path)}: {f.error}")
    if summary.failures:
        write_error_report(summary.failures, errors)
    failures = len(summary.failures) + refused
    print(
        f"files {summary.files + refused}, documents {summary.documents} "
        f"(loaded {summary.loaded}, replaced {summary.replaced}, unchanged {summary.unchanged}), "
        f"targets {summary.targets}, tasks {summary.tasks}, citations {summary.citations}, "
        f"skipped {len(summary.skipped)}, failures {failures}, seconds {summary.seconds:.1f}"
        + (f"; error report: {errors}" if summary.failures else "")
    )
    raise typer.Exit(1 if failures else 0)


def _regular_files(paths: list[Path]) -> tuple[list[Path], int]:
    """Files that can be read; a line for each that cannot (missing, FIFO, device)."""
    files: list[Path] = []
    refused = 0
    for p in paths:
        if not p.exists():
            err(f"{shown(p)}: file not found")
        elif not p.is_file():
            err(f"{shown(p)}: not a regular file (FIFO, socket or device): skipped")
        else:
            files.append(p)
            continue
        refused += 1
    return files, refused


def _run_with_progress(files: list[Path], settings: ImportSettings) -> ImportSummary:
    from vanban.importer import run_import

    if not sys.stderr.isatty():
        done = [0]

        def plain(result: FileResult) -> None:
            done[0] += 1
            print(f"[{done[0]}/{len(files)}] {shown(result.path)}: {result.status}",
                  file=sys.stderr)

        return run_import(files, settings, on_file=plain)
    from rich.progress import Progress

    with Progress(transient=True) as progress:
        task = progress.add_task("importing", total=len(files))
        return run_import(files, settings, on_file=lambda _r: progress.advance(task))


@db_app.command("upgrade")
def db_upgrade(db: DbOption = None,
               revision: Annotated[str, typer.Option(help="target revision")] = "head") -> None:
    """Create or upgrade the schema (tables, views) to the latest version."""
    from load.db import current_revision, make_engine, upgrade

    engine = make_engine(db)
    upgrade(engine, revision)
    print(f"database at revision {current_revision(engine)}")


@db_app.command("current")
def db_current(db: DbOption = None) -> None:
    """Print the schema revision of the database."""
    from load.db import current_revision, make_engine

    print(current_revision(make_engine(db)) or "empty")
