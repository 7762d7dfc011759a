"""Records → database rows. One transaction per document: loaded whole or not at all."""

from __future__ import annotations

import datetime as dt
import json
import zlib
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import delete, insert, select, text
from sqlalchemy.engine import Connection

from load import tables as t
from load.identity import identity_key
from normalize.citations import serial_of
from schemas.record import Citation, ExtractResult, Target, Task

LoadStatus = Literal["loaded", "unchanged", "replaced"]


@dataclass(frozen=True)
class LoadResult:
    status: LoadStatus
    document_id: int | None
    targets: int = 0
    tasks: int = 0
    citations: int = 0


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def load_record(conn: Connection, record: ExtractResult, *, import_id: int | None = None,
                record_json: str | None = None) -> LoadResult:
    """Write one record inside the caller's transaction.

    The same bytes again change nothing; another version of a stored document
    (see load.identity) replaces it, and the replacement is recorded. `record_json`
    is the record already serialised, when the caller has it (the importer does).
    """
    key = identity_key(record)
    _lock_identity(conn, key)
    sha = record.source.sha256
    if conn.execute(select(t.source_files.c.sha256).where(t.source_files.c.sha256 == sha)).first():
        return LoadResult("unchanged", None)
    old = conn.execute(
        select(t.documents.c.id, t.documents.c.sha256, t.documents.c.path)
        .where(t.documents.c.identity_key == key)
    ).first()
    status: LoadStatus = "loaded"
    if old is not None:
        conn.execute(delete(t.documents).where(t.documents.c.id == old.id))
        conn.execute(insert(t.document_replacements).values(
            identity_key=key, old_sha256=old.sha256, old_path=old.path, new_sha256=sha,
            new_path=record.source.path, replaced_at=now_iso(), import_id=import_id))
        status = "replaced"
    doc_id = _insert_document(conn, record, key, import_id,
                              record_json or record.model_dump_json())
    _insert_children(conn, doc_id, record)
    conn.execute(insert(t.source_files).values(
        sha256=sha, path=record.source.path, identity_key=key, first_seen=now_iso(),
        import_id=import_id))
    return LoadResult(status, doc_id, len(record.targets), len(record.tasks),
                      len(record.citations))


def _lock_identity(conn: Connection, key: str) -> None:
    """Two imports of one document at once: the second waits for the first (PostgreSQL).
    SQLite serialises writers by itself."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"),
                     {"k": zlib.crc32(key.encode("utf-8"))})


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def _insert_document(conn: Connection, r: ExtractResult, key: str, import_id: int | None,
                     record_json: str) -> int:
    h, plan, signer = r.document, r.plan, r.document.signer
    row = {
        "sha256": r.source.sha256, "identity_key": key, "path": r.source.path,
        "format": r.source.format, "pages": r.source.pages,
        "doc_type": h.doc_type, "number": h.number, "serial": serial_of(h.number),
        "symbol": h.symbol, "issuer": h.issuer, "place": h.place, "province": h.province,
        "issued_date": h.issued_date, "issued_year": _year(h.issued_date), "title": h.title,
        "signer_name": signer.name if signer else None,
        "signer_position": signer.position if signer else None,
        "signer_authority": signer.authority if signer else None,
        "plan_title": plan.title if plan else None,
        "year_start": plan.year_start if plan else None,
        "year_end": plan.year_end if plan else None,
        "theme": plan.theme if plan else None,
        "quality_score": r.quality.score, "warnings_count": len(r.warnings),
        "record_json": record_json, "import_id": import_id, "imported_at": now_iso(),
    }
    result = conn.execute(insert(t.documents).values(**row).returning(t.documents.c.id))
    return int(result.scalar_one())


def _insert_children(conn: Connection, doc_id: int, r: ExtractResult) -> None:
    if r.sections:
        conn.execute(insert(t.sections), [
            {"document_id": doc_id, "section_id": s.id, "label": s.label, "heading": s.heading,
             "level": s.level, "parent": s.parent, "area": s.area, "kind": s.kind,
             "page": s.loc.page} for s in r.sections])
    if r.targets:
        conn.execute(insert(t.targets), [_target_row(doc_id, i, x)
                                         for i, x in enumerate(r.targets)])
    if r.citations:
        conn.execute(insert(t.citations), [_citation_row(doc_id, i, c)
                                           for i, c in enumerate(r.citations)])
    if r.tasks:
        provinces = {a.name: a.province for a in r.agencies}
        _insert_tasks(conn, doc_id, r.tasks, provinces)
    if r.agencies:
        conn.execute(insert(t.document_agencies), [
            {"document_id": doc_id, "name": a.name, "province": a.province, "kind": a.kind,
             "mentions": json.dumps(a.mentions, ensure_ascii=False)} for a in r.agencies])
    if r.warnings:
        conn.execute(insert(t.document_warnings), [
            {"document_id": doc_id, "code": w.code, "message": w.message, "page": w.page}
            for w in r.warnings])


def _target_row(doc_id: int, seq: int, x: Target) -> dict[str, object]:
    return {"document_id": doc_id, "seq": seq, "text": x.text, "metric": x.metric,
            "value": x.value, "value_max": x.value_max, "comparator": x.comparator,
            "direction": x.direction, "unit": x.unit, "out_of": x.out_of,
            "target_year": x.year, "area": x.area, "indicator": x.indicator,
            "section": x.section, "page": x.loc.page}


def _citation_row(doc_id: int, seq: int, c: Citation) -> dict[str, object]:
    return {"document_id": doc_id, "seq": seq, "raw": c.raw, "doc_type": c.doc_type,
            "cited_number": c.number, "serial": c.serial, "year": c.year, "symbol": c.symbol,
            "issuer": c.issuer, "cited_date": c.date, "title": c.title, "role": c.role,
            "amended_by": c.amended_by, "section": c.loc.section, "page": c.loc.page}


def _task_row(doc_id: int, seq: int, k: Task) -> dict[str, object]:
    d = k.deadline
    return {
        "document_id": doc_id, "seq": seq, "task_no": k.no, "name": k.name,
        "parent_no": k.parent.no if k.parent else None,
        "parent_name": k.parent.name if k.parent else None, "target": k.target,
        "outputs": json.dumps(k.outputs, ensure_ascii=False),
        "lead": "; ".join(k.lead) or None, "support": "; ".join(k.support) or None,
        "lead_raw": k.lead_raw, "support_raw": k.support_raw,
        "deadline_raw": d.raw if d else None, "deadline_kind": d.kind if d else None,
        "deadline_start": d.start.isoformat() if d and d.start else None,
        "deadline_end": d.end.isoformat() if d and d.end else None,
        "recurrence": d.recurrence if d else None, "funding": k.funding,
        "task_group": k.group, "area": k.area, "source": k.source,
        "section": k.loc.section, "page": k.loc.page,
    }


def _insert_tasks(conn: Connection, doc_id: int, tasks: list[Task],
                  provinces: dict[str, str | None]) -> None:
    # one batched INSERT … RETURNING gives the ids in the order of the rows
    ids = conn.execute(
        insert(t.tasks).returning(t.tasks.c.id, sort_by_parameter_order=True),
        [_task_row(doc_id, i, k) for i, k in enumerate(tasks)],
    ).scalars().all()
    rows = []
    for task_id, task in zip(ids, tasks, strict=True):
        for role, names in (("lead", task.lead), ("support", task.support)):
            rows.extend({"task_id": task_id, "role": role, "position": pos, "agency": name,
                         "province": provinces.get(name)}
                        for pos, name in enumerate(names))
    if rows:
        conn.execute(insert(t.task_agencies), rows)
