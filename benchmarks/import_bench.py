"""`vanban import` of N documents built from the samples, with 1 and 2 workers, into
SQLite and PostgreSQL: documents per second and peak memory. With one worker the batch
also runs without isolation (extraction in the importing process), to show what the
per-file child process costs (issue 16: under 10%).

    python benchmarks/import_bench.py --sizes 100 1000 --workers 1 2 [--pg URL] [--repeat 3]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpus import build_corpus  # noqa: E402

PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def _pg_schema_url(base: str) -> tuple[str, str]:
    from sqlalchemy import create_engine, text

    schema = f"bench_{uuid.uuid4().hex[:8]}"
    with create_engine(base).begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    return f"{base}?options=-csearch_path%3D{schema}", schema


def _drop_schema(base: str, schema: str) -> None:
    from sqlalchemy import create_engine, text

    with create_engine(base).begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--pg", default=PG, help="PostgreSQL URL ('' to skip)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of each mode, interleaved; the best is compared (a shared "
                             "machine is noisy)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    print(f"{'N':>6} {'db':<10} {'workers':>7} {'isolated':>8} {'seconds':>8} {'docs/s':>7} "
          f"{'peak MB':>8}")
    for n in args.sizes:
        paths = build_corpus(tmp / f"c{n}", n)
        for workers in args.workers:
            modes = (True, False) if workers == 1 else (True,)
            for name, base in [("sqlite", None), ("postgresql", args.pg or None)]:
                if name == "postgresql" and not base:
                    continue
                rates: dict[bool, float] = {}
                for _ in range(args.repeat):
                    for isolate in modes:
                        rate = _one_run(tmp, paths, name, base, workers, isolate)
                        rates[isolate] = max(rates.get(isolate, 0.0), rate)
                if len(rates) == 2:
                    cost = 100 * (1 - rates[True] / rates[False])
                    print(f"{'':>6} {name:<10} isolation costs {cost:.1f}% of throughput "
                          f"(best of {args.repeat}: {rates[True]:.1f} vs {rates[False]:.1f} "
                          "docs/s)")


def _one_run(tmp: Path, paths: list[Path], name: str, base: str | None, workers: int,
             isolate: bool) -> float:
    from vanban.importer import run_import
    from vanban.settings import ImportSettings

    schema = None
    if base:
        url, schema = _pg_schema_url(base)
    else:
        url = f"sqlite:///{tmp / f'b{len(paths)}_{workers}_{isolate}_{time.time_ns()}.db'}"
    t0 = time.perf_counter()
    summary = run_import(paths, ImportSettings(url=url, workers=workers, isolate=isolate))
    dt = time.perf_counter() - t0
    print(f"{len(paths):>6} {name:<10} {workers:>7} {'yes' if isolate else 'no':>8} "
          f"{dt:8.1f} {summary.files / dt:7.1f} {_peak_mb():8.0f}"
          + (f"  failures {len(summary.failures)}" if summary.failures else ""))
    if schema and base:
        _drop_schema(base, schema)
    return summary.files / dt

if __name__ == "__main__":
    main()
