"""The `vanban` app and what its commands share: the options, the error line, logging.

The command modules register on `app`; this module imports none of them.

Bad input never prints a traceback: one line `vanban: PATH: REASON` on stderr,
exit code 1, and the other files of the call still come out.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

app = typer.Typer(
    name="vanban",
    help="Vietnamese administrative-reform plans (PDF, DOCX, HTML, text) into data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

OcrOption = Annotated[
    str, typer.Option("--ocr", help="auto: OCR pages with no text layer; force; off")
]


@app.callback()
def _root() -> None:
    """Vietnamese administrative-reform plans (PDF, DOCX, HTML, text) into data."""


def err(message: str) -> None:
    print(f"vanban: {message}", file=sys.stderr)


db_app = typer.Typer(help="Database schema commands.", no_args_is_help=True)
app.add_typer(db_app, name="db")

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="SQLAlchemy URL (default: $VANBAN_DB, else sqlite:///vanban.db)"),
]


def configure_logging() -> None:
    """Internal errors are isolated per file; their tracebacks go to a log file, not the
    terminal (set VANBAN_LOG to choose it)."""
    import logging
    import os
    import tempfile

    path = os.environ.get("VANBAN_LOG") or os.path.join(tempfile.gettempdir(), "vanban.log")
    try:
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)
