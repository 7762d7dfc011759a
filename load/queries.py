"""Read-only questions users ask of the database, answered from the contract's views.

Every filter reaches SQL as a bound parameter. Results are pandas DataFrames so the
CLI and the report can pivot and export them the same way.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from sqlalchemy import Engine, text

from load.values import human_value

COMPARE_COLUMNS = ["indicator", "province", "issuer", "document", "plan", "target_year",
                   "value", "value_number", "comparator", "unit", "text", "source_path"]
_TARGET_COLUMNS = ("t.document_id, d.number AS document_number, d.doc_type, d.issuer, "
                   "d.province, d.year_start, d.year_end, t.area, t.indicator, t.metric, "
                   "t.value, t.value_max, t.comparator, t.direction, t.unit, t.out_of, "
                   "t.target_year, t.text, t.seq")


def _where(filters: dict[str, object | None], columns: dict[str, str]) -> tuple[str, dict]:
    clauses, params = [], {}
    for key, value in filters.items():
        if value is not None:
            clauses.append(f"{columns[key]} = :{key}")
            params[key] = value
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def targets_frame(engine: Engine, *, indicator: str | None = None, province: str | None = None,
                  year: int | None = None) -> pd.DataFrame:
    """v_targets' columns with the target's order in its document and the source
    document's path and title, filtered."""
    where, params = _where(
        {"indicator": indicator, "province": province, "year": year},
        {"indicator": "t.indicator", "province": "d.province", "year": "t.target_year"},
    )
    sql = (
        f"SELECT {_TARGET_COLUMNS}, d.path AS source_path, d.title AS document_title, "
        "d.issued_date FROM targets t JOIN documents d ON d.id = t.document_id" + where +
        " ORDER BY t.indicator, d.province, t.target_year, t.document_id, t.seq"
    )
    with engine.connect() as conn:
        df = pd.read_sql(text(sql), conn, params=params)
    return df.astype({"year_start": "Int64", "year_end": "Int64", "target_year": "Int64"})


def format_value(row: pd.Series, *, decimal: str = ",") -> str:
    """'> 95%', '≥ 3,2/3,5 điểm', '2–3 cuộc', 'giảm ≥ 10%' (load.values.human_value)."""
    return human_value(row["comparator"], row["value"], value_max=row.get("value_max"),
                       unit=row.get("unit"), out_of=row.get("out_of"),
                       direction=row.get("direction"), decimal=decimal)


def document_label(number: object, path: object) -> str:
    """A document as a reader finds it: its number, else its file's name (a draft or a
    plan without a header has no number)."""
    if isinstance(number, str) and number:
        return number
    return Path(str(path)).name if isinstance(path, str) and path else "?"


def compared_targets(engine: Engine, *, indicator: str | None = None,
                     province: str | None = None, year: int | None = None) -> pd.DataFrame:
    """compare_targets with every column of targets_frame kept (document_id, years,
    direction …), for the report page."""
    df = targets_frame(engine, indicator=indicator, province=province, year=year)
    if df.empty:
        return df.assign(value_label=[], plan=[], document=[])
    # a document that states the same aim twice (in its targets and again in its
    # tasks) counts once: its first statement is kept; without an indicator, the aim
    # is known by its words
    aim = df["indicator"].fillna("text: " + df["text"])
    df = df[~df.assign(aim=aim).duplicated(["aim", "document_id", "target_year", "unit"])]
    df = df.copy()
    df["value_label"] = df.apply(format_value, axis=1)
    df["plan"] = df.apply(_plan_period, axis=1)
    df["document"] = [document_label(n, p) for n, p in
                      zip(df["document_number"], df["source_path"], strict=True)]
    return df.reset_index(drop=True)


def compare_targets(engine: Engine, *, indicator: str | None = None,
                    province: str | None = None, year: int | None = None) -> pd.DataFrame:
    """One row per (indicator, document, target year, unit), with the value as a reader
    would write it and the source document named, so disagreements show."""
    df = compared_targets(engine, indicator=indicator, province=province, year=year)
    if df.empty:
        return pd.DataFrame(columns=COMPARE_COLUMNS)
    out = df.rename(columns={"value": "value_number", "value_label": "value"})
    return out[COMPARE_COLUMNS].reset_index(drop=True)


