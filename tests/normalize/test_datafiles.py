"""Every data file goes through the one loader and says where its facts come from."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from normalize import datafiles
from normalize.datafiles import DataFileError, data_file, data_file_names

_ROOT = Path(__file__).resolve().parents[2]
_DATA = _ROOT / "normalize" / "data"
_PACKAGES = ("extract", "normalize", "load", "schemas", "vanban")
# ways of reading a data file other than data_file()
_BY_HAND = re.compile(r"load_yaml\(|DictReader\(|yaml\.(?:safe_)?load\(|[\"']data[\"']\s*[,)/]")


def test_every_file_in_data_is_listed() -> None:
    on_disk = sorted(p.name for p in _DATA.iterdir() if p.is_file())
    assert list(data_file_names()) == on_disk


@pytest.mark.parametrize("name", data_file_names())
def test_data_file_loads_with_its_sources(name: str) -> None:
    data = data_file(name)
    assert data
    assert data_file(name) is data  # read once


@pytest.mark.parametrize("name", data_file_names())
def test_data_file_is_read_by_name_through_the_loader(name: str) -> None:
    sources = "\n".join(
        p.read_text(encoding="utf-8")
        for package in _PACKAGES
        for p in (_ROOT / package).rglob("*.py")
        if p.name != "datafiles.py"
    )
    assert f'"{name}"' in sources, f"{name} is not read by any module"


def test_no_module_reads_data_files_by_hand() -> None:
    offenders = [
        str(p.relative_to(_ROOT))
        for package in _PACKAGES
        for p in (_ROOT / package).rglob("*.py")
        if p.name != "datafiles.py" and _BY_HAND.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"rows": [{"name": "Sở Nội vụ"}]}, "rows[0].name has no source"),
        ({"rows": [{"name": "x", "source": "  "}]}, "rows[0].name has no source"),
        ({"words": ["chủ trì"]}, "words[0] has no source"),
        ({"group": {"source": "seed 001", "words": ["a"]}, "other": [1]}, "other[0] has no source"),
    ],
    ids=str,
)
def test_yaml_without_source_is_refused(data: object, problem: str) -> None:
    with pytest.raises(DataFileError, match=re.escape(f"x.yaml: {problem}")):
        datafiles._check_sources(data, "x.yaml", "", inherited=False)


@pytest.mark.parametrize(
    "data",
    [
        {"source": "NĐ 30/2020", "onsets": ["ng"]},
        {"rows": [{"name": "Sở Nội vụ", "source": "seed 001", "aliases": ["SNV"]}]},
        {"group": {"source": "seed 001", "words": ["a", "b"]}},
    ],
    ids=str,
)
def test_yaml_with_sources_is_accepted(data: object) -> None:
    datafiles._check_sources(data, "x.yaml", "", inherited=False)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("abbr,expansion\nUBND,Ủy ban nhân dân\n", "x.csv: no source column"),
        (
            "abbr,expansion,source\nUBND,Ủy ban nhân dân,seed\nHĐND,Hội đồng nhân dân,\n",
            "x.csv line 3: no source",
        ),
    ],
    ids=str,
)
def test_csv_without_source_is_refused(text: str, problem: str) -> None:
    with pytest.raises(DataFileError, match=re.escape(problem)):
        datafiles._csv_rows("x.csv", text)


def test_other_files_are_refused() -> None:
    with pytest.raises(DataFileError, match="not a data file"):
        data_file("notes.txt")
