"""Hostile inputs (issues 10 and 16): each fails alone with one clear line, or reads with a
warning, within bounded time and memory, and never costs the other files.

The files come from scripts/make_hostile_corpus.py; one `vanban extract` run reads them
all under an address-space limit, and one `vanban import` run loads a batch of them.
Faults no file can be made to cause on purpose (a segfault, a hang, exhausted memory)
are injected into the isolated workers through their job function.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scripts.make_hostile_corpus import build, numbering_docx
from tests.conftest import SEEDS
from vanban.isolation import extract_in_child, extract_isolated
from vanban.settings import ExtractSettings

MEMORY_LIMIT = 3 * 2**30  # address space of the vanban process
TIME_LIMIT = 300
FORGED = "new\nvanban: forged.txt"

# file → the reason its one stderr line must contain (None: it may read, with warnings)
EXPECTED_ERRORS = {
    "truncated.pdf": "pdf",
    "empty.pdf": "empty file",
    "empty.txt": "empty file",
    "encrypted.pdf": "encrypted",
    "not_a_zip.docx": "not a Word .docx file",
    "zip_bomb.docx": "zip",
    "lying_zip_bomb.docx": "inflates past its declared 4096 bytes (a zip bomb)",
    "no_pages.pdf": "no readable page in this PDF",
    "huge.txt": "limit",
    "random.bin": "unsupported",
}
MAY_READ = ("pdf_named.docx", "docx_named.pdf", "lying_page_count.pdf", "nested_tables.docx",
            "wide_table.docx", "invalid_utf8.txt", "xxe.docx", "deep.html")
# file → the input_limit detail its record must carry
LIMITED = {
    "huge_table.html": "table b0002 has more than 50000 cells: rows from 51 on skipped",
    "nested_tables.html": "tables nested more than 5 deep read as text",
    "many_pages.pdf": "2100 pages: pages after 2000 skipped",
}


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


@pytest.fixture(scope="module")
def records(run: subprocess.CompletedProcess[str]) -> dict[str, dict]:  # type: ignore[type-arg]
    return {json.loads(ln)["source"]["path"]: json.loads(ln) for ln in run.stdout.splitlines()}


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
def test_odd_file_reads_or_fails_clearly(name: str, corpus, run, records) -> None:  # type: ignore[no-untyped-def]
    failed = [ln for ln in run.stderr.splitlines() if ln.startswith(f"vanban: {corpus[name]}: ")]
    assert (str(corpus[name]) in records) != bool(failed)


@pytest.mark.parametrize("name", sorted(LIMITED))
def test_a_limit_gives_input_limit_and_a_partial_record(name: str, corpus, records) -> None:  # type: ignore[no-untyped-def]
    warnings = records[str(corpus[name])]["warnings"]
    details = [w["message"] for w in warnings if w["code"] == "input_limit"]
    assert details == [f"input limit reached: {LIMITED[name]}"]


def test_the_page_cap_reads_the_first_pages(corpus, records) -> None:  # type: ignore[no-untyped-def]
    assert records[str(corpus["many_pages.pdf"])]["source"]["pages"] == 2000


def test_a_pdf_with_xref_offsets_off_is_repaired(corpus, records) -> None:  # type: ignore[no-untyped-def]
    """Before: pdfminer found no page, and an empty record came out with exit 0."""
    assert records[str(corpus["shifted_xref.pdf"])]["source"]["pages"] == 3


def test_utf16_text_with_a_bom_is_read(corpus, records) -> None:  # type: ignore[no-untyped-def]
    """Before: refused as a binary file (its NUL bytes)."""
    record = records[str(corpus["utf16.txt"])]
    assert record["document"]["title"] == "Cải cách hành chính năm 2026"


@pytest.mark.parametrize("name", ["roman_numbering.docx", "letter_numbering.docx"])
def test_huge_list_numbers_read(name: str, corpus, records) -> None:  # type: ignore[no-untyped-def]
    assert str(corpus[name]) in records


def test_a_file_name_cannot_forge_a_line(corpus, run) -> None:  # type: ignore[no-untyped-def]
    lines = run.stderr.splitlines()
    assert not any(ln.startswith("vanban: forged.txt") for ln in lines)
    assert f"vanban: {str(corpus[FORGED])!r}: empty file" in lines


def test_xxe_entity_is_not_expanded(corpus, run) -> None:  # type: ignore[no-untyped-def]
    assert "root:x:0:0" not in run.stdout


def test_the_good_file_still_comes_out(records) -> None:  # type: ignore[no-untyped-def]
    assert str(SEEDS["001"]) in records


# ---------------------------------------------------------------- DOCX list numbering


@pytest.mark.parametrize(("start", "fmt", "label"), [
    (10**8, "upperRoman", "MMMMMMMMMCMXCIX."),  # clamped to 9999
    (2 * 10**9, "upperRoman", "MMMMMMMMMCMXCIX."),
    (10**8, "lowerRoman", "mmmmmmmmmcmxcix."),
    (2 * 10**9, "lowerLetter", "o" * 64),  # 9999 → 385 letters, cut to the label bound
    (-(10**8), "decimal", "-9999."),
])
def test_a_list_starting_at_a_huge_number_is_clamped(tmp_path: Path, start: int, fmt: str,
                                                     label: str) -> None:
    """Before: 50–100 s and 2–3 GB for a 2 KB file (labels of millions of characters)."""
    from extract import read_document
    from extract.limits import MAX_LABEL_CHARS
    from schemas.document import Paragraph

    path = tmp_path / "list.docx"
    path.write_bytes(numbering_docx(start, fmt, items=3))
    paragraphs = [b for b in read_document(path).blocks if isinstance(b, Paragraph)]
    assert paragraphs[0].text == f"{label} Nhiệm vụ"
    assert len(paragraphs) == 3
    assert all(len(p.text) <= MAX_LABEL_CHARS + len(" Nhiệm vụ") for p in paragraphs)


# ---------------------------------------------------------------- the isolated workers


def crash_hang_or_hog(path: str, settings: ExtractSettings):  # type: ignore[no-untyped-def]
    """A job for the workers: faults on the files named for them, real work otherwise."""
    name = Path(path).name
    if name.startswith("crash"):
        os.kill(os.getpid(), signal.SIGSEGV)
    if name.startswith("hang"):
        time.sleep(3600)
    if name.startswith("hog"):
        hog = bytearray(8 * 2**30)  # more than the address-space limit
        return "failed", None, f"allocated {len(hog)}"
    if name.startswith("pid"):
        return "failed", None, str(os.getpid())
    return extract_in_child(path, settings)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_crash_a_hang_and_a_hog_cost_only_their_file(tmp_path: Path, workers: int) -> None:
    good = str(SEEDS["004"])
    paths = [good, str(tmp_path / "crash.txt"), good, str(tmp_path / "hang.txt"),
             str(tmp_path / "hog.txt"), good]
    settings = ExtractSettings(timeout=5, memory_mb=1024)
    started = time.monotonic()
    results = list(extract_isolated(paths, settings, workers=workers, job=crash_hang_or_hog))
    assert [status for status, _, _ in results] == [
        "extracted", "failed", "extracted", "failed", "failed", "extracted"]
    assert "crashed on this file (SIGSEGV)" in (results[1][2] or "")
    assert results[3][2] == "took longer than 5 s: stopped"
    assert results[4][2] == "out of memory (limit 1024 MB per file)"
    assert json.loads(results[5][1] or "{}")["source"]["path"] == good
    assert time.monotonic() - started < 60


def test_one_worker_is_reused_across_files(tmp_path: Path) -> None:
    paths = [str(tmp_path / f"pid{i}") for i in range(4)]
    results = list(extract_isolated(paths, ExtractSettings(), job=crash_hang_or_hog))
    assert len({error for _, _, error in results}) == 1
    assert results[0][2] != str(os.getpid())


# ---------------------------------------------------------------- import of a hostile batch


def test_import_of_a_hostile_batch_loads_the_good_files_and_prints_the_summary(
        corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Before: the 1000×1000-cell table ended `vanban import` with one worker (a crash or
    a traceback, no summary, later files never loaded)."""
    db = tmp_path / "hostile.db"
    names = ["huge_table.html", "lying_zip_bomb.docx", "deep.html", "roman_numbering.docx",
             "shifted_xref.pdf", "truncated.pdf"]
    args = [sys.executable, "-m", "vanban", "import", "--db", f"sqlite:///{db}",
            "--memory", "2048", "--errors", str(tmp_path / "errors.csv"),
            *(str(corpus[n]) for n in names), str(SEEDS["001"]), str(SEEDS["004"])]
    run = subprocess.run(args, capture_output=True, text=True, timeout=TIME_LIMIT,
                         preexec_fn=_limits, cwd=tmp_path)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    summary = run.stdout.strip().splitlines()[-1]
    assert summary.startswith("files 8, documents 3 ")
    assert "skipped 3, failures 2" in summary
    with sqlite3.connect(db) as conn:
        paths = {p for (p,) in conn.execute("SELECT path FROM documents")}
    assert {str(SEEDS["001"]), str(SEEDS["004"]), str(corpus["huge_table.html"])} <= paths
    skipped = [ln for ln in run.stderr.splitlines() if ln.startswith("vanban: ")
               and ln.endswith(": skipped")]
    assert skipped == [f"vanban: {corpus[n]}: not an administrative document: skipped"
                       for n in ("deep.html", "roman_numbering.docx", "shifted_xref.pdf")]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_skipped_with_a_line(tmp_path: Path) -> None:
    """Before: `vanban import FIFO` blocked on the read for ever."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    args = [sys.executable, "-m", "vanban", "import", "--db", f"sqlite:///{tmp_path / 'f.db'}",
            str(fifo), str(SEEDS["004"])]
    run = subprocess.run(args, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert f"vanban: {fifo}: not a regular file (FIFO, socket or device): skipped" in (
        run.stderr.splitlines())
    assert "documents 1 (loaded 1" in run.stdout
    extract = subprocess.run([sys.executable, "-m", "vanban", "extract", str(fifo)],
                             capture_output=True, text=True, timeout=60)
    assert extract.returncode == 1
    assert "not a regular file" in extract.stderr


def test_a_docx_past_the_text_limit_is_read_in_part(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The text-size cap holds for Word files as for text and HTML (issue 16, item 2)."""
    import extract.readers.docx as docx_reader
    from extract import read_document
    from scripts.make_hostile_corpus import DOC_XML, _docx_bytes, _para

    path = tmp_path / "long.docx"
    path.write_bytes(_docx_bytes(DOC_XML.format(body=_para("Một đoạn văn dài. " * 50) * 40)))
    monkeypatch.setattr(docx_reader, "MAX_TEXT_BYTES", 5000)
    doc = read_document(path)
    assert len(doc.blocks) == 6  # 900 characters each: the sixth passes 5,000
    assert [w.message for w in doc.warnings] == [
        "input limit reached: more than 5000 characters of text: the rest skipped"]
