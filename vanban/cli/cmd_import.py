"""`vanban import` and `vanban db …`: thin wrappers over vanban.importer and load.db."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from vanban.cli.root import DbOption, app, db_app, err


@app.command("import")
def import_(
    paths: Annotated[list[Path], typer.Argument(help="files and folders (recursively, by type)")],
    db: DbOption = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="extraction processes")] = 1,
    executor: Annotated[str, typer.Option("--executor", help="local or dask")] = "local",
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address")
                         ] = None,
    ocr: Annotated[str, typer.Option("--ocr", help="auto, force or off")] = "auto",
    errors: Annotated[Path, typer.Option("--errors", help="error report (CSV), written when a "
                                         "file fails")] = Path("vanban-import-errors.csv"),
) -> None:
    """Extract and load documents; each in its own transaction, a bad file never stops the batch."""
    from load.errors import DatabaseUnavailable
    from vanban.importer import run_import, write_error_report
    from vanban.pipeline import expand_paths

    if executor not in ("local", "dask"):
        raise typer.BadParameter("--executor must be local or dask")
    if executor == "dask" and not scheduler:
        raise typer.BadParameter("--executor dask needs --scheduler ADDRESS")
    files = expand_paths(paths)
    missing = [p for p in paths if not p.exists()]
    for p in missing:
        err(f"{p}: file not found")
    files = [f for f in files if f.exists()]
    try:
        summary = _run_with_progress(run_import, files, db=db, workers=workers,
                                     executor=executor, scheduler=scheduler, ocr=ocr)
    except DatabaseUnavailable as exc:
        err(f"database unavailable: {exc}")
        raise typer.Exit(1) from None
    for f in summary.failures:
        err(f"{f.path}: {f.reason}")
    if summary.failures:
        write_error_report(summary.failures, errors)
    print(
        f"files {summary.files + len(missing)}, documents {summary.documents} "
        f"(loaded {summary.loaded}, replaced {summary.replaced}, unchanged {summary.unchanged}), "
        f"targets {summary.targets}, tasks {summary.tasks}, citations {summary.citations}, "
        f"failures {len(summary.failures) + len(missing)}, seconds {summary.seconds:.1f}"
        + (f"; error report: {errors}" if summary.failures else "")
    )
    raise typer.Exit(1 if summary.failures or missing else 0)


def _run_with_progress(run_import, files, **kw):  # type: ignore[no-untyped-def]
    if not sys.stderr.isatty():
        done = [0]

        def plain(outcome):  # type: ignore[no-untyped-def]
            done[0] += 1
            print(f"[{done[0]}/{len(files)}] {outcome.path}: {outcome.status}", file=sys.stderr)

        return run_import(files, url=kw.pop("db"), on_file=plain, **kw)
    from rich.progress import Progress

    with Progress(transient=True) as progress:
        task = progress.add_task("importing", total=len(files))
        return run_import(files, url=kw.pop("db"),
                          on_file=lambda _o: progress.advance(task), **kw)


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
