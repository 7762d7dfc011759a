"""Engines and schema upgrades. SQLite by default (`vanban.db`, WAL); any SQLAlchemy URL."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import ArgumentError

from load.errors import BadDatabaseUrl, SchemaIncomplete

DEFAULT_URL = "sqlite:///vanban.db"
SCHEMES = ("sqlite", "postgresql")  # the dialects vanban's views are written for
_PG_SCHEMA_LOCK = 7204001  # any constant: every vanban process takes the same advisory lock


def database_url(url: str | None = None) -> str:
    """--db, else $VANBAN_DB, else vanban.db in the working directory."""
    url = url or os.environ.get("VANBAN_DB") or DEFAULT_URL
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def make_engine(url: str | None = None) -> Engine:
    """Raises BadDatabaseUrl for a URL that names no database vanban can use."""
    url = database_url(url)
    scheme = url.partition(":")[0].partition("+")[0]
    if "://" not in url:
        raise BadDatabaseUrl(f"{url!r} is not a database URL (sqlite:///FILE or "
                             "postgresql://USER@HOST/DB)")
    if scheme not in SCHEMES:
        hint = " (write postgresql://)" if scheme == "postgres" else ""
        raise BadDatabaseUrl(f"unsupported database {scheme!r}{hint}: vanban works with "
                             "sqlite:///FILE or postgresql://USER@HOST/DB")
    try:
        if scheme == "sqlite":
            return _sqlite_engine(url)
        engine = create_engine(url, pool_pre_ping=True)
        _ = engine.url.port  # a malformed port is only noticed when read
        return engine
    except (ArgumentError, ValueError, ImportError) as exc:
        raise BadDatabaseUrl(f"malformed database URL: {exc}") from exc


def _sqlite_engine(url: str, *, immediate: bool = False) -> Engine:
    engine = create_engine(url, connect_args={"timeout": 60})
    event.listen(engine, "connect", _sqlite_pragmas)
    if immediate:
        # pysqlite commits before DDL on its own; let SQLAlchemy open the transaction
        # itself, as BEGIN IMMEDIATE, so the whole schema is made under one write lock.
        event.listen(engine, "connect", _no_driver_transactions)
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
    return engine


def _no_driver_transactions(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    dbapi_conn.isolation_level = None


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    import sqlite3
    from contextlib import suppress

    cur = dbapi_conn.cursor()
    with suppress(sqlite3.OperationalError):  # a read-only file keeps its journal mode
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
    """Bring the schema to `revision` (tables, views, reference data), in one transaction
    under a lock: two processes starting on a new database make it once, and a process
    killed halfway leaves nothing behind.

    Raises:
        SchemaIncomplete: tables from an interrupted older setup that hold data.
    """
    from alembic import command

    schema_engine = engine
    if engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:"):
        schema_engine = _sqlite_engine(engine.url.render_as_string(hide_password=False),
                                       immediate=True)
    cfg = alembic_config()
    try:
        with schema_engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text(f"SELECT pg_advisory_xact_lock({_PG_SCHEMA_LOCK})"))
            _finish_half_made(conn)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
            if revision == "head":
                from load.reference import refresh_reference_data

                refresh_reference_data(conn)
    finally:
        if schema_engine is not engine:
            schema_engine.dispose()


def _finish_half_made(conn: Connection) -> None:
    """Tables but no schema version: the setup of an older vanban was interrupted (its
    DDL was not one transaction). Empty, they are dropped and made again; with data,
    vanban stops and says what to do rather than guess which version they are."""
    from alembic.runtime.migration import MigrationContext

    from load.tables import metadata

    if MigrationContext.configure(conn).get_current_revision() is not None:
        return
    names = set(inspect(conn).get_table_names())
    ours = [t for t in reversed(metadata.sorted_tables) if t.name in names]
    if not ours:
        return
    if any(conn.execute(t.select().limit(1)).first() for t in ours):
        raise SchemaIncomplete(
            "it holds vanban tables with data but no schema version (made by "
            "hand, or by an interrupted setup): move it aside and import into a new one")
    from load.views import drop_views

    drop_views(conn)
    for table in ours:
        table.drop(conn)
    conn.execute(text("DROP TABLE IF EXISTS alembic_version"))


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def has_schema(engine: Engine) -> bool:
    return "documents" in inspect(engine).get_table_names()
