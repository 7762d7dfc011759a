"""Reading the package's data files (normalize/data/): one validated loader for all of them.

Every fact carries a `source` saying where it comes from: each CSV row in its `source`
column; in YAML, each value lies under a mapping that has a `source` (the row itself, its
group, or the file's top level). A file that breaks this raises `DataFileError` on first
use, so a bad edit fails every test at once. Each file is read and checked once per
process (cached); callers must not change what they get back.

libyaml's C loader is ~10× faster than the pure-Python one; the registries are read
once per process, but at start-up that is most of a worker's first second.
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SUFFIXES = (".yaml", ".csv")


class DataFileError(ValueError):
    """A data file under normalize/data/ breaks its own rules (missing source, bad kind…)."""


def load_yaml(source: Path | str) -> Any:
    """Parse YAML from a path or from text already read (test case files; not data/)."""
    text = source.read_text(encoding="utf-8") if isinstance(source, Path) else source
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader


def data_file_names() -> tuple[str, ...]:
    """The names of every data file the package ships, sorted."""
    folder = resources.files("normalize").joinpath("data")
    return tuple(sorted(p.name for p in folder.iterdir() if p.name.endswith(_SUFFIXES)))


@cache
def data_file(name: str) -> Any:
    """The parsed content of normalize/data/`name`, its sources checked.

    YAML gives what the file holds; CSV gives its rows as dicts of strings.

    >>> data_file("areas.yaml")["areas"][0]["area"]
    'the_che'
    """
    if not name.endswith(_SUFFIXES):
        raise DataFileError(f"{name}: not a data file (.yaml or .csv)")
    text = resources.files("normalize").joinpath("data", name).read_text(encoding="utf-8")
    if name.endswith(".csv"):
        return _csv_rows(name, text)
    data = load_yaml(text)
    if not isinstance(data, dict):
        raise DataFileError(f"{name}: expected a mapping at the top")
    _check_sources(data, name, "", inherited=False)
    return data


def _csv_rows(name: str, text: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text))
    if "source" not in (reader.fieldnames or ()):
        raise DataFileError(f"{name}: no source column")
    rows = list(reader)
    for number, row in enumerate(rows, start=2):
        if not (row.get("source") or "").strip():
            raise DataFileError(f"{name} line {number}: no source")
    return rows


def _has_source(node: dict[str, Any]) -> bool:
    return bool(str(node.get("source") or "").strip())


def _check_sources(node: Any, name: str, where: str, *, inherited: bool) -> None:
    if isinstance(node, dict):
        covered = inherited or _has_source(node)
        for key, value in node.items():
            if key != "source":
                _check_sources(value, name, f"{where}.{key}".lstrip("."), inherited=covered)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _check_sources(value, name, f"{where}[{index}]", inherited=inherited)
    elif not inherited:
        raise DataFileError(f"{name}: {where} has no source")
