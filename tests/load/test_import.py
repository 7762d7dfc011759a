"""`vanban import` end to end: batches, bad files, idempotence, workers, Dask, two
concurrent imports."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from load.db import make_engine
from tests.conftest import SAMPLES
from vanban.importer import run_import
from vanban.pipeline import expand_paths

VIEWS = ("v_targets", "v_tasks", "v_citations", "documents")


def view_counts(url: str) -> dict[str, int]:
    engine = make_engine(url)
    with engine.connect() as conn:
        counts = {v: int(conn.execute(text(f"SELECT count(*) FROM {v}")).scalar_one())
                  for v in VIEWS}
    engine.dispose()
    return counts


def vanban(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.run([sys.executable, "-m", "vanban", *args], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=600)


@pytest.fixture
def batch_with_bad_pdf(tmp_path: Path) -> Path:
    batch = tmp_path / "batch"
    batch.mkdir()
    for seed in sorted(SAMPLES.glob("00[0-4]_*.txt")):
        (batch / seed.name).write_bytes(seed.read_bytes())
    (batch / "truncated.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog")
    return batch


def test_samples_give_the_same_counts_on_sqlite_and_postgres(sqlite_url, pg_url) -> None:  # type: ignore[no-untyped-def]
    files = expand_paths([SAMPLES])
    first = run_import(files, url=sqlite_url)
    run_import(files, url=pg_url)
    assert not first.failures
    assert view_counts(sqlite_url) == view_counts(pg_url)
    again = run_import(files, url=sqlite_url)
    assert again.loaded == again.replaced == 0
    assert again.unchanged == len(files)
    assert view_counts(sqlite_url) == view_counts(pg_url)


def test_a_bad_file_fails_alone_and_exits_1(batch_with_bad_pdf: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'b.db'}"
    report = tmp_path / "errors.csv"
    proc = vanban("import", str(batch_with_bad_pdf), "--db", url, "--errors", str(report))
    assert proc.returncode == 1
    bad = batch_with_bad_pdf / "truncated.pdf"
    lines = [ln for ln in proc.stderr.splitlines() if ln.startswith(f"vanban: {bad}: ")]
    assert len(lines) == 1
    assert "Traceback" not in proc.stderr
    assert view_counts(url)["documents"] == 5
    assert str(bad) in report.read_text(encoding="utf-8")


def test_two_workers_load_what_one_does(tmp_path: Path) -> None:
    files = expand_paths([SAMPLES])
    one, two = (f"sqlite:///{tmp_path / n}" for n in ("one.db", "two.db"))
    run_import(files, url=one, workers=1)
    summary = run_import(files, url=two, workers=2)
    assert not summary.failures
    assert view_counts(one) == view_counts(two)


@pytest.mark.slow
def test_dask_executor_on_a_local_cluster(tmp_path: Path) -> None:
    from dask.distributed import LocalCluster

    files = expand_paths([SAMPLES])
    local, distributed = (f"sqlite:///{tmp_path / n}" for n in ("local.db", "dask.db"))
    run_import(files, url=local)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        summary = run_import(files, url=distributed, executor="dask",
                             scheduler=cluster.scheduler_address)
    assert not summary.failures
    assert view_counts(local) == view_counts(distributed)


@pytest.mark.postgres
def test_two_concurrent_imports_never_duplicate(pg_url: str, tmp_path: Path) -> None:
    procs = [subprocess.Popen([sys.executable, "-m", "vanban", "import", str(SAMPLES),
                               "--db", pg_url], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for _ in range(2)]
    for p in procs:
        p.wait(timeout=600)
    assert [p.returncode for p in procs] == [0, 0]
    reference = f"sqlite:///{tmp_path / 'ref.db'}"
    run_import(expand_paths([SAMPLES]), url=reference)
    assert view_counts(pg_url) == view_counts(reference)
