"""OCR speed: seconds per scanned page through the PDF reader (issue 9).

    python benchmarks/ocr.py [PDF ...]   # default: the real scans and seed 001 scanned
    python benchmarks/ocr.py --preprocess deskew,binarize   # one setting only

For each file and each preprocessing setting (none, as vanban runs, then binarize
and deskew+binarize, issue 14), prints pages, wall seconds, wall s/page, Tesseract CPU s/page (all
Tesseract runs added up: above wall s/page means the pages ran in parallel) and the
share of pages whose mean word confidence was low. Seed 001's scan is built in a
temporary folder by scripts/make_scanned_sample.py (200 dpi grayscale JPEG).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.readers import ocr  # noqa: E402
from extract.readers.ocr import tesseract_problem  # noqa: E402
from extract.readers.pdf import read_pdf  # noqa: E402
from extract.source import make_source  # noqa: E402
from schemas.diagnostics import WarningCode  # noqa: E402
from scripts.make_scanned_sample import make_scanned_pdf  # noqa: E402

REALDOCS = ROOT.parent / "shared" / "realdocs"
SCANS = [
    REALDOCS / "ld_CV3980-C04-P6_BCA_28-08-2025_scan_stamp_notext.pdf",
    REALDOCS / "ld_QD1716-UBND_16-10-2025_HD_tham_dinh_CCHC_scan_badOCR.pdf",
    REALDOCS / "bt_BB-HDQLQ_Quy_Khuyen_hoc_scan_notext.pdf",
]
SETTINGS = [(), ("binarize",), ("deskew", "binarize")]
SAMPLE = ROOT / "samples" / "001_1a5f14619ac43e8b.pdf"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(path: Path, steps: tuple[str, ...]) -> str:
    ocr.PREPROCESS = steps
    cpu0, start = _children_cpu(), time.perf_counter()
    doc = read_pdf(path, source=make_source(path, "pdf"), ocr="auto")
    wall, cpu = time.perf_counter() - start, _children_cpu() - cpu0
    pages = len(doc.pages)
    ocred = sum(1 for w in doc.warnings if w.code == WarningCode.OCR_USED)
    low = sum(1 for w in doc.warnings if w.code == WarningCode.OCR_LOW_CONFIDENCE)
    return (
        f"{path.name[:46]:46s} {','.join(steps) or 'none':16s} {pages:3d} p  "
        f"OCR {ocred:3d} p  {wall:6.1f} s  "
        f"{wall / max(pages, 1):5.2f} s/page  Tesseract CPU {cpu / max(ocred, 1):5.2f} s/page  "
        f"low-confidence {low} p"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", type=Path, nargs="*")
    parser.add_argument("--preprocess", help="comma list of steps (deskew, binarize)")
    args = parser.parse_args()
    settings = (
        [tuple(s for s in args.preprocess.split(",") if s)] if args.preprocess is not None
        else SETTINGS
    )
    if problem := tesseract_problem():
        sys.exit(f"benchmarks/ocr.py: {problem}")
    with tempfile.TemporaryDirectory() as tmp:
        paths = args.pdfs
        if not paths:
            scan = Path(tmp) / "001_1a5f14619ac43e8b_scan.pdf"
            make_scanned_pdf(SAMPLE, scan)
            paths = [p for p in SCANS if p.exists()] + [scan]
        for path in paths:
            for steps in settings:
                print(measure(path, steps), flush=True)


if __name__ == "__main__":
    main()
