"""`vanban extract --blocks` on every committed sample, against snapshots in
tests/snapshots/<seed>/blocks_<format>.txt (tier 2: machine-written, reviewed in the diff).

The snapshots are machine-written (tier 2 in STYLE.md: they catch changes, they do not
certify correctness); they were read by eye against the source text when written. After a
deliberate change to a reader, rewrite them and review the diff:
    .venv/bin/python -m pytest tests/test_blocks_snapshots.py --update-snapshots
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import REPO_ROOT, SAMPLES, SNAPSHOTS, committed_sample

# The committed samples: every seed as text, seeds 001 and 002 also as Word and PDF.
SAMPLE_FILES = sorted(
    p.relative_to(REPO_ROOT) for p in SAMPLES.iterdir() if p.suffix in {".txt", ".docx", ".pdf"}
)


def snapshot_of(sample: Path) -> Path:
    return SNAPSHOTS / sample.name[:3] / f"blocks_{sample.suffix[1:]}.txt"


def rendered(sample: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    from vanban.cli import app

    monkeypatch.chdir(REPO_ROOT)  # the first line names the file as given: keep it relative
    result = CliRunner().invoke(app, ["extract", "--blocks", str(sample)])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_every_committed_format_is_covered() -> None:
    assert {p.suffix for p in SAMPLE_FILES} == {".txt", ".docx", ".pdf"}
    assert len(SAMPLE_FILES) == 9


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name[:3] + p.suffix)
def test_blocks_match_the_snapshot(
    sample: Path, monkeypatch: pytest.MonkeyPatch, update_snapshots: bool
) -> None:
    committed_sample(REPO_ROOT / sample)
    snapshot = snapshot_of(sample)
    actual = rendered(sample, monkeypatch)
    if update_snapshots:
        snapshot.write_text(actual, encoding="utf-8")
    assert snapshot.exists(), f"no snapshot {snapshot}: run with --update-snapshots"
    assert actual == snapshot.read_text(encoding="utf-8"), (
        f"{sample}: blocks differ from {snapshot.relative_to(REPO_ROOT)}; if the change is"
        " meant, rerun with --update-snapshots and review the diff"
    )
