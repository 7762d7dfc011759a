"""Read-only questions users ask of the database, answered from the contract's views.

Every filter reaches SQL as a bound parameter. Results are pandas DataFrames so the
CLI and the report can pivot and export them the same way.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, text

COMPARE_COLUMNS = ["indicator", "province", "issuer", "document", "plan", "target_year",
                   "value", "value_number", "comparator", "unit", "text", "source_path"]
COMPARATOR_WORDS = {">": ">", ">=": "≥", "=": "=", "<=": "≤", "<": "<"}


def _where(filters: dict[str, object | None], columns: dict[str, str]) -> tuple[str, dict]:
    clauses, params = [], {}
    for key, value in filters.items():
        if value is not None:
            clauses.append(f"{columns[key]} = :{key}")
            params[key] = value
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def targets_frame(engine: Engine, *, indicator: str | None = None, province: str | None = None,
                  year: int | None = None) -> pd.DataFrame:
    """v_targets with the source document's path and title, filtered."""
    where, params = _where(
        {"indicator": indicator, "province": province, "year": year},
        {"indicator": "v.indicator", "province": "v.province", "year": "v.target_year"},
    )
    sql = (
        "SELECT v.*, d.path AS source_path, d.title AS document_title, d.issued_date "
        "FROM v_targets v JOIN documents d ON d.id = v.document_id" + where +
        " ORDER BY v.indicator, v.province, v.target_year, v.document_id"
    )
    with engine.connect() as conn:
        return pd.read_sql(text(sql), conn, params=params)


def format_value(row: pd.Series) -> str:
    """'> 95%', '≥ 3.2/3.5 điểm', '2–3 cuộc', '↓ 10%'."""
    def num(x: float) -> str:
        return f"{x:g}"

    value = num(row["value"])
    if pd.notna(row.get("value_max")):
        value = f"{value}–{num(row['value_max'])}"
    if pd.notna(row.get("out_of")):
        value = f"{value}/{num(row['out_of'])}"
    unit = row.get("unit") or ""
    spacer = "" if unit == "%" else " "
    sign = "↓ " if row.get("direction") == "decrease" else ""
    comp = COMPARATOR_WORDS.get(row["comparator"], row["comparator"])
    return f"{sign}{comp} {value}{spacer}{unit}".strip()


def compare_targets(engine: Engine, *, indicator: str | None = None,
                    province: str | None = None, year: int | None = None) -> pd.DataFrame:
    """One row per (indicator, province, issuer, document, target year), with the value as
    a reader would write it and the source document named, so disagreements show."""
    df = targets_frame(engine, indicator=indicator, province=province, year=year)
    if df.empty:
        return pd.DataFrame(columns=COMPARE_COLUMNS)
    df["target_year"] = df["target_year"].astype("Int64")  # not 2025.0 where years are missing
    df["value_label"] = df.apply(format_value, axis=1)
    df["plan"] = df.apply(_plan_period, axis=1)
    df["document"] = df["document_number"].fillna("(no number)")
    out = df.rename(columns={"value": "value_number", "value_label": "value"})
    return out[COMPARE_COLUMNS]


def _plan_period(row: pd.Series) -> str:
    start, end = row.get("year_start"), row.get("year_end")
    if pd.isna(start) and pd.isna(end):
        return ""
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


def find_document(engine: Engine, ref: str) -> int | None:
    """A document by id, number (3667/QĐ-UBND), sha256 prefix or path."""
    sql = ("SELECT id FROM documents WHERE CAST(id AS VARCHAR(20)) = :ref OR number = :ref "
           "OR path = :ref OR sha256 LIKE :prefix ORDER BY CASE "
           "WHEN CAST(id AS VARCHAR(20)) = :ref THEN 0 WHEN number = :ref THEN 1 "
           "WHEN path = :ref THEN 2 ELSE 3 END, id")
    # a sha256 prefix must be long enough not to be mistaken for an id
    prefix = f"{ref}%" if len(ref) >= 8 else "-"
    with engine.connect() as conn:
        row = conn.execute(text(sql), {"ref": ref, "prefix": prefix}).first()
    return int(row[0]) if row else None


def document_record_json(engine: Engine, doc_id: int) -> str:
    with engine.connect() as conn:
        return str(conn.execute(text("SELECT record_json FROM documents WHERE id = :i"),
                                {"i": doc_id}).scalar_one())
