"""PDF reader speed and memory on a long file (issue 10).

    python benchmarks/pdf_reader.py [PDF]   # default: a 300-page PDF built from a sample

Prints pages/s, ms/page and peak RSS of `read_pdf`, and the time `pdftotext`
(poppler) takes on the same file: the floor for reading a text layer at all.
The reader runs in a child process so that its peak RSS is its own.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [  # the first that exists is repeated to 300 pages
    ROOT / "samples" / "002_9b0bb8ab07a8216a.pdf",
    ROOT.parent / "shared" / "realdocs" / "ld_BC_tham_dinh_Chi_so_CCHC_2025_43p_tables.pdf",
]

CHILD = """
import json, resource, sys, time
from pathlib import Path
from extract.readers.pdf import read_pdf
from extract.source import make_source
path = Path(sys.argv[1])
start = time.perf_counter()
doc = read_pdf(path, source=make_source(path, "pdf"), fast=sys.argv[2] == "fast")
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "pages": len(doc.pages), "blocks": len(doc.blocks),
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def build_default(pages: int, workdir: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    from scripts.make_big_pdf import make_big_pdf

    source = next(p for p in SOURCES if p.exists())
    out = workdir / f"big_{pages}p.pdf"
    make_big_pdf(source, out, pages)
    print(f"built {out.name}: {pages} pages from {source.name}")
    return out


def time_reader(pdf: Path, path: str) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(pdf), path],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def time_pdftotext(pdf: Path) -> float | None:
    if shutil.which("pdftotext") is None:
        return None
    start = time.perf_counter()
    subprocess.run(
        ["pdftotext", "-layout", str(pdf), "/dev/null"], capture_output=True, check=False
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description="PDF reader benchmark")
    parser.add_argument("pdf", nargs="?", type=Path)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument(
        "--plumber", action="store_true", help="also time the pdfplumber-only path (fast=False)"
    )
    args = parser.parse_args()
    args.paths = ["fast", "plumber"] if args.plumber else ["fast"]
    with tempfile.TemporaryDirectory() as tmp:
        pdf = args.pdf or build_default(args.pages, Path(tmp))
        runs = {path: time_reader(pdf, path) for path in args.paths}
        floor = time_pdftotext(pdf)
    for path, r in runs.items():
        pages = r["pages"]
        print(
            f"read_pdf ({path}): {pages:.0f} pages in {r['seconds']:.1f} s = "
            f"{pages / r['seconds']:.1f} pages/s, {1000 * r['seconds'] / pages:.0f} ms/page, "
            f"peak RSS {r['peak_rss_mb']:.0f} MB, {r['blocks']:.0f} blocks"
        )
    if floor is not None:
        print(f"pdftotext: {floor:.2f} s = {1000 * floor / pages:.1f} ms/page (floor)")


if __name__ == "__main__":
    main()
