"""Turn a born-digital PDF into what a scanner makes of it: one grayscale JPEG per page,
no text layer. The OCR tests read the scan and the original and compare the records.

    python scripts/make_scanned_sample.py OUT.pdf [--source SOURCE.pdf] [--dpi 200] [--quality 50]

Default source: samples/001_1a5f14619ac43e8b.pdf. 200 dpi grayscale JPEG is what office
scanners send by e-mail (the two real scans in shared/realdocs are 200-dpi JPEG pages).
The 16-page sample comes out near 5 MB, too big to commit: the tests build it.
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "samples" / "001_1a5f14619ac43e8b.pdf"


def _jpeg(page: pdfium.PdfPage, dpi: int, quality: int) -> bytes:
    image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=quality, optimize=True)
    return buf.getvalue()


def make_scanned_pdf(source: Path, out: Path, *, dpi: int = 200, quality: int = 50) -> int:
    """Write `out`, an image-only PDF of `source`'s pages at their sizes; returns the
    page count."""
    src = pdfium.PdfDocument(source)
    scan = pdfium.PdfDocument.new()
    try:
        for i in range(len(src)):
            width, height = src[i].get_size()
            page = scan.new_page(width, height)
            image = pdfium.PdfImage.new(scan)
            image.load_jpeg(io.BytesIO(_jpeg(src[i], dpi, quality)), pages=[page])
            image.set_matrix(pdfium.PdfMatrix().scale(width, height))
            page.insert_obj(image)
            page.gen_content()
        scan.save(out)
        return len(scan)
    finally:
        scan.close()
        src.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--dpi", type=int, default=200)
    parser.add_argument("--quality", type=int, default=50)
    args = parser.parse_args()
    pages = make_scanned_pdf(args.source, args.out, dpi=args.dpi, quality=args.quality)
    print(f"{args.out}: {pages} pages, {args.out.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
