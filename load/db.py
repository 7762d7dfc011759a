"""Engines and schema upgrades. SQLite by default (`vanban.db`, WAL); any SQLAlchemy URL."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect

DEFAULT_URL = "sqlite:///vanban.db"


def database_url(url: str | None = None) -> str:
    """--db, else $VANBAN_DB, else vanban.db in the working directory."""
    url = url or os.environ.get("VANBAN_DB") or DEFAULT_URL
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def make_engine(url: str | None = None) -> Engine:
    url = database_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 60})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def alembic_config():  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` (tables, views, reference data)."""
    from alembic import command
    from sqlalchemy import text

    cfg = alembic_config()
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # two imports starting at once must not both create the schema
            conn.execute(text("SELECT pg_advisory_xact_lock(7204001)"))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        if revision == "head":
            from load.reference import refresh_reference_data

            refresh_reference_data(conn)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def has_schema(engine: Engine) -> bool:
    return "documents" in inspect(engine).get_table_names()
