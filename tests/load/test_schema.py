"""The schema is made whole or not at all (issue 16): one transaction under a lock, so a
kill halfway leaves nothing and two processes starting on a new database make it once;
a half-made schema from an older vanban is finished when empty, reported when not."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

import load.reference
from load.db import alembic_config, current_revision, make_engine, upgrade
from load.errors import SchemaIncomplete
from load.tables import metadata
from tests.conftest import SEEDS


def _head() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


HEAD = _head()  # the newest migration, whichever it is


def test_a_failure_while_making_the_schema_leaves_no_table(db_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Before: pysqlite committed each CREATE TABLE on its own, and a kill halfway left
    tables without alembic_version; every later run failed with `table … already exists`."""
    def killed(_conn):  # type: ignore[no-untyped-def]
        raise RuntimeError("killed while making the schema")

    engine = make_engine(db_url)
    monkeypatch.setattr(load.reference, "refresh_reference_data", killed)
    with pytest.raises(RuntimeError):
        upgrade(engine)
    assert inspect(engine).get_table_names() == []
    monkeypatch.undo()
    upgrade(engine)
    assert current_revision(engine) == HEAD


def _half_made(url: str) -> None:
    """What an interrupted older setup left: the tables, no alembic_version."""
    engine = make_engine(url)
    metadata.create_all(engine, tables=metadata.sorted_tables[:5])
    engine.dispose()


def test_an_empty_half_made_schema_is_finished(db_url: str) -> None:
    _half_made(db_url)
    engine = make_engine(db_url)
    upgrade(engine)
    assert current_revision(engine) == HEAD
    assert {"documents", "v_targets"} <= set(inspect(engine).get_table_names()) | set(
        inspect(engine).get_view_names())


def test_a_half_made_schema_with_data_is_reported_with_the_fix(db_url: str) -> None:
    _half_made(db_url)
    engine = make_engine(db_url)
    table = metadata.sorted_tables[0]
    with engine.begin() as conn:
        conn.execute(text(f"DELETE FROM {table.name}"))
        conn.execute(table.insert().values(**_a_row(table)))
    with pytest.raises(SchemaIncomplete, match="move it aside and import into a new one"):
        upgrade(engine)


def _a_row(table) -> dict[str, object]:  # type: ignore[no-untyped-def]
    values: dict[str, object] = {}
    for column in table.columns:
        if column.primary_key or column.nullable:
            continue
        values[column.name] = 0 if column.type.python_type is int else "x"
    return values


def test_the_cli_reports_a_half_made_schema_in_one_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'half.db'}"
    _half_made(url)
    engine = make_engine(url)
    table = metadata.sorted_tables[0]
    with engine.begin() as conn:
        conn.execute(table.insert().values(**_a_row(table)))
    run = subprocess.run([sys.executable, "-m", "vanban", "import", "--db", url,
                          str(SEEDS["004"])], capture_output=True, text=True, timeout=120,
                         cwd=tmp_path)
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        "vanban: database: it holds vanban tables with data but no schema version "
        "(made by hand, or by an interrupted setup): move it aside and import into a new one"]


def test_two_imports_started_together_on_a_new_file_both_finish(tmp_path: Path) -> None:
    """Before: one of them aborted (`table … already exists`, or `database is locked`)."""
    url = f"sqlite:///{tmp_path / 'new.db'}"
    runs = [subprocess.Popen([sys.executable, "-m", "vanban", "import", "--db", url,
                              "--errors", str(tmp_path / f"e{i}.csv"), str(SEEDS[seed])],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             cwd=tmp_path)
            for i, seed in enumerate(("003", "004"))]
    outs = [p.communicate(timeout=180) for p in runs]
    assert [p.returncode for p in runs] == [0, 0], outs
    assert current_revision(make_engine(url)) == HEAD
