"""Build a long PDF for the reader benchmark by repeating the pages of a shorter one.

python scripts/make_big_pdf.py SOURCE.pdf OUT.pdf [--pages 300]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pypdfium2 as pdfium


def make_big_pdf(source: Path, out: Path, pages: int) -> int:
    """Write `out` with `pages` pages copied cyclically from `source`; returns the count."""
    src = pdfium.PdfDocument(source)
    big = pdfium.PdfDocument.new()
    n = len(src)
    while len(big) < pages:
        take = min(n, pages - len(big))
        big.import_pages(src, list(range(take)))
    big.save(out)
    count = len(big)
    big.close()
    src.close()
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=300)
    args = parser.parse_args()
    print(f"{args.out}: {make_big_pdf(args.source, args.out, args.pages)} pages")


if __name__ == "__main__":
    main()
