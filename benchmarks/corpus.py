"""A synthetic corpus built from the samples: N files, each with distinct bytes.

Distinct bytes make every copy a new import (not "unchanged"); copies of a document
with a header are versions of one document (replacements), copies of the header-less
seed are new documents, as in a real national batch.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from itertools import cycle
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def distinct_copy(src: Path, dst: Path, i: int) -> None:
    data = src.read_bytes()
    suffix = src.suffix.lower()
    if suffix == ".pdf":
        dst.write_bytes(data + f"\n% copy {i}\n".encode())  # after %%EOF: still a valid PDF
    elif suffix == ".docx":
        buf = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(buf, "w") as zout:
            for item in zin.infolist():
                zout.writestr(item, zin.read(item.filename))
            zout.comment = f"copy {i}".encode()
        dst.write_bytes(buf.getvalue())
    elif suffix in (".txt", ".md", ".html"):
        dst.write_bytes(data + f"\n\nBản sao {i}.\n".encode())
    else:
        shutil.copyfile(src, dst)


def build_corpus(out: Path, n: int, *, samples: Path = SAMPLES) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    sources = sorted(p for p in samples.iterdir()
                     if p.suffix.lower() in {".txt", ".pdf", ".docx", ".md", ".html"})
    paths = []
    for i, src in zip(range(n), cycle(sources), strict=False):
        dst = out / f"{i:05d}_{src.name}"
        distinct_copy(src, dst, i)
        paths.append(dst)
    return paths
