"""The read-side commands on a database built from records made in code."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from load.db import make_engine, upgrade
from load.loader import load_record
from schemas import Citation, Loc
from tests.load.factories import make_record
from vanban.cli import app

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'v.db'}"
    engine = make_engine(url)
    upgrade(engine)
    bad = Citation(raw="Nghị định số 45/2025/NĐ-CP", doc_type="nghi_dinh", number="45/2025/NĐ-CP",
                   serial="45", year=2025, symbol="NĐ-CP", issuer="Chính phủ",
                   date="2026-01-01", role="basis", loc=Loc(page=1))
    with engine.begin() as conn:
        load_record(conn, make_record())
        load_record(conn, make_record(number="1/KH-UBND", content="b").model_copy(
            update={"citations": [bad]}))
    return url


def test_compare_csv_names_the_source(db: str) -> None:
    result = runner.invoke(app, ["compare", "--indicator", "satisfaction_procedures",
                                 "--format", "csv", "--db", db])
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("indicator,province,issuer,document,plan,target_year,value")
    assert any("3667/QĐ-UBND" in ln and "> 95%" in ln for ln in lines[1:])


def test_audit_fail_on_inconsistent_exits_1(db: str) -> None:
    result = runner.invoke(app, ["audit", "--format", "json", "--fail-on", "inconsistent",
                                 "--db", db])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert {i["check"] for i in data["inconsistent"]} >= {"cited_after_citing"}
    assert len(data["unresolved"]) == 2


def test_export_parquet_round_trips(db: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["export", str(out), "--format", "parquet", "--db", db])
    assert result.exit_code == 0
    tasks = pd.read_parquet(out / "v_tasks.parquet")
    assert list(tasks["lead"]) == ["Sở Xây dựng; Sở Kế hoạch và Đầu tư"] * 2


def test_show_prints_header_and_tasks(db: str) -> None:
    result = runner.invoke(app, ["show", "3667/QĐ-UBND", "--db", db])
    assert result.exit_code == 0
    assert "Ủy ban nhân dân tỉnh Nghệ An" in result.stdout
    assert "Đánh giá mức độ hài lòng" in result.stdout


def test_show_unknown_document_is_one_line(db: str) -> None:
    result = runner.invoke(app, ["show", "999/XX", "--db", db])
    assert result.exit_code == 1
    assert result.stderr.strip() == "vanban: 999/XX: no such document in the database"


def test_commands_on_a_missing_database_say_so(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'none.db'}"
    result = runner.invoke(app, ["compare", "--db", url])
    assert result.exit_code == 1
    assert "no vanban database here" in result.stderr


# --- issue 17: exports and JSON; issue 16 item 8: CSV formula injection ---

HOSTILE_CELLS = ["=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
                 "\tTAB", "\rCR"]


@pytest.fixture
def hostile_db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'h.db'}"
    engine = make_engine(url)
    upgrade(engine)
    record = make_record(number="=1+1/QĐ-UBND", content="h")
    tasks = [record.tasks[0].model_copy(update={"name": cell, "lead": [cell]})
             for cell in HOSTILE_CELLS]
    bare = make_record(content="noyear")
    bare = bare.model_copy(update={"plan": None, "targets": [
        bare.targets[0].model_copy(update={"year": None, "text": "-5% hồ sơ trễ hạn"})]})
    with engine.begin() as conn:
        load_record(conn, record.model_copy(update={"tasks": tasks}))
        load_record(conn, bare)
    return url


def test_export_csv_neutralises_formulas_and_keeps_numbers(hostile_db: str,
                                                           tmp_path: Path) -> None:
    out = tmp_path / "csv"
    assert runner.invoke(app, ["export", str(out), "--db", hostile_db]).exit_code == 0
    tasks = pd.read_csv(out / "v_tasks.csv", dtype=str, keep_default_na=False)
    tasks = tasks[tasks["document_number"] == "'=1+1/QĐ-UBND"]
    # a CR inside a cell is written as LF, so the row is quoted, not split
    assert sorted(tasks["task_name"]) == sorted("'" + c.replace("\r", "\n")
                                                for c in HOSTILE_CELLS)
    targets = pd.read_csv(out / "v_targets.csv")
    assert targets["value"].tolist() == [95.0, 95.0]  # numbers stay numbers
    assert "'-5% hồ sơ trễ hạn" in targets["text"].tolist()


def test_export_csv_raw_keeps_cells_for_machines(hostile_db: str, tmp_path: Path) -> None:
    out = tmp_path / "raw"
    assert runner.invoke(app, ["export", str(out), "--raw", "--db", hostile_db]).exit_code == 0
    tasks = pd.read_csv(out / "v_tasks.csv", dtype=str, keep_default_na=False)
    assert set(tasks["task_name"]) >= {c for c in HOSTILE_CELLS if c[0] not in "\t\r"}


def test_compare_csv_neutralises_formulas(hostile_db: str) -> None:
    result = runner.invoke(app, ["compare", "--format", "csv", "--db", hostile_db])
    assert result.exit_code == 0
    assert ",'=1+1/QĐ-UBND," in result.stdout
    assert ",'-5% hồ sơ trễ hạn," in result.stdout
    raw = runner.invoke(app, ["compare", "--format", "csv", "--raw", "--db", hostile_db])
    assert ",=1+1/QĐ-UBND," in raw.stdout


def test_years_are_integers_in_csv_json_and_parquet(hostile_db: str, tmp_path: Path) -> None:
    for fmt in ("csv", "json", "parquet"):
        out = tmp_path / fmt
        assert runner.invoke(app, ["export", str(out), "--format", fmt,
                                   "--db", hostile_db]).exit_code == 0
    csv_text = (tmp_path / "csv" / "v_targets.csv").read_text(encoding="utf-8")
    assert ",2025," in csv_text
    assert "2025.0" not in csv_text
    rows = json.loads((tmp_path / "json" / "v_targets.json").read_text(encoding="utf-8"))
    assert sorted((r["year_start"], r["target_year"]) for r in rows if r["year_start"]) == [
        (2025, 2025)]
    assert [r["target_year"] for r in rows if r["year_start"] is None] == [None]
    parquet = pd.read_parquet(tmp_path / "parquet" / "v_targets.parquet")
    assert str(parquet["target_year"].dtype) == "Int64"
    assert str(parquet["year_start"].dtype) == "Int64"


def test_json_is_not_escaped_and_dates_are_iso(db: str, tmp_path: Path) -> None:
    out = tmp_path / "json"
    assert runner.invoke(app, ["export", str(out), "--format", "json", "--db", db]).exit_code == 0
    text = (out / "v_citations.json").read_text(encoding="utf-8")
    assert '"cited_number": "76/NQ-CP"' in text
    assert "\\/" not in text
    assert '"cited_date": "2021-07-15"' in text
    result = runner.invoke(app, ["compare", "--format", "json", "--db", db])
    assert '"document": "3667/QĐ-UBND"' in result.stdout
    assert '"target_year": 2025' in result.stdout


def test_compare_unknown_indicator_lists_the_known_codes(db: str) -> None:
    result = runner.invoke(app, ["compare", "--indicator", "satisfaction", "--db", db])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("vanban: --indicator: unknown code 'satisfaction'; known codes:")
    assert "satisfaction_procedures" in lines[0]
    assert "data_reuse" in lines[0]


def test_compare_shows_a_target_stated_twice_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'twice.db'}"
    engine = make_engine(url)
    upgrade(engine)
    record = make_record(number=None, content="twice")
    target = record.targets[0]
    with engine.begin() as conn:
        load_record(conn, record.model_copy(update={"targets": [target, target]}))
    result = runner.invoke(app, ["compare", "--format", "json", "--db", url])
    rows = json.loads(result.stdout)
    assert len(rows) == 1
    assert rows[0]["document"] == "twice.pdf"  # no number: named by its file


# --- issue 17: show; issue 16 item 9: no escape sequences reach the terminal ---

def test_show_values_read_as_written_and_tasks_name_their_section(tmp_path: Path) -> None:
    from schemas import Target
    from schemas.codes import TaskSource

    url = f"sqlite:///{tmp_path / 's.db'}"
    engine = make_engine(url)
    upgrade(engine)
    record = make_record(content="show")
    body_task = record.tasks[0].model_copy(update={
        "name": "Tổ chức đối thoại", "source": TaskSource.TEXT, "group": "III.2", "no": None,
        "loc": Loc(page=2, section="III.2")})
    targets = [Target(text="Giảm tối thiểu 2,5% chi hỗ trợ", metric="percent", value=2.5,
                      comparator=">=", unit="%", direction="decrease", year=2025),
               Target(text="đến 69/69 xã", metric="count", value=69, out_of=69,
                      comparator=">=", unit="xã", year=2025)]
    with engine.begin() as conn:
        load_record(conn, record.model_copy(update={"targets": targets,
                                                    "tasks": [*record.tasks, body_task]}))
    result = runner.invoke(app, ["show", "3667/QĐ-UBND", "--db", url])
    assert result.exit_code == 0
    assert "giảm ≥ 2,5%" in result.stdout
    assert "69/69 xã" in result.stdout
    row = next(ln for ln in result.stdout.splitlines() if "Tổ chức đối thoại" in ln)
    assert "III.2" in row
    as_json = json.loads(runner.invoke(app, ["show", "3667/QĐ-UBND", "--json",
                                             "--db", url]).stdout)
    assert as_json["targets"][0]["value"] == 2.5


def test_show_strips_terminal_escapes_from_document_text(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'esc.db'}"
    engine = make_engine(url)
    upgrade(engine)
    record = make_record(content="esc")
    evil = "Sở \x1b[2J\x1b]0;owned\x07Nội vụ\x9b31m [bold]x[/bold] \u202eabc\x07"
    record = record.model_copy(update={
        "document": record.document.model_copy(update={"title": evil}),
        "tasks": [record.tasks[0].model_copy(update={"name": evil})]})
    with engine.begin() as conn:
        load_record(conn, record)
    result = runner.invoke(app, ["show", "3667/QĐ-UBND", "--db", url])
    assert result.exit_code == 0
    out = result.stdout
    assert not any(ch in out for ch in "\x1b\x07\x9b\u202e")
    assert "Sở Nội vụ [bold]x[/bold] abc" in out


def test_compare_html_titles_in_vietnamese_and_escapes(hostile_db: str, tmp_path: Path) -> None:
    out = tmp_path / "c.html"
    result = runner.invoke(app, ["compare", "--format", "html", "--out", str(out),
                                 "--db", hostile_db])
    assert result.exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "Mức độ hài lòng của người dân, doanh nghiệp về giải quyết TTHC (%)" in page
    assert 'title="satisfaction_procedures"' in page  # the code only as a tooltip
    assert ">satisfaction_procedures<" not in page
    for missing in (">nan<", ">None<", "&lt;NA&gt;"):
        assert missing not in page


# --- issue 17: CLI polish ---

def test_version_prints_the_package_version() -> None:
    from importlib.metadata import version

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"vanban {version('vanban')}"


@pytest.mark.parametrize("command", [[], ["extract"], ["import"], ["compare"], ["audit"],
                                     ["export"], ["show"], ["report"], ["db", "upgrade"],
                                     ["db", "current"]], ids=lambda c: " ".join(c) or "vanban")
def test_help_has_no_type_markers(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage: vanban" in result.stdout
    for marker in ("<bool>", "<str>", "<int", "<path>", "<list[", "<float>", "{"):
        assert marker not in result.stdout, (command, marker)
