"""`vanban extract`: the contract record, or the document model, of each file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from extract.options import OcrMode
from vanban.cli.root import OcrOption, app, err, shown


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="PDF, DOCX, DOC, HTML, Markdown or text")],
    as_json: Annotated[bool, typer.Option("--json", help="one JSON object (the contract)")] = False,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="one JSON object per line")] = False,
    blocks: Annotated[bool, typer.Option("--blocks", help="print the document model")] = False,
    ocr: OcrOption = OcrMode.AUTO,
    debug: Annotated[bool, typer.Option("--debug", help="raise errors with tracebacks")] = False,
) -> None:
    """Extract the contract record (or the document model) from each FILE."""
    if blocks:
        raise typer.Exit(_print_blocks(files, ocr=ocr, debug=debug))
    from vanban.pipeline import extract_records
    from vanban.settings import ExtractSettings

    failed = 0
    for result in extract_records(files, ExtractSettings(ocr=ocr), debug=debug):
        if result.record is None:
            failed += 1
            err(f"{shown(result.path)}: {result.error}")
            continue
        data = result.record.model_dump(mode="json")
        if jsonl or (len(files) > 1 and not as_json):
            print(json.dumps(data, ensure_ascii=False))
        else:
            print(json.dumps(data, ensure_ascii=False, indent=2))
    raise typer.Exit(1 if failed else 0)


def _print_blocks(files: list[Path], *, ocr: OcrMode, debug: bool) -> int:
    from extract import read_document
    from schemas.diagnostics import VanbanError
    from vanban.render import render_blocks

    failed = 0
    for path in files:
        try:
            print(render_blocks(read_document(path, ocr=ocr)))
        except VanbanError as exc:
            if debug:
                raise
            failed += 1
            err(f"{shown(path)}: {exc.reason}")
    return 1 if failed else 0
