"""One result per input file, whatever the command (docling's `ConversionResult`).

`extract` makes it with a record or an error; `import` carries it on to the database and
sets the load status. Everything a caller reports about a file is read from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from schemas.diagnostics import WarningItem
from schemas.record import ExtractResult


class FileStatus(StrEnum):
    """What became of one file."""

    EXTRACTED = "extracted"  # a record was made (not loaded yet)
    LOADED = "loaded"  # new in the database
    REPLACED = "replaced"  # replaced another version of the same document
    UNCHANGED = "unchanged"  # the same bytes were already loaded
    SKIPPED = "skipped"  # not an administrative document, or not a regular file
    FAILED = "failed"  # unreadable, over a limit, crashed, or rejected by the database


@dataclass(frozen=True)
class FileResult:
    """A file's status, its record when one was made, and the one-line reason otherwise."""

    path: str
    status: FileStatus
    record: ExtractResult | None = None
    error: str | None = None

    @property
    def warnings(self) -> tuple[WarningItem, ...]:
        return tuple(self.record.warnings) if self.record is not None else ()

    @classmethod
    def failed(cls, path: str, error: str) -> FileResult:
        return cls(str(path), FileStatus.FAILED, error=error)

    @classmethod
    def skipped(cls, path: str, reason: str) -> FileResult:
        return cls(str(path), FileStatus.SKIPPED, error=reason)
