from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT


@pytest.mark.parametrize("name", ["vanban", "extract", "normalize", "load", "schemas"])
def test_top_level_packages_are_ours(name: str) -> None:
    module = importlib.import_module(name)
    assert Path(module.__file__).resolve().is_relative_to(REPO_ROOT)
