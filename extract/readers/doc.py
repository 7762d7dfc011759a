"""Old Word 97-2003 .doc (OLE compound file): converted to .docx by LibreOffice, then
read by the .docx reader.

No Python library reads .doc tables and list numbers reliably; LibreOffice does, and
its DOCX export writes list numbering as numbering.xml, which docx_numbering replays.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from extract.readers.docx import read_docx
from schemas.diagnostics import MissingTool, UnreadableFile
from schemas.document import Document, Source

CONVERT_TIMEOUT_S = 180
_INSTALL_HINT = (
    "old Word format (.doc): install LibreOffice "
    "(apt-get install libreoffice-writer-nogui) to read it"
)


def find_soffice() -> str | None:
    """The LibreOffice binary on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_doc(path: Path, *, source: Source) -> Document:
    """Read a .doc file through a temporary .docx; `source` (the .doc) is kept.

    Raises:
        MissingTool: LibreOffice is not installed.
        UnreadableFile: LibreOffice failed, timed out, or produced nothing.
    """
    soffice = find_soffice()
    if soffice is None:
        raise MissingTool(path, _INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="vanban-doc-") as tmp:
        converted = convert_with_soffice(soffice, path, Path(tmp), "docx")
        return read_docx(converted, source=source)


def convert_with_soffice(soffice: str, path: Path, workdir: Path, target: str) -> Path:
    """Convert `path` into `workdir` with a headless LibreOffice; returns the new file.

    A private profile directory per call lets several conversions run at once (a shared
    profile makes the second soffice hand its job to the first and exit, or fail).
    """
    profile = workdir / "profile"
    outdir = workdir / "out"
    command = [
        soffice,
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        target,
        "--outdir",
        str(outdir),
        str(path),
    ]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=CONVERT_TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise UnreadableFile(
            path, f"LibreOffice did not convert the file within {CONVERT_TIMEOUT_S} s"
        ) from exc
    except OSError as exc:
        raise MissingTool(path, _INSTALL_HINT) from exc
    produced = outdir / f"{path.stem}.{target.split(':')[0]}"
    if done.returncode != 0 or not produced.exists():
        detail = (done.stderr or done.stdout).strip().splitlines()
        reason = detail[-1] if detail else f"exit code {done.returncode}"
        raise UnreadableFile(path, f"LibreOffice could not convert this .doc file ({reason})")
    return produced


__all__ = ["CONVERT_TIMEOUT_S", "convert_with_soffice", "find_soffice", "read_doc"]
