"""Turn the libraries' exceptions into one-line `UnreadableFile(path, reason)`."""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from schemas.diagnostics import UnreadableFile, VanbanError


@contextmanager
def unreadable(path: Path, what: str = "file") -> Iterator[None]:
    """Inside this block, a library's parse error becomes UnreadableFile naming `path`.

    Keep the block to opening the file: around our own code it would report a bug of
    ours as a damaged file."""
    try:
        yield
    except VanbanError:
        raise
    except zipfile.BadZipFile as exc:
        raise UnreadableFile(path, f"damaged {what} (bad zip package)") from exc
    except (KeyError, ValueError, OSError, EOFError, zlib.error) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise UnreadableFile(path, f"damaged {what}: {reason}") from exc