def _plan_period(row: pd.Series) -> str:
    start, end = row.get("year_start"), row.get("year_end")
    if pd.isna(start) and pd.isna(end):
        return ""
    if pd.isna(end):
        return f"{int(start)}"
    if pd.isna(start) or start == end:
        return f"{int(end)}"
    return f"{int(start)}–{int(end)}"


def compare_pivot(frame: pd.DataFrame) -> pd.DataFrame:
    """Provinces/issuers × target years; a cell lists every document's value."""
    if frame.empty:
        return frame
    cells = frame.assign(cell=frame["value"] + " [" + frame["document"] + "]")
    return cells.pivot_table(index=["indicator", "province", "issuer"], columns="target_year",
                             values="cell", aggfunc=lambda s: " | ".join(dict.fromkeys(s)))


def view_frame(engine: Engine, view: str) -> pd.DataFrame:
    from load.views import VIEW_NAMES

    if view not in VIEW_NAMES:
        raise ValueError(f"unknown view {view!r}; one of {', '.join(VIEW_NAMES)}")
    with engine.connect() as conn:
        return pd.read_sql(text(f"SELECT * FROM {view}"), conn)  # name checked above


def documents_frame(engine: Engine) -> pd.DataFrame:
    sql = ("SELECT d.id, d.number, d.doc_type, d.province, d.issuer, d.issued_date, d.title, "
           "d.year_start, d.year_end, d.format, d.path, d.quality_score, "
           "(SELECT count(*) FROM targets x WHERE x.document_id = d.id) AS targets, "
           "(SELECT count(*) FROM tasks x WHERE x.document_id = d.id) AS tasks, "
           "(SELECT count(*) FROM citations x WHERE x.document_id = d.id) AS citations "
           "FROM documents d ORDER BY d.province, d.issued_date")
    with engine.connect() as conn:
        df = pd.read_sql(text(sql), conn)
    return df.astype({"year_start": "Int64", "year_end": "Int64"})


def lead_deadlines(engine: Engine) -> pd.DataFrame:
    """One row per (task, lead agency): the agency and the task's deadline."""
    sql = ("SELECT a.agency, k.deadline_kind, k.deadline_end FROM task_agencies a "
           "JOIN tasks k ON k.id = a.task_id WHERE a.role = 'lead'")
    with engine.connect() as conn:
        return pd.read_sql(text(sql), conn)


def warning_counts(engine: Engine) -> pd.DataFrame:
    """Per document and warning code, how many warnings."""
    sql = ("SELECT document_id, code, count(*) AS n FROM document_warnings "
           "GROUP BY document_id, code ORDER BY document_id, count(*) DESC, code")
    with engine.connect() as conn:
        return pd.read_sql(text(sql), conn)


def find_document(engine: Engine, ref: str) -> int | None:
    """A document by id, number (3667/QĐ-UBND), sha256 (or a prefix of 8+ characters) or
    path: any file it was imported from, also a file a later form of the same document
    replaced (they share the identity key)."""
    sql = ("SELECT id FROM documents WHERE CAST(id AS VARCHAR(20)) = :ref OR number = :ref "
           "OR path = :ref OR sha256 LIKE :prefix ORDER BY CASE "
           "WHEN CAST(id AS VARCHAR(20)) = :ref THEN 0 WHEN number = :ref THEN 1 "
           "WHEN path = :ref THEN 2 ELSE 3 END, id")
    earlier = ("SELECT d.id FROM documents d WHERE d.identity_key IN ("
               "SELECT identity_key FROM source_files WHERE path = :ref OR sha256 LIKE :prefix "
               "UNION SELECT identity_key FROM document_replacements "
               "WHERE old_path = :ref OR old_sha256 LIKE :prefix) ORDER BY d.id")
    # a sha256 prefix must be long enough not to be mistaken for an id
    params = {"ref": ref, "prefix": f"{ref}%" if len(ref) >= 8 else "-"}
    with engine.connect() as conn:
        row = conn.execute(text(sql), params).first() or conn.execute(
            text(earlier), params).first()
    return int(row[0]) if row else None


def document_record_json(engine: Engine, doc_id: int) -> str:
    with engine.connect() as conn:
        return str(conn.execute(text("SELECT record_json FROM documents WHERE id = :i"),
                                {"i": doc_id}).scalar_one())
