"""Throughput of canonical_agency, split_agencies and parse_agency_cell on the seeds' cells.

Run: /work/venv/bin/python benchmarks/bench_agencies.py
The phrases are every lead/support cell of seeds 001 and 002 (tests/cases/agencies.yaml,
`seed_cells`), repeated 100 times; canonical_agency runs over the mentions split_agencies
finds in them. The registry is compiled before the clock starts (first-use cost printed).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
REPEAT = 100


def _cells() -> list[tuple[str, str]]:
    cases = yaml.safe_load((ROOT / "tests" / "cases" / "agencies.yaml").read_text("utf-8"))
    return [(c["cell"], c["province"]) for c in cases["seed_cells"]]


def _rate(items: list, call: Callable[[object], object]) -> tuple[float, int]:
    started = time.perf_counter()
    for _ in range(REPEAT):
        for item in items:
            call(item)
    elapsed = time.perf_counter() - started
    return len(items) * REPEAT / elapsed, len(items) * REPEAT


def main() -> None:
    started = time.perf_counter()
    from normalize.agencies import canonical_agency, parse_agency_cell, split_agencies

    parse_agency_cell("Sở Nội vụ, UBND cấp huyện")  # compiles the registry
    print(f"import + first call: {time.perf_counter() - started:.3f} s")
    cells = _cells()
    mentions = [(m, p) for c, p in cells for m in split_agencies(c)]
    for label, items, call in (
        ("split_agencies", cells, lambda c: split_agencies(c[0])),
        ("parse_agency_cell", cells, lambda c: parse_agency_cell(c[0], province=c[1])),
        ("canonical_agency", mentions, lambda m: canonical_agency(m[0], province=m[1])),
    ):
        rate, done = _rate(items, call)
        print(f"{label:18s} {rate:10,.0f} phrases/s  ({len(items)} phrases x {REPEAT} = {done})")


if __name__ == "__main__":
    main()
