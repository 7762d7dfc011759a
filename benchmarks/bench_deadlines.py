"""Throughput of parse_deadline and find_dates on the seeds' own text.

Run: /work/venv/bin/python benchmarks/bench_deadlines.py
parse_deadline runs over the seed deadline cells of tests/cases/deadlines.yaml (every
distinct "Thời gian hoàn thành" cell of seeds 001 and 002); find_dates over every
non-empty line of the five seeds. Each is repeated until about one second has passed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import yaml

from normalize.dates import find_dates
from normalize.deadlines import parse_deadline

ROOT = Path(__file__).resolve().parents[1]
T = TypeVar("T")


def _deadline_cells() -> list[tuple[str, int]]:
    cases = yaml.safe_load((ROOT / "tests" / "cases" / "deadlines.yaml").read_text("utf-8"))
    return [(c["raw"], c["plan_year"]) for c in cases if str(c["source"]).startswith("seed")]


def _seed_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted((ROOT / "samples").glob("*.txt")):
        lines.extend(line for line in path.read_text("utf-8").splitlines() if line.strip())
    return lines


def _rate(items: list[T], call: Callable[[T], object], budget: float = 1.0) -> tuple[float, int]:
    done, started = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - started) < budget:
        for item in items:
            call(item)
        done += len(items)
    return done / elapsed, done


def main() -> None:
    cells = _deadline_cells()
    lines = _seed_lines()
    parse_deadline(cells[0][0], plan_year=cells[0][1])  # load the phrase data outside the clock
    rate, done = _rate(cells, lambda c: parse_deadline(c[0], plan_year=c[1]))
    print(f"parse_deadline: {rate:10,.0f} cells/s  ({len(cells)} seed cells, {done} calls)")
    rate, done = _rate(lines, find_dates)
    print(f"find_dates:     {rate:10,.0f} lines/s  ({len(lines)} seed lines, {done} calls)")


if __name__ == "__main__":
    main()
