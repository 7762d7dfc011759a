"""The database layer on SQLite and PostgreSQL: schema, views, idempotence, versions,
one transaction per document, migrations."""

from __future__ import annotations

import pytest
from sqlalchemy import func, inspect, select, text

from load import loader as loader_module
from load import tables as t
from load.db import make_engine, upgrade
from load.loader import load_record
from tests.load.factories import make_record

CONTRACT_VIEWS = {
    "v_targets": ["document_id", "document_number", "doc_type", "issuer", "province",
                  "year_start", "year_end", "area", "indicator", "metric", "value", "value_max",
                  "comparator", "direction", "unit", "out_of", "target_year", "text"],
    "v_tasks": ["document_id", "document_number", "province", "area", "task_group", "task_no",
                "task_name", "lead", "support", "deadline_raw", "deadline_kind", "deadline_end",
                "funding"],
    "v_citations": ["document_id", "citing_number", "citing_province", "doc_type",
                    "cited_number", "cited_date", "cited_issuer", "role",
                    "resolved_document_id", "audit_status"],
    "agency_successors": ["agency", "province", "successor", "effective_date", "basis"],
}


def _engine(url: str):  # type: ignore[no-untyped-def]
    engine = make_engine(url)
    upgrade(engine)
    return engine


def _count(engine, table) -> int:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


@pytest.mark.parametrize("view", sorted(CONTRACT_VIEWS))
def test_views_have_the_contract_columns(db_url: str, view: str) -> None:
    engine = _engine(db_url)
    with engine.connect() as conn:
        result = conn.execute(text(f"SELECT * FROM {view} WHERE 1 = 0"))
        assert list(result.keys()) == CONTRACT_VIEWS[view]


def test_record_lands_in_the_views(db_url: str) -> None:
    engine = _engine(db_url)
    with engine.begin() as conn:
        assert load_record(conn, make_record()).status == "loaded"
    with engine.connect() as conn:
        target = conn.execute(text("SELECT * FROM v_targets")).mappings().one()
        task = conn.execute(text("SELECT * FROM v_tasks")).mappings().one()
        cit = conn.execute(text("SELECT * FROM v_citations")).mappings().one()
    assert (target["province"], target["value"], target["comparator"]) == ("Nghệ An", 95.0, ">")
    assert target["document_number"] == "3667/QĐ-UBND"
    assert task["lead"] == "Sở Xây dựng; Sở Kế hoạch và Đầu tư"
    assert task["deadline_end"] == "2025-11-30"
    assert (cit["cited_number"], cit["audit_status"]) == ("76/NQ-CP", "unresolved")


def test_same_file_again_changes_nothing(db_url: str) -> None:
    engine = _engine(db_url)
    record = make_record()
    for expected in ("loaded", "unchanged"):
        with engine.begin() as conn:
            assert load_record(conn, record).status == expected
    assert _count(engine, t.documents) == 1
    assert _count(engine, t.tasks) == 1


def test_new_version_replaces_the_old_and_is_recorded(db_url: str) -> None:
    engine = _engine(db_url)
    with engine.begin() as conn:
        load_record(conn, make_record(content="v1"))
    with engine.begin() as conn:
        assert load_record(conn, make_record(content="v2")).status == "replaced"
    # the superseded file, imported again, must not come back
    with engine.begin() as conn:
        assert load_record(conn, make_record(content="v1")).status == "unchanged"
    assert _count(engine, t.documents) == 1
    assert _count(engine, t.targets) == 1
    with engine.connect() as conn:
        rep = conn.execute(select(t.document_replacements)).mappings().one()
        path = conn.execute(select(t.documents.c.path)).scalar_one()
    assert path == "/data/v2.pdf"
    assert rep["old_path"] == "/data/v1.pdf"


def test_a_citation_resolves_to_a_loaded_document(db_url: str) -> None:
    engine = _engine(db_url)
    cited = make_record(number="76/NQ-CP", content="nq76", issued="2021-07-15")
    with engine.begin() as conn:
        load_record(conn, make_record())
        load_record(conn, cited.model_copy(update={"document": cited.document.model_copy(
            update={"symbol": "NQ-CP", "issuer": "Chính phủ"})}))
    with engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT citing_number, audit_status, resolved_document_id FROM v_citations "
            "WHERE citing_number = '3667/QĐ-UBND'")).all()
    assert rows[0][1] == "resolved"
    assert rows[0][2] is not None


def test_a_failing_document_leaves_nothing_behind(db_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    engine = _engine(db_url)
    with engine.begin() as conn:
        load_record(conn, make_record(number="1/QĐ-UBND", content="kept"))

    def boom(*_a, **_k):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk full")

    monkeypatch.setattr(loader_module, "_insert_tasks", boom)
    with pytest.raises(RuntimeError), engine.begin() as conn:
        load_record(conn, make_record(number="2/QĐ-UBND", content="lost"))
    assert _count(engine, t.documents) == 1
    assert _count(engine, t.source_files) == 1


def test_database_of_revision_0001_upgrades_without_loss(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    upgrade(engine, "0001")
    assert "v_targets" not in inspect(engine).get_view_names()
    with engine.begin() as conn:
        load_record(conn, make_record())
    upgrade(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM v_tasks")).scalar_one() == 1


def test_agency_successors_view_answers_the_2025_mergers(db_url: str) -> None:
    engine = _engine(db_url)
    with engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT successor, effective_date, basis FROM agency_successors "
            "WHERE agency = 'Sở Kế hoạch và Đầu tư'")).all()
    assert rows, "Sở Kế hoạch và Đầu tư merged into Sở Tài chính in 2025"
    assert rows[0][0] == "Sở Tài chính"
    assert rows[0][1].startswith("2025-")
    assert rows[0][2]


def test_migrations_leave_the_schema_the_models_describe(db_url: str) -> None:
    """The chain of migrations and load/tables.py agree (alembic's autogenerate diff)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    engine = _engine(db_url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), t.metadata)
    assert diff == []


def test_task_agencies_carry_the_province_of_their_agency(db_url: str) -> None:
    engine = _engine(db_url)
    with engine.begin() as conn:
        load_record(conn, make_record())
    with engine.connect() as conn:
        rows = dict(conn.execute(text(
            "SELECT agency, province FROM task_agencies ORDER BY role, position")).all())
    # the record names Sở Nội vụ of Nghệ An; the other two are not in its agency list
    assert rows == {"Sở Xây dựng": None, "Sở Kế hoạch và Đầu tư": None, "Sở Nội vụ": "Nghệ An"}
