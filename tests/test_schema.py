"""The committed JSON Schema of the contract equals the one the models give, so a change
to the contract always shows in review; and the layers only import downwards."""

from __future__ import annotations

import shutil
import subprocess
import sys

from scripts.write_schema import SCHEMA_PATH, contract_schema
from tests.conftest import REPO_ROOT


def test_committed_contract_schema_is_up_to_date() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == contract_schema(), (
        "run: python scripts/write_schema.py")


def test_schema_names_every_contract_section() -> None:
    import json

    props = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))["properties"]
    assert set(props) == {"schema_version", "source", "document", "plan", "sections",
                          "targets", "tasks", "citations", "agencies", "warnings", "quality"}


def test_data_flows_one_way() -> None:
    exe = shutil.which("lint-imports", path=str(__import__("pathlib").Path(sys.executable).parent))
    assert exe, "import-linter is a test dependency"
    proc = subprocess.run([exe], cwd=REPO_ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-2000:]
    assert "BROKEN" not in proc.stdout


def test_the_code_passes_ruff() -> None:
    exe = shutil.which("ruff", path=str(__import__("pathlib").Path(sys.executable).parent))
    assert exe, "ruff is a test dependency"
    proc = subprocess.run([exe, "check", "."], cwd=REPO_ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:]
