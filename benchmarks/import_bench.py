"""`vanban import` of N documents built from the samples, with 1 and 2 workers, into
SQLite and PostgreSQL: documents per second and peak memory.

    python benchmarks/import_bench.py --sizes 100 1000 --workers 1 2 [--pg URL]
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
    from vanban.importer import run_import

    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--pg", default=PG, help="PostgreSQL URL ('' to skip)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    print(f"{'N':>6} {'db':<10} {'workers':>7} {'seconds':>8} {'docs/s':>7} {'peak MB':>8}")
    for n in args.sizes:
        paths = build_corpus(tmp / f"c{n}", n)
        for workers in args.workers:
            targets = [("sqlite", f"sqlite:///{tmp / f'b{n}_{workers}.db'}", None)]
            if args.pg:
                url, schema = _pg_schema_url(args.pg)
                targets.append(("postgresql", url, schema))
            for name, url, schema in targets:
                t0 = time.perf_counter()
                summary = run_import(paths, url=url, workers=workers)
                dt = time.perf_counter() - t0
                print(f"{n:>6} {name:<10} {workers:>7} {dt:8.1f} {summary.files / dt:7.1f} "
                      f"{_peak_mb():8.0f}" + (f"  failures {len(summary.failures)}"
                                             if summary.failures else ""))
                if schema:
                    _drop_schema(args.pg, schema)


if __name__ == "__main__":
    main()
