"""The cost of the shared grammar: loading every data file, phrase sets, label patterns.

Run: .venv/bin/python benchmarks/bench_grammar.py
Lines are every non-blank line of the seeds (samples/*.txt), repeated REPEAT times. The
phrase-set figures call the matchers without their lru caches, so every call matches.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPEAT = 20


def _lines() -> list[str]:
    return [
        line.strip()
        for path in sorted((ROOT / "samples").glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def _rate(lines: list[str], call: Callable[[str], object]) -> float:
    started = time.perf_counter()
    for _ in range(REPEAT):
        for line in lines:
            call(line)
    return len(lines) * REPEAT / (time.perf_counter() - started)


def main() -> None:
    from normalize.datafiles import data_file, data_file_names

    started = time.perf_counter()
    names = data_file_names()
    for name in names:
        data_file(name)
    print(f"{len(names)} data files read and checked: {time.perf_counter() - started:.3f} s")

    from extract.parsers.appendix.columns import column_role
    from normalize import patterns
    from normalize.areas import area_of
    from normalize.header_terms import is_motto, preamble_opener, starts_with_body_head
    from normalize.indicators import indicator_of
    from normalize.section_kinds import section_kind_of

    lines = _lines()
    area_of("thể chế"), column_role("Chủ trì"), is_motto("Độc lập")  # build the sets
    indicator_of("Tỷ lệ"), preamble_opener("Căn cứ"), section_kind_of("MỤC TIÊU")
    print(f"{len(lines)} seed lines x {REPEAT}")
    for label, call in [
        ("area_of (PhraseSet.find)", area_of.__wrapped__),
        ("column_role (PhraseSet.find)", column_role),
        ("is_motto (PhraseSet.contains)", is_motto),
        ("indicator_of (PhraseSet.find)", indicator_of.__wrapped__),
        ("preamble_opener (PhraseSet.opens)", preamble_opener),
        ("starts_with_body_head (opens)", starts_with_body_head),
        ("section_kind_of (PhraseSet.opens)", section_kind_of.__wrapped__),
        ("TEXT_LINE_ITEM.match", patterns.TEXT_LINE_ITEM.match),
        ("BODY_NUMBER.match", patterns.BODY_NUMBER.match),
    ]:
        print(f"  {label:36} {_rate(lines, call):>12,.0f} lines/s")


if __name__ == "__main__":
    main()
