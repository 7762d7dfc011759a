"""Shared fixtures. PostgreSQL tests fail (not skip) when CI is set and the server is down."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SAMPLES = REPO_ROOT / "samples"
REALDOCS = REPO_ROOT.parent / "shared" / "realdocs"
EXPECTED = Path(__file__).parent / "expected"
SEEDS = {
    "000": SAMPLES / "000_03a7ba252fcebdbf.txt",
    "001": SAMPLES / "001_1a5f14619ac43e8b.txt",
    "002": SAMPLES / "002_9b0bb8ab07a8216a.txt",
    "003": SAMPLES / "003_50817685db1da223.txt",
    "004": SAMPLES / "004_d27a50def33dfafc.txt",
}


def realdoc(name: str) -> Path:
    """A file of ../shared/realdocs; those tests skip only outside CI when it is absent."""
    path = REALDOCS / name
    if not path.exists():
        import os

        if os.environ.get("CI"):
            pytest.fail(f"{path} missing under CI")
        pytest.skip(f"{path} not present")
    return path
