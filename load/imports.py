"""The import log: one row per `vanban import` run, with its counts."""

from __future__ import annotations

from sqlalchemy import Engine, insert, update

from load import tables as t
from load.loader import now_iso


def begin_import(engine: Engine, files: int) -> int:
    with engine.begin() as conn:
        result = conn.execute(insert(t.imports).values(
            started_at=now_iso(), status="running", files=files, loaded=0, unchanged=0,
            replaced=0, failures=0).returning(t.imports.c.id))
        return int(result.scalar_one())


def finish_import(engine: Engine, import_id: int, *, status: str, counts: dict[str, int]) -> None:
    with engine.begin() as conn:
        conn.execute(update(t.imports).where(t.imports.c.id == import_id).values(
            finished_at=now_iso(), status=status, **counts))
