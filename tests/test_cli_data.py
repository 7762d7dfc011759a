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
