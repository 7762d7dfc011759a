"""Every header field a reader can see on the real documents of ../shared/realdocs
(issue 14): the golden values in benchmarks/header_truth.yaml were read off the files
by hand; the fields still read wrong are listed here by name, so a new miss fails and a
fixed one is noticed."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from extract import read_document
from extract.parsers.header.parse import parse_header
from normalize.datafiles import load_yaml
from normalize.text import fold_key
from schemas.diagnostics import Report
from tests.conftest import REPO_ROOT, realdoc

TRUTH: dict[str, Any] = load_yaml(REPO_ROOT / "benchmarks" / "header_truth.yaml")
FIELDS = ("doc_type", "number", "symbol", "issuer", "place", "province", "issued_date", "title")
_TITLE_HEAD = re.compile(r"^(?:v/v|về việc)\s+", re.I)

# (file, field): known wrong, and why
KNOWN_MISSES: dict[tuple[str, str], str] = {}


def _norm(field: str, value: Any) -> str | None:
    if value is None:
        return None
    text = str(value)
    return fold_key(_TITLE_HEAD.sub("", text) if field == "title" else text)


def _files(group: str) -> list[str]:
    return [name for name, truth in TRUTH.items() if truth["group"] == group]


@pytest.mark.slow
@pytest.mark.parametrize("name", _files("born-digital") + _files("signed"))
def test_realdoc_header_fields(name: str) -> None:
    head = parse_header(read_document(realdoc(name)), report=Report()).header
    truth = TRUTH[name]
    wrong = {}
    for field in FIELDS:
        if field not in truth:
            continue
        options = truth[field] if isinstance(truth[field], list) else [truth[field]]
        got = getattr(head, field)
        got = str(got) if field == "doc_type" and got is not None else got
        if _norm(field, got) not in {_norm(field, o) for o in options}:
            wrong[field] = got
    assert set(wrong) == {f for (n, f) in KNOWN_MISSES if n == name}, wrong


def test_truth_names_existing_fields() -> None:
    for name, truth in TRUTH.items():
        assert set(truth) - {"group"} <= set(FIELDS), name
        assert truth["group"] in {"born-digital", "signed", "scan"}
        assert Path(name).suffix in {".pdf", ".doc", ".docx", ".rtf"}
