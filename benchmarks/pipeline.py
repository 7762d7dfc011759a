"""Time each stage (read, parse, normalize, load) on the samples or a synthetic corpus.

    python benchmarks/pipeline.py                 # the samples
    python benchmarks/pipeline.py --copies 100    # 100 documents built from the samples

Prints, per stage, seconds and share of the total; pages per second per core; documents
per second; peak memory; and, for PDF files, the reading stage against `pdftotext`.
Normalization runs inside the parsers: its time is measured by wrapping every public
normalizer the parsers call, and shown as part of "parse".
"""

from __future__ import annotations

import argparse
import functools
import importlib
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpus import SAMPLES, build_corpus  # noqa: E402

NORMALIZERS = {
    "normalize.dates": ["parse_date", "find_dates"],
    "normalize.deadlines": ["parse_deadline"],
    "normalize.figures": ["parse_figures"],
    "normalize.agencies": ["canonical_agency", "split_agencies", "parse_agency_cell"],
    "normalize.citations": ["find_citations"],
    "normalize.areas": ["area_of"],
    "normalize.indicators": ["indicator_of"],
    "normalize.provinces": ["find_province", "canonical_province"],
}
EXTRACT_MODULES = [
    "extract.parsers.header.parse", "extract.parsers.body.sections", "extract.parsers.body.targets",
    "extract.parsers.body.tasks", "extract.parsers.appendix.tables", "extract.parsers.citations",
    "extract.agencies", "extract.parsers.header.lines", "extract.parsers.header.signature",
    "extract.parsers.appendix.columns",
]

normalize_seconds = [0.0]
_depth = [0]


def _timed(fn):  # type: ignore[no-untyped-def]
    @functools.wraps(fn)
    def wrapper(*a, **k):  # type: ignore[no-untyped-def]
        if _depth[0]:
            return fn(*a, **k)  # a normalizer calling another counts once
        _depth[0] += 1
        t0 = time.perf_counter()
        try:
            return fn(*a, **k)
        finally:
            normalize_seconds[0] += time.perf_counter() - t0
            _depth[0] -= 1
    return wrapper


def instrument_normalizers() -> None:
    """Replace the normalizers, where the parsers imported them, by timed wrappers."""
    for mod_name, names in NORMALIZERS.items():
        try:
            mod = importlib.import_module(mod_name)
        except ImportError:
            continue
        for name in names:
            if not hasattr(mod, name):
                continue
            wrapped = _timed(getattr(mod, name))
            setattr(mod, name, wrapped)
            for ext_name in EXTRACT_MODULES:
                ext = sys.modules.get(ext_name)
                if ext is not None and hasattr(ext, name):
                    setattr(ext, name, wrapped)


def pdftotext_seconds(paths: list[Path]) -> float | None:
    if not shutil.which("pdftotext"):
        return None
    t0 = time.perf_counter()
    for p in paths:
        subprocess.run(["pdftotext", str(p), "-"], capture_output=True, check=False)
    return time.perf_counter() - t0


def run(paths: list[Path]) -> None:
    from extract import read_document
    from extract.record import document_to_record
    from load.db import make_engine, upgrade
    from load.loader import load_record
    from schemas.diagnostics import Report

    instrument_normalizers()
    stages: dict[str, float] = defaultdict(float)
    pdf_read = 0.0
    pages = 0
    tmp = Path(tempfile.mkdtemp())
    engine = make_engine(f"sqlite:///{tmp / 'bench.db'}")
    upgrade(engine)
    for path in paths:
        t0 = time.perf_counter()
        doc = read_document(path)
        t1 = time.perf_counter()
        report = Report()
        report.extend(doc.warnings)
        record = document_to_record(doc, report=report)
        record_json = record.model_dump_json()  # done in the worker by `vanban import`
        t2 = time.perf_counter()
        with engine.begin() as conn:
            load_record(conn, record, record_json=record_json)
        t3 = time.perf_counter()
        stages["read"] += t1 - t0
        stages["parse"] += t2 - t1
        stages["load"] += t3 - t2
        pages += doc.source.pages or max(1, len(doc.blocks) // 40)
        if doc.source.format == "pdf":
            pdf_read += t1 - t0
    total = sum(stages.values())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents {len(paths)}, pages {pages} (text files: 40 blocks = 1 page)")
    for name in ("read", "parse", "load"):
        print(f"  {name:<6} {stages[name]:8.2f} s  {100 * stages[name] / total:5.1f}%")
    norm = normalize_seconds[0]
    print(f"    of which normalize {norm:8.2f} s  {100 * norm / total:5.1f}% of the total")
    print(f"total {total:.2f} s: {len(paths) / total:.1f} documents/s, "
          f"{pages / total:.1f} pages/s on one core; peak RSS {peak_mb:.0f} MB")
    pdfs = [p for p in paths if p.suffix.lower() == ".pdf"]
    floor = pdftotext_seconds(pdfs) if pdfs else None
    if floor:
        print(f"PDF reading {pdf_read:.2f} s vs pdftotext {floor:.2f} s: {pdf_read / floor:.1f}×")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=0, help="synthetic corpus size")
    args = parser.parse_args()
    if args.copies:
        paths = build_corpus(Path(tempfile.mkdtemp()) / "corpus", args.copies)
    else:
        paths = sorted(p for p in SAMPLES.iterdir() if p.is_file())
    run(paths)


if __name__ == "__main__":
    main()
