"""Kill an import halfway (SIGKILL) and run it again: every document is whole or absent,
and the second run completes the batch (issue 10)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import text

from load.db import make_engine
from tests.conftest import SEEDS
from vanban.importer import run_import
from vanban.pipeline import expand_paths

COPIES = 40


def _batch(folder: Path) -> Path:
    """Distinct documents: seed 004 has no header, so each copy is its own document."""
    folder.mkdir()
    body = SEEDS["004"].read_text(encoding="utf-8")
    for i in range(COPIES):
        (folder / f"plan_{i:03d}.txt").write_text(body + f"\n\nBản sao số {i}.\n",
                                                 encoding="utf-8")
    return folder


def _per_document(url: str) -> dict[str, tuple[int, int, int]]:
    sql = text("SELECT d.sha256, "
               "(SELECT count(*) FROM targets x WHERE x.document_id = d.id), "
               "(SELECT count(*) FROM tasks x WHERE x.document_id = d.id), "
               "(SELECT count(*) FROM sections x WHERE x.document_id = d.id) FROM documents d")
    engine = make_engine(url)
    with engine.connect() as conn:
        rows = {r[0]: (r[1], r[2], r[3]) for r in conn.execute(sql)}
    engine.dispose()
    return rows


def test_killed_import_leaves_whole_documents_and_resumes(tmp_path: Path) -> None:
    batch = _batch(tmp_path / "batch")
    url = f"sqlite:///{tmp_path / 'k.db'}"
    proc = subprocess.Popen([sys.executable, "-m", "vanban", "import", str(batch), "--db", url],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if (tmp_path / "k.db").exists() and len(_safe_counts(url)) >= 3:
            break
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _safe_counts(url)
    assert 0 < len(partial) < COPIES, "the kill should land mid-batch"

    reference_url = f"sqlite:///{tmp_path / 'ref.db'}"
    run_import(expand_paths([batch]), url=reference_url)
    reference = _per_document(reference_url)
    for sha, counts in partial.items():
        assert counts == reference[sha], "a killed import left a partial document"

    summary = run_import(expand_paths([batch]), url=url)
    assert not summary.failures
    assert summary.unchanged == len(partial)
    assert _per_document(url) == reference


def _safe_counts(url: str) -> dict[str, tuple[int, int, int]]:
    try:
        return _per_document(url)
    except Exception:  # noqa: BLE001 - the schema may not exist yet
        return {}
