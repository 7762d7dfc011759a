"""The `vanban` command: a thin layer over the library.

Bad input never prints a traceback: one line `vanban: PATH: REASON` on stderr,
exit code 1, and the other files of the call still come out; a usage error is one line
and exit code 2 (root._OneLineErrors maps exceptions to lines for every command).

`root` owns the app; each `cmd_*` module registers its commands on it when imported here.
"""

from __future__ import annotations

from vanban.cli import cmd_data, cmd_extract, cmd_import  # noqa: F401  (register the commands)
from vanban.cli.root import app, configure_logging

__all__ = ["app", "main"]


def main() -> None:
    configure_logging()
    app()
