"""`vanban extract --blocks` on every committed sample, against snapshots in
tests/expected/<seed>/blocks.<format>.txt, read by eye against the source when written.

A change to what a reader produces shows up here as a diff of the rendered blocks.
Regenerate after a deliberate change, then review the diff:
    .venv/bin/python -m tests.test_blocks_snapshots
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import EXPECTED, REPO_ROOT, SAMPLES, committed_sample

# The committed samples: every seed as text, seeds 001 and 002 also as Word and PDF.
SAMPLE_FILES = sorted(
    p.relative_to(REPO_ROOT) for p in SAMPLES.iterdir() if p.suffix in {".txt", ".docx", ".pdf"}
)


def snapshot_of(sample: Path) -> Path:
    return EXPECTED / sample.name[:3] / f"blocks_{sample.suffix[1:]}.txt"


def rendered(sample: Path) -> str:
    from vanban.cli import app

    cwd = Path.cwd()
    os.chdir(REPO_ROOT)  # the first line names the file as given: keep it relative
    try:
        result = CliRunner().invoke(app, ["extract", "--blocks", str(sample)])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_every_committed_format_is_covered() -> None:
    assert {p.suffix for p in SAMPLE_FILES} == {".txt", ".docx", ".pdf"}
    assert len(SAMPLE_FILES) == 9


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name[:3] + p.suffix)
def test_blocks_match_the_snapshot(sample: Path) -> None:
    committed_sample(REPO_ROOT / sample)
    snapshot = snapshot_of(sample)
    assert snapshot.exists(), "no snapshot: run python -m tests.test_blocks_snapshots"
    expected = snapshot.read_text(encoding="utf-8")
    assert rendered(sample) == expected, (
        f"{sample}: blocks differ from {snapshot.relative_to(REPO_ROOT)}; if the change is"
        " meant, regenerate with python -m tests.test_blocks_snapshots and review the diff"
    )


def update() -> None:
    for sample in SAMPLE_FILES:
        snapshot = snapshot_of(sample)
        snapshot.write_text(rendered(sample), encoding="utf-8")
        print(f"wrote {snapshot.relative_to(REPO_ROOT)}")


if __name__ == "__main__":
    update()
