"""`vanban compare | audit | export | show | report`: read the database, never write it."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from vanban.cli.root import DbOption, app, err


class TableFormat(StrEnum):
    TABLE = "table"
    CSV = "csv"
    JSON = "json"


class CompareFormat(StrEnum):
    TABLE = "table"
    CSV = "csv"
    JSON = "json"
    HTML = "html"


class ExportFormat(StrEnum):
    CSV = "csv"
    PARQUET = "parquet"
    JSON = "json"


class FailOn(StrEnum):
    INCONSISTENT = "inconsistent"


FormatOption = Annotated[TableFormat, typer.Option("--format", help="table, csv or json")]
RawOption = Annotated[bool, typer.Option(
    "--raw", help="CSV for machines: keep cells that start with = + - @ as written "
                  "(by default they get a leading ' so spreadsheets do not run them)")]


def _engine(db: str | None):  # type: ignore[no-untyped-def]
    from load.db import has_schema, make_engine

    engine = make_engine(db)
    if not has_schema(engine):
        err(f"{engine.url.render_as_string(hide_password=True)}: no vanban database here "
            "(run `vanban import` first)")
        raise typer.Exit(1)
    return engine


def _print_frame(frame, fmt: str, title: str = "", *, raw: bool = False  # type: ignore[no-untyped-def]
                 ) -> None:
    from vanban.exports import to_csv_text, to_json_text

    if fmt == "csv":
        print(to_csv_text(frame, raw=raw), end="")
    elif fmt == "json":
        print(to_json_text(frame))
    else:
        import pandas as pd
        from rich.console import Console
        from rich.table import Table

        from vanban.terminal import safe

        table = Table(title=title or None, show_lines=False)
        for col in frame.columns:
            table.add_column(str(col), overflow="fold")
        for row in frame.itertuples(index=False):
            table.add_row(*["" if v is None or v is pd.NA or v != v else safe(v) for v in row])
        Console(width=200).print(table)


def _check_indicator(indicator: str | None) -> None:
    from normalize.indicators import indicators

    known = [i.code for i in indicators()]
    if indicator is not None and indicator not in known:
        err(f"--indicator: unknown code {indicator!r}; known codes: {', '.join(known)}")
        raise typer.Exit(2)


@app.command()
def compare(
    indicator: Annotated[str | None, typer.Option(help="indicator code (all when omitted)")] = None,
    province: Annotated[str | None, typer.Option(help="only this province")] = None,
    year: Annotated[int | None, typer.Option(help="only targets due this year")] = None,
    fmt: Annotated[CompareFormat, typer.Option("--format", help="table, csv, json or html")
                   ] = CompareFormat.TABLE,
    out: Annotated[Path | None, typer.Option("--out", help="write here instead of stdout")
                   ] = None,
    raw: RawOption = False,
    db: DbOption = None,
) -> None:
    """Targets of one indicator (or all) across provinces, issuers and years."""
    from load.queries import compare_targets

    _check_indicator(indicator)
    engine = _engine(db)
    if fmt == "html":
        from load.queries import compared_targets
        from vanban.html_page import compare_page

        html = compare_page(compared_targets(engine, indicator=indicator, province=province,
                                             year=year))
        if out:
            out.write_text(html, encoding="utf-8")
            print(f"wrote {out}")
        else:
            print(html)
        return
    frame = compare_targets(engine, indicator=indicator, province=province, year=year)
    shown = frame.drop(columns=["value_number", "comparator", "unit", "text", "source_path"])
    _print_frame(shown if fmt == "table" else frame, fmt, title="targets", raw=raw)


@app.command()
def audit(
    fmt: FormatOption = TableFormat.TABLE,
    fail_on: Annotated[FailOn | None, typer.Option("--fail-on", help="inconsistent: exit 1 "
                                                   "when any citation is inconsistent")] = None,
    raw: RawOption = False,
    db: DbOption = None,
) -> None:
    """Audit the citations: unresolved, inconsistent, amended, most cited."""
    from load.audit import audit_citations

    report = audit_citations(_engine(db))
    cols = ["citing", "doc_type", "cited_number", "cited_date", "issuer", "role",
            "audit_status"]
    if fmt == "json":
        from vanban.exports import records

        print(json.dumps({
            "unresolved": records(report.unresolved[cols]),
            "resolved": records(report.resolved[cols]),
            "inconsistent": records(report.inconsistent),
            "amended": records(report.amended),
            "most_cited": records(report.most_cited),
        }, ensure_ascii=False, indent=2, default=str))
    elif fmt == "csv":
        _print_frame(report.citations[cols], "csv", raw=raw)
        if not report.inconsistent.empty:
            _print_frame(report.inconsistent, "csv", raw=raw)
    else:
        print(f"{len(report.resolved)} resolved, {len(report.unresolved)} unresolved, "
              f"{len(report.inconsistent)} inconsistent")
        _print_frame(report.inconsistent, "table", "inconsistent citations")
        _print_frame(report.unresolved[cols], "table", "unresolved citations")
        _print_frame(report.most_cited.head(15), "table", "most-cited bases")
    if fail_on == "inconsistent" and not report.inconsistent.empty:
        raise typer.Exit(1)


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="a folder (every view) or a file (one --view)")],
    view: Annotated[str | None, typer.Option(help="one view; all views when omitted")] = None,
    fmt: Annotated[ExportFormat, typer.Option("--format", help="csv, parquet or json")
                   ] = ExportFormat.CSV,
    raw: RawOption = False,
    db: DbOption = None,
) -> None:
    """Export the contract's views for other tools."""
    from load.queries import view_frame
    from load.views import VIEW_NAMES
    from vanban.exports import write_frame

    engine = _engine(db)
    public = [v for v in VIEW_NAMES if v != "citation_status"]
    if view and view not in public:
        raise typer.BadParameter(f"--view must be one of {', '.join(public)}")
    targets = {view: out} if view else {v: out / f"{v}.{fmt}" for v in public}
    if not view:
        out.mkdir(parents=True, exist_ok=True)
    for name, path in targets.items():
        frame = view_frame(engine, name)
        write_frame(frame, path, fmt, raw=raw)
        print(f"{name}: {len(frame)} rows → {path}")


@app.command()
def show(
    doc: Annotated[str, typer.Argument(
        help="document id, number (3667/QĐ-UBND), sha256, or any file it was imported from")],
    as_json: Annotated[bool, typer.Option("--json", help="the stored record as JSON")] = False,
    db: DbOption = None,
) -> None:
    """One document's header, targets and tasks, as a person would read them."""
    from extract.source import file_sha256
    from load.queries import document_record_json, find_document
    from schemas.record import ExtractResult
    from vanban.show import render_record

    engine = _engine(db)
    doc_id = find_document(engine, doc)
    if doc_id is None and Path(doc).is_file():
        # the file's bytes name it wherever it was when imported
        doc_id = find_document(engine, file_sha256(Path(doc)))
    if doc_id is None:
        err(f"{doc}: no such document in the database")
        raise typer.Exit(1)
    record = ExtractResult.model_validate_json(document_record_json(engine, doc_id))
    if as_json:
        print(record.model_dump_json(indent=2))
    else:
        render_record(record)


@app.command()
def report(
    out: Annotated[Path, typer.Option("--out", help="HTML file to write")] = Path(
        "vanban-report.html"),
    db: DbOption = None,
) -> None:
    """One self-contained HTML page over the database."""
    from vanban.report import build_report

    out.write_text(build_report(_engine(db)), encoding="utf-8")
    print(f"wrote {out}")
