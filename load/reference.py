"""Reference data in the database, refreshed from the package's data files on every
upgrade: the 2025 successors (for the agency_successors view) and the indicator list."""

from __future__ import annotations

from sqlalchemy import delete, insert
from sqlalchemy.engine import Connection

from load import tables as t
from normalize.indicators import indicators
from normalize.registry import successors


def refresh_reference_data(conn: Connection) -> None:
    conn.execute(delete(t.successors))
    rows = [
        {"agency": s.agency,
         # "central" and "*" (every province) apply everywhere: no single province
         "province": None if s.scope in ("central", "*") else s.scope,
         "successor": s.successor,
         "effective_date": s.effective_date.isoformat() if s.effective_date else None,
         "basis": s.basis}
        for s in successors()
    ]
    if rows:
        conn.execute(insert(t.successors), rows)
    conn.execute(delete(t.indicators))
    conn.execute(insert(t.indicators), [{"code": i.code, "label": i.label} for i in indicators()])
