"""The `vanban` app and what its commands share: the options, the error line, logging.

The command modules register on `app`; this module imports none of them.

No command prints a traceback: a failure is one line `vanban: …` on stderr, exit code 2
for a usage error (a bad option or database URL) and 1 for anything that failed at run
time. The mapping from exceptions to that line lives here, in `_OneLineErrors`, so the
command modules raise and do not catch.
"""

from __future__ import annotations

import sys
import unicodedata
from typing import Annotated, Any

import click
import typer
from typer.core import TyperArgument, TyperGroup, TyperOption
from typer.exceptions import TyperException

from extract.options import OcrMode


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


USAGE, FAILURE = 2, 1
# typer vendors click and exports only some of its exceptions: find the usage error's class
_USAGE_ERROR = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")


def _is_control(ch: str) -> bool:
    return unicodedata.category(ch).startswith("C")


def shown(name: object) -> str:
    """A file name as printed: quoted when it holds a newline or another control
    character, so a crafted name cannot forge a second `vanban:` line."""
    text = str(name)
    return repr(text) if any(map(_is_control, text)) else text


def err(message: str) -> None:
    one_line = "".join(repr(ch)[1:-1] if _is_control(ch) else ch for ch in message)
    print(f"vanban: {one_line}", file=sys.stderr)


def _explain(exc: BaseException) -> tuple[str, int] | None:
    """The one line and exit code for an exception a command let through; None for a
    bug of ours."""
    from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

    from load.errors import BadDatabaseUrl, DatabaseUnavailable, LoadError, first_line
    from schemas.diagnostics import VanbanError

    if isinstance(exc, BadDatabaseUrl | ArgumentError):
        return f"--db: {exc}", USAGE
    if isinstance(exc, VanbanError):
        return f"{shown(exc.path)}: {exc.reason}", FAILURE
    if isinstance(exc, DatabaseUnavailable):
        return f"database unavailable: {exc}", FAILURE
    if isinstance(exc, LoadError):
        return f"database: {exc}", FAILURE
    if isinstance(exc, OperationalError):
        return f"database unavailable: {first_line(exc)}", FAILURE
    if isinstance(exc, SQLAlchemyError):
        return f"database error: {first_line(exc)}", FAILURE
    if isinstance(exc, OSError):
        where = f"{shown(exc.filename)}: " if exc.filename else ""
        return f"{where}{exc.strerror or exc}", FAILURE
    if isinstance(exc, MemoryError):
        return "out of memory", FAILURE
    return None


def _internal(exc: BaseException) -> tuple[str, int]:
    import logging

    logging.getLogger("vanban.cli").error("internal error", exc_info=exc)
    return f"internal error: {type(exc).__name__}: {exc} (traceback in the log)", FAILURE


class _OneLineErrors(PlainHelpGroup):
    """Plain help, and every error a command lets through as one line with its exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except _USAGE_ERROR as exc:  # a command's options are parsed here: one line, not a box
            err(exc.format_message())  # type: ignore[attr-defined]
            raise typer.Exit(USAGE) from None
        except (typer.Exit, typer.Abort, TyperException):
            raise
        except KeyboardInterrupt:
            err("interrupted")
            raise typer.Exit(130) from None
        except BrokenPipeError:  # `vanban extract … | head`: the reader left, nothing to say
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(FAILURE) from None
        except Exception as exc:
            message, code = _explain(exc) or _internal(exc)
            err(message)
            raise typer.Exit(code) from None


app = typer.Typer(
    name="vanban",
    help="Vietnamese administrative-reform plans (PDF, DOCX, HTML, text) into data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=_OneLineErrors,
)

OcrOption = Annotated[
    OcrMode,
    typer.Option("--ocr", help="auto: OCR pages with no text layer; force: every page; off"),
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


db_app = typer.Typer(help="Database schema commands.", no_args_is_help=True,
                     cls=_OneLineErrors)
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
