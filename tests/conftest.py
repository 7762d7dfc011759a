"""Shared fixtures. PostgreSQL tests fail (not skip) when CI is set and the server is down."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from schemas.diagnostics import STRICT_MESSAGES_ENV

# A warning raised with the wrong fields fails the test instead of reading "?".
os.environ[STRICT_MESSAGES_ENV] = "1"

REPO_ROOT = Path(__file__).resolve().parents[1]
SAMPLES = REPO_ROOT / "samples"
REALDOCS = REPO_ROOT.parent / "shared" / "realdocs"
EXPECTED = Path(__file__).parent / "expected"  # tier 1: checked by hand against the source
SNAPSHOTS = Path(__file__).parent / "snapshots"  # tier 2: machine-written, reviewed in the diff
CASES = Path(__file__).parent / "cases"
TEST_DATA = Path(__file__).parent / "data"
SEEDS = {
    "000": SAMPLES / "000_03a7ba252fcebdbf.txt",
    "001": SAMPLES / "001_1a5f14619ac43e8b.txt",
    "002": SAMPLES / "002_9b0bb8ab07a8216a.txt",
    "003": SAMPLES / "003_50817685db1da223.txt",
    "004": SAMPLES / "004_d27a50def33dfafc.txt",
}


# The appendix headers of seeds 001 and 002, as the seeds write them (checked by hand).
HEADER_001 = ["TT", "Nhiệm vụ", "Sản phẩm, kết quả đầu ra", "Cơ quan chủ trì",
              "Cơ quan phối hợp", "Thời gian hoàn thành"]
HEADER_002 = ["TT", "1- Mục tiêu/Chỉ tiêu", "2- Nhiệm vụ", "3- Hoạt động",
              "4- Kết quả, sản phẩm", "5- Chủ trì", "6- Phối hợp", "7- Thời gian hoàn thành",
              "8- Kinh phí"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-snapshots",
        action="store_true",
        help="rewrite the machine-written snapshots (review the diff by eye); refused under CI",
    )


@pytest.fixture
def update_snapshots(request: pytest.FixtureRequest) -> bool:
    """Whether to rewrite snapshots instead of comparing: CI compares, always."""
    wanted = bool(request.config.getoption("--update-snapshots"))
    if wanted and os.environ.get("CI"):
        pytest.fail("--update-snapshots is refused when CI is set")
    return wanted


def load_cases(name: str) -> Any:
    """The table of cases in tests/cases/NAME (a list, or a dict of lists by topic)."""
    return yaml.safe_load((CASES / name).read_text(encoding="utf-8"))


def committed_sample(path: Path) -> Path:
    """A file committed under samples/: missing means a broken checkout, so the test fails."""
    if not path.exists():
        pytest.fail(f"{path} missing: samples/ is committed (scripts/render_samples.py renders it)")
    return path


def required_file(path: Path, how: str) -> Path:
    """A test input kept outside the test: fails under CI when absent, else skips."""
    if not path.exists():
        import os

        if os.environ.get("CI"):
            pytest.fail(f"{path} missing under CI ({how})")
        pytest.skip(f"{path} not present ({how})")
    return path


def realdoc(name: str) -> Path:
    """A file of ../shared/realdocs."""
    return required_file(REALDOCS / name, "../shared/realdocs is laid beside the clone")
