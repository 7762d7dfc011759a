"""`vanban extract` as a user meets it: the contract on stdout, and for each bad input
exactly one line `vanban: PATH: REASON` on stderr, exit code 1, the other files still
coming out (sqlite-utils' style of testing errors word for word)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.options import OcrMode
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


# ---------------------------------------------------------------- one line in every command
# (issue 16): a usage error exits 2, a failure at run time 1, never a traceback.

def _commands(tmp: Path) -> dict[str, list[str]]:
    return {
        "compare": ["compare", "--format", "csv"],
        "audit": ["audit"],
        "export": ["export", str(tmp / "out")],
        "show": ["show", "1"],
        "report": ["report", "--out", str(tmp / "r.html")],
        "import": ["import", "--errors", str(tmp / "e.csv"), str(SEEDS["004"])],
        "db upgrade": ["db", "upgrade"],
        "db current": ["db", "current"],
    }


COMMANDS = ["compare", "audit", "export", "show", "report", "import", "db upgrade", "db current"]
BAD_URLS = {
    "postgres://u@localhost/x": "unsupported database 'postgres' (write postgresql://)",
    "mysql://u@localhost/x": "unsupported database 'mysql'",
    "notaurl": "'notaurl' is not a database URL",
    "postgresql://::::/x": "malformed database URL",
}


@pytest.mark.parametrize("url", sorted(BAD_URLS))
@pytest.mark.parametrize("command", COMMANDS)
def test_a_malformed_database_url_is_a_usage_error(tmp_path: Path, command: str,
                                                   url: str) -> None:
    result = runner.invoke(app, [*_commands(tmp_path)[command], "--db", url])
    assert result.exit_code == 2, result.stderr
    assert result.stderr.splitlines() == [f"vanban: --db: {BAD_URLS[url]}"] or (
        len(result.stderr.splitlines()) == 1
        and result.stderr.startswith(f"vanban: --db: {BAD_URLS[url]}"))


@pytest.mark.parametrize("command", COMMANDS)
def test_an_unreachable_server_is_one_line_exit_1(tmp_path: Path, command: str) -> None:
    url = "postgresql://vanban@127.0.0.1:1/vanban"  # nothing listens on port 1
    result = runner.invoke(app, [*_commands(tmp_path)[command], "--db", url])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("vanban: database unavailable: "), lines
    assert "Connection refused" in lines[0]


@pytest.fixture(scope="module")
def read_only_url(tmp_path_factory) -> str:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("ro") / "vanban.db"
    assert runner.invoke(app, ["import", "--db", f"sqlite:///{path}", str(SEEDS["004"])]
                         ).exit_code == 0
    return f"sqlite:///file:{path}?mode=ro&uri=true"


@pytest.mark.parametrize(("command", "exit_code"), [
    ("compare", 0), ("audit", 0), ("export", 0), ("show", 0), ("report", 0),
    ("import", 1), ("db upgrade", 1), ("db current", 0),
])
def test_a_read_only_database_is_read_and_never_written(tmp_path: Path, read_only_url: str,
                                                       command: str, exit_code: int) -> None:
    result = runner.invoke(app, [*_commands(tmp_path)[command], "--db", read_only_url])
    assert result.exit_code == exit_code, result.stderr
    if exit_code:
        assert result.stderr.splitlines()[-1] == (
            "vanban: database unavailable: attempt to write a readonly database")


@pytest.mark.parametrize(("args", "message"), [
    (["import", "--ocr", "sometimes"], "'sometimes' is not one of 'auto', 'force', 'off'"),
    (["extract", "--ocr", "sometimes"], "'sometimes' is not one of 'auto', 'force', 'off'"),
    (["import", "--executor", "threads"], "'threads' is not one of 'local', 'dask'"),
    (["import", "--executor", "dask"], "the dask executor needs a scheduler address"),
    (["import", "--workers", "0"], "Invalid value for '--workers'"),
])
def test_a_mistyped_option_is_a_usage_error(args: list[str], message: str) -> None:
    """Before: `vanban import --ocr sometimes` exited 0."""
    result = runner.invoke(app, [*args, str(SEEDS["004"])])
    assert result.exit_code == 2
    assert message in result.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["compare", "--format", "xls"], "'xls' is not one of 'table', 'csv', 'json', 'html'"),
    (["audit", "--format", "html"], "'html' is not one of 'table', 'csv', 'json'"),
    (["audit", "--fail-on", "unresolved"], "'unresolved' is not one of 'inconsistent'"),
    (["export", "--format", "xlsx", "out"], "'xlsx' is not one of 'csv', 'parquet', 'json'"),
])
def test_a_mistyped_format_is_a_usage_error(args: list[str], message: str,
                                              tmp_path: Path) -> None:
    """The choices are checked before the database is opened: exit 2 and one line."""
    result = runner.invoke(app, [*args, "--db", f"sqlite:///{tmp_path / 'none.db'}"])
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_settings_refuse_what_the_cli_refuses() -> None:
    from vanban.settings import ExtractSettings, ImportSettings

    with pytest.raises(ValueError):
        ExtractSettings(ocr="sometimes")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        ImportSettings(executor="dask")
    with pytest.raises(ValueError):
        ImportSettings(workers=0)
    assert ExtractSettings(ocr="off").ocr is OcrMode.OFF  # type: ignore[arg-type]


def test_import_skips_what_is_not_a_document_unless_keep_empty(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Gọi lại.\n", encoding="utf-8")
    readme = tmp_path / "README.md"
    readme.write_text("# vanban\n\nCách dùng: `vanban import`.\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'v.db'}"
    result = runner.invoke(app, ["import", "--db", db, str(note), str(readme), str(SEEDS["004"])])
    assert result.exit_code == 0
    assert [ln for ln in result.stderr.splitlines() if ln.startswith("vanban:")] == [
        f"vanban: {note}: not an administrative document: skipped",
        f"vanban: {readme}: not an administrative document: skipped",
    ]
    assert "documents 1 (loaded 1," in result.stdout and "skipped 2," in result.stdout
    kept = runner.invoke(app, ["import", "--db", db, "--keep-empty", str(note), str(readme)])
    assert kept.exit_code == 0
    assert "documents 2 (loaded 2," in kept.stdout


def test_every_file_gets_one_result_with_its_status(bad) -> None:  # type: ignore[no-untyped-def]
    from vanban import FileStatus, extract_records

    good = SEEDS["004"]
    results = list(extract_records([good, bad["empty.txt"], bad["missing.pdf"]]))
    assert [r.status for r in results] == [FileStatus.EXTRACTED, FileStatus.FAILED,
                                           FileStatus.FAILED]
    assert [r.error for r in results] == [None, "empty file", "file not found"]
    assert results[0].record is not None
    assert results[0].warnings == tuple(results[0].record.warnings)
    assert results[1].record is None and results[1].warnings == ()
