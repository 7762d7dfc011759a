from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT


@pytest.mark.parametrize("name", ["vanban", "extract", "normalize", "load", "schemas"])
def test_top_level_packages_are_ours(name: str) -> None:
    module = importlib.import_module(name)
    assert Path(module.__file__).resolve().is_relative_to(REPO_ROOT)


def _packages_under(root: Path) -> list[str]:
    """Every folder with an __init__.py below the five top-level packages, as a dotted name."""
    names = []
    for top in ("vanban", "extract", "normalize", "load", "schemas"):
        for init in sorted((root / top).rglob("__init__.py")):
            names.append(".".join(init.parent.relative_to(root).parts))
    return names


def test_the_folders_show_the_pipeline() -> None:
    """Readers and parsers are packages of their own, the parsers grouped by what they parse."""
    names = set(_packages_under(REPO_ROOT))
    assert {"extract.readers", "extract.parsers", "extract.parsers.header",
            "extract.parsers.body", "extract.parsers.appendix", "vanban.cli"} <= names
    loose = sorted(p.stem for p in (REPO_ROOT / "extract").glob("*.py"))
    assert loose == ["__init__", "agencies", "limits", "options", "quality", "record", "source"]


@pytest.mark.parametrize("name", _packages_under(REPO_ROOT))
def test_every_package_imports_from_the_install(name: str) -> None:
    """The setuptools `include` finds every subpackage (a missed one imports only from a
    checkout, not from a wheel)."""
    import subprocess
    import sys

    tomllib = importlib.import_module("tomllib")
    include = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text("utf-8"))["tool"][
        "setuptools"]["packages"]["find"]["include"]
    assert any(name == p.rstrip("*") or name.startswith(p.rstrip("*")) for p in include)
    done = subprocess.run([sys.executable, "-c", f"import {name}"], cwd="/",
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
