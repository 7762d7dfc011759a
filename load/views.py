"""The stable views of CONTRACT §4, from load/views/*.sql (same columns on every dialect)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Connection

# citation_status is internal (the audit reads it); the others are CONTRACT §4.
VIEW_NAMES = ("v_targets", "v_tasks", "citation_status", "v_citations", "agency_successors")


def view_sql(name: str) -> str:
    return (Path(__file__).parent / "views" / f"{name}.sql").read_text(encoding="utf-8")


def create_views(conn: Connection) -> None:
    """(Re)create every view: drop first so a changed definition replaces the old one."""
    drop_views(conn)
    for name in VIEW_NAMES:
        conn.execute(text(view_sql(name)))


def drop_views(conn: Connection) -> None:
    for name in reversed(VIEW_NAMES):
        conn.execute(text(f"DROP VIEW IF EXISTS {name}"))
