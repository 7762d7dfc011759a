"""Throughput of normalize.figures.parse_figures and of the whole body pass (sections,
targets, body tasks) on the seed plans.

    /work/venv/bin/python benchmarks/bench_figures.py
"""

from __future__ import annotations

import time
from pathlib import Path

from extract.parsers.body.sections import parse_sections
from extract.parsers.body.targets import parse_targets
from extract.parsers.body.tasks import parse_body_tasks
from extract.readers.text import read_text
from extract.source import make_source
from normalize.figures import parse_figures
from normalize.text import fold_key
from schemas.diagnostics import Report
from schemas.document import Document, Paragraph

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _paragraphs() -> list[str]:
    texts = []
    for path in sorted(SAMPLES.glob("00*_*.txt")):
        doc = read_text(path, source=make_source(path, "md"))
        texts += [b.text for b in doc.body() if isinstance(b, Paragraph)]
    return texts


def _plan_start(doc: Document) -> int:
    title = fold_key("kế hoạch")
    body = list(doc.body())
    return next(
        (i for i, b in enumerate(body) if isinstance(b, Paragraph) and fold_key(b.text) == title),
        0,
    )


def bench_parse_figures(rounds: int = 20) -> None:
    texts = _paragraphs()
    chars = sum(map(len, texts))
    start = time.perf_counter()
    found = 0
    for _ in range(rounds):
        found = sum(len(parse_figures(t)) for t in texts)
    elapsed = time.perf_counter() - start
    n = len(texts) * rounds
    print(
        f"parse_figures: {n} paragraphs ({chars * rounds / 1e6:.1f} M chars) in {elapsed:.2f} s"
        f" = {n / elapsed:,.0f} paragraphs/s; {found} figures per pass"
    )


def bench_body_pass(rounds: int = 5) -> None:
    docs = [read_text(p, source=make_source(p, "md")) for p in sorted(SAMPLES.glob("00*_*.txt"))]
    start = time.perf_counter()
    for _ in range(rounds):
        for doc in docs:
            report = Report()
            tree = parse_sections(doc, start=_plan_start(doc), report=report)
            parse_targets(doc, tree, plan=None, report=report)
            parse_body_tasks(doc, tree, plan=None, province=None, report=report)
    elapsed = time.perf_counter() - start
    print(
        f"sections+targets+body tasks: {len(docs) * rounds} documents in {elapsed:.2f} s"
        f" = {elapsed / (len(docs) * rounds) * 1000:.0f} ms/document"
    )


if __name__ == "__main__":
    bench_parse_figures()
    bench_body_pass()
