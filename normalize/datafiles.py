"""Reading the package's data files: one YAML loader for all registries.

libyaml's C loader is ~10× faster than the pure-Python one; the registries are read
once per process, but at start-up that is most of a worker's first second.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(source: Path | str) -> Any:
    """Parse YAML from a path or from text already read."""
    text = source.read_text(encoding="utf-8") if isinstance(source, Path) else source
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
