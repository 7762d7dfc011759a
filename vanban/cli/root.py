"""The `vanban` app and what its commands share: the options, the error line, logging.

The command modules register on `app`; this module imports none of them.

Bad input never prints a traceback: one line `vanban: PATH: REASON` on stderr,
exit code 1, and the other files of the call still come out.
"""

from __future__ import annotations

import sys
from typing import Annotated

import click
import typer
from typer.core import TyperArgument, TyperGroup, TyperOption


class _PlainArgument(TyperArgument):
    """Shown as FILES... in help, without typer's `{files}...` and `<list[Path]>`."""

    @property
    def display_name_raw(self) -> str:
        return (self.name or "arg").upper()

    def _shown(self) -> str:
        return self.display_name_raw + ("..." if self.nargs != 1 else "")

    def _rich_display_name(self) -> str:
        return self._shown()

    def _usage_display_name(self) -> str:
        return self._shown() if self.required else f"[{self._shown()}]"

    def display_type_rich(self, ctx: click.Context) -> str | None:
        return None


class _PlainOption(TyperOption):
    """A flag shows no value; an option shows its name (`--db DB`), not `<str>`."""

    def display_type_rich(self, ctx: click.Context) -> str | None:
        return None if self.is_flag else (self.name or "value").upper()


def _plain_help(params: list[click.Parameter]) -> list[click.Parameter]:
    for param in params:
        if type(param) is TyperArgument:
            param.__class__ = _PlainArgument
        elif type(param) is TyperOption:
            param.__class__ = _PlainOption
    return params


class PlainHelpGroup(TyperGroup):
    """Help without type markers, for the group and every command it holds."""

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        return _plain_help(super().get_params(ctx))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is not None and not isinstance(command, PlainHelpGroup):
            # the --help option is made afresh on each call, so wrap the call itself
            get_params = type(command).get_params
            command.get_params = lambda c, _cmd=command: _plain_help(  # type: ignore[method-assign]
                get_params(_cmd, c))
        return command


app = typer.Typer(
    name="vanban",
    cls=PlainHelpGroup,
    help="Vietnamese administrative-reform plans (PDF, DOCX, HTML, text) into data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

OcrOption = Annotated[
    str, typer.Option("--ocr", help="auto: OCR pages with no text layer; force; off")
]


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        print(f"vanban {version('vanban')}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", help="print the version and exit",
                                          is_eager=True, callback=_print_version)] = False,
) -> None:
    """Vietnamese administrative-reform plans (PDF, DOCX, HTML, text) into data."""


def err(message: str) -> None:
    print(f"vanban: {message}", file=sys.stderr)


db_app = typer.Typer(help="Database schema commands.", no_args_is_help=True,
                     cls=PlainHelpGroup)
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
