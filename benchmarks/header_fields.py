"""Header-field accuracy on real documents: how many fields a reader can see come out
right (issue 14).

    python benchmarks/header_fields.py                 # realdocs + seed 001 scanned
    python benchmarks/header_fields.py --group scan    # the scans only
    python benchmarks/header_fields.py --lang vie+Vietnamese --preprocess binarize --dpi 400

Golden values are in benchmarks/header_truth.yaml (read off the documents by hand).
Prints each file's misses, then per group (born-digital, signed, scan) fields right /
fields scored, and the OCR seconds per scanned page. --lang, --preprocess and --dpi
set the OCR for this run only (the measurements behind the defaults in
extract/readers/ocr.py; the README has the table).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium  # noqa: E402

from extract.readers import ocr  # noqa: E402
from normalize.datafiles import load_yaml  # noqa: E402
from normalize.text import fold_key  # noqa: E402
from schemas.diagnostics import VanbanError, WarningCode  # noqa: E402
from scripts.make_scanned_sample import make_scanned_pdf  # noqa: E402
from vanban import extract_record  # noqa: E402

REALDOCS = ROOT.parent / "shared" / "realdocs"
TRUTH = Path(__file__).with_name("header_truth.yaml")
SEED = ROOT / "samples" / "001_1a5f14619ac43e8b.pdf"
SEED_SCAN = "001_1a5f14619ac43e8b_scan.pdf"
SEED_PAGES = 2  # the header is on page 1: two pages keep the run short
FIELDS = ("doc_type", "number", "symbol", "issuer", "place", "province", "issued_date", "title")
_TITLE_HEAD = re.compile(r"^(?:v/v|về việc)\s+", re.I)


def _norm(field: str, value: Any) -> str | None:
    if value is None:
        return None
    text = str(value)
    if field == "title":
        text = _TITLE_HEAD.sub("", text)
    return fold_key(text)


def field_right(field: str, expected: Any, got: Any) -> bool:
    options = expected if isinstance(expected, list) else [expected]
    return _norm(field, got) in {_norm(field, o) for o in options}


def _seed_scan(folder: Path) -> Path:
    short = folder / "seed_first_pages.pdf"
    src, out = pdfium.PdfDocument(SEED), pdfium.PdfDocument.new()
    out.import_pages(src, list(range(SEED_PAGES)))
    out.save(short)
    scan = folder / SEED_SCAN
    make_scanned_pdf(short, scan)
    return scan


def score(path: Path, truth: dict[str, Any]) -> tuple[int, int, list[str], float, int]:
    """(right, scored, misses, seconds, OCR pages) for one file."""
    started = time.perf_counter()
    try:
        record = extract_record(path)
    except VanbanError as exc:
        return 0, sum(1 for f in FIELDS if f in truth), [f"error: {exc}"], 0.0, 0
    seconds = time.perf_counter() - started
    doc = record.document
    right, scored, misses = 0, 0, []
    for field in FIELDS:
        if field not in truth:
            continue
        scored += 1
        got = getattr(doc, field)
        got = str(got) if field == "doc_type" and got is not None else got
        if field_right(field, truth[field], got):
            right += 1
        else:
            misses.append(f"{field}={got!r}")
    ocr_pages = sum(1 for w in record.warnings if w.code == WarningCode.OCR_USED)
    return right, scored, misses, seconds, ocr_pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--group", choices=["born-digital", "signed", "scan"])
    parser.add_argument("--lang", help=f"Tesseract languages (default {ocr.LANG})")
    parser.add_argument("--preprocess", default=None, help="comma list: deskew,binarize")
    parser.add_argument("--dpi", type=int, help=f"OCR render resolution (default {ocr.DPI})")
    args = parser.parse_args()
    if args.lang:
        ocr.LANG = args.lang
    if args.preprocess is not None:
        ocr.PREPROCESS = tuple(s for s in args.preprocess.split(",") if s)
    if args.dpi:
        ocr.DPI = args.dpi
    truths: dict[str, Any] = load_yaml(TRUTH)
    totals: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0.0, 0])
    with tempfile.TemporaryDirectory() as tmp:
        for name, truth in truths.items():
            group = truth["group"]
            if args.group and group != args.group:
                continue
            path = _seed_scan(Path(tmp)) if name == SEED_SCAN else REALDOCS / name
            if not path.exists():
                continue
            right, scored, misses, seconds, pages = score(path, truth)
            for key, add in zip(range(4), (right, scored, seconds, pages), strict=True):
                totals[group][key] += add
            print(f"{name[:60]:60s} {right:2d}/{scored:<2d} {' '.join(misses)}", flush=True)
    print(f"\nOCR: lang={ocr.LANG} preprocess={','.join(ocr.PREPROCESS) or '-'} dpi={ocr.DPI}")
    for group, (right, scored, seconds, pages) in sorted(totals.items()):
        per_page = f"  {seconds / pages:.2f} s/OCR page" if pages else ""
        print(f"{group:13s} {int(right):3d}/{int(scored):<3d} fields right "
              f"({right / max(scored, 1):.0%}){per_page}")


if __name__ == "__main__":
    main()
