"""`vanban extract` as a user meets it: the contract on stdout, and for each bad input
exactly one line `vanban: PATH: REASON` on stderr, exit code 1, the other files still
coming out (sqlite-utils' style of testing errors word for word)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scripts.make_hostile_corpus import encrypted_pdf, simple_pdf
from tests.conftest import SAMPLES, SEEDS
from vanban.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def bad(tmp_path_factory) -> dict[str, Path]:  # type: ignore[no-untyped-def]
    d = tmp_path_factory.mktemp("bad")
    files = {
        "truncated.pdf": simple_pdf(5)[:400],
        "encrypted.pdf": encrypted_pdf(),
        "empty.txt": b"",
        "not_a_zip.docx": "không phải tệp Word".encode(),
        "unknown.bin": bytes(range(256)) * 8,
    }
    for name, data in files.items():
        (d / name).write_bytes(data)
    return {name: d / name for name in files} | {"missing.pdf": d / "missing.pdf"}


REASONS = {
    "truncated.pdf": "damaged or truncated PDF",
    "encrypted.pdf": "encrypted PDF (password required)",
    "empty.txt": "empty file",
    "not_a_zip.docx": "not a Word .docx file (not a zip package)",
    "unknown.bin": "binary file of an unsupported type",
    "missing.pdf": "file not found",
}


@pytest.mark.parametrize("name", sorted(REASONS))
def test_bad_input_is_one_exact_line_and_the_good_file_still_comes_out(bad, name) -> None:  # type: ignore[no-untyped-def]
    good = SEEDS["004"]
    result = runner.invoke(app, ["extract", "--jsonl", str(bad[name]), str(good)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"vanban: {bad[name]}: {REASONS[name]}"]
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"]["path"] for r in records] == [str(good)]


def test_json_is_the_contract(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", "--json", str(SEEDS["001"])])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["schema_version"] == "1"
    assert data["source"]["format"] == "md"
    assert data["document"]["number"] == "3667/QĐ-UBND"
    assert set(data) == {"schema_version", "source", "document", "plan", "sections", "targets",
                         "tasks", "citations", "agencies", "warnings", "quality"}


def test_a_scan_without_ocr_gets_no_text_layer(tmp_path: Path) -> None:
    from PIL import Image

    scan = tmp_path / "scan.pdf"
    Image.new("L", (600, 800), 255).save(scan, "PDF", resolution=72)
    result = runner.invoke(app, ["extract", "--json", "--ocr", "off", str(scan)])
    assert result.exit_code == 0
    codes = [w["code"] for w in json.loads(result.stdout)["warnings"]]
    assert "no_text_layer" in codes


def test_blocks_shows_the_appendix_table_of_the_docx_rendering() -> None:
    result = runner.invoke(app, ["extract", "--blocks", str(SAMPLES / "001_1a5f14619ac43e8b.docx")])
    assert result.exit_code == 0
    assert "TABLE 53×6 header_rows=1" in result.stdout


def test_usage_error_exits_2() -> None:
    result = runner.invoke(app, ["extract", "--ocr", "sometimes", str(SEEDS["004"])])
    assert result.exit_code == 2
