"""Hostile inputs (issue 10): each fails alone with one clear line, or reads with a
warning, within bounded time and memory, and never costs the other files."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.make_hostile_corpus import build
from tests.conftest import SEEDS

MEMORY_LIMIT = 3 * 2**30  # address space of the vanban process
TIME_LIMIT = 300

# file → the reason its one stderr line must contain (None: it may read, with warnings)
EXPECTED_ERRORS = {
    "truncated.pdf": "pdf",
    "empty.pdf": "empty file",
    "empty.txt": "empty file",
    "encrypted.pdf": "encrypted",
    "not_a_zip.docx": "not a Word .docx file",
    "zip_bomb.docx": "zip",
    "huge.txt": "limit",
    "random.bin": "unsupported",
}
MAY_READ = ("pdf_named.docx", "docx_named.pdf", "lying_page_count.pdf", "nested_tables.docx",
            "wide_table.docx", "invalid_utf8.txt", "xxe.docx")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:  # type: ignore[no-untyped-def]
    return build(tmp_path_factory.mktemp("hostile"))


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@pytest.fixture(scope="module")
def run(corpus: dict[str, Path]) -> subprocess.CompletedProcess[str]:
    good = SEEDS["001"]
    args = [sys.executable, "-m", "vanban", "extract", "--jsonl", *map(str, corpus.values()),
            str(good)]
    return subprocess.run(args, capture_output=True, text=True, timeout=TIME_LIMIT,
                          preexec_fn=_limits, env={**os.environ, "PYTHONUNBUFFERED": "1"})


def test_batch_exits_1_without_traceback(run: subprocess.CompletedProcess[str]) -> None:
    assert run.returncode == 1
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize("name", sorted(EXPECTED_ERRORS))
def test_bad_file_gets_one_line_naming_it(name: str, corpus, run) -> None:  # type: ignore[no-untyped-def]
    prefix = f"vanban: {corpus[name]}: "
    lines = [ln for ln in run.stderr.splitlines() if ln.startswith(prefix)]
    assert len(lines) == 1, run.stderr
    assert EXPECTED_ERRORS[name].lower() in lines[0].lower()


@pytest.mark.parametrize("name", MAY_READ)
def test_odd_file_reads_or_fails_clearly(name: str, corpus, run) -> None:  # type: ignore[no-untyped-def]
    records = {json.loads(ln)["source"]["path"]: json.loads(ln)
               for ln in run.stdout.splitlines()}
    failed = [ln for ln in run.stderr.splitlines() if ln.startswith(f"vanban: {corpus[name]}: ")]
    assert (str(corpus[name]) in records) != bool(failed)


def test_xxe_entity_is_not_expanded(corpus, run) -> None:  # type: ignore[no-untyped-def]
    assert "root:x:0:0" not in run.stdout


def test_the_good_file_still_comes_out(run) -> None:  # type: ignore[no-untyped-def]
    paths = [json.loads(ln)["source"]["path"] for ln in run.stdout.splitlines()]
    assert str(SEEDS["001"]) in paths
