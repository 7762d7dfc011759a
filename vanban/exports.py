"""Frames out of vanban for other tools: CSV, JSON and Parquet written the same way by
`export`, `compare` and `audit`.

- Years and ids are nullable integers (2026, never 2026.0; empty when unknown).
- JSON keeps Vietnamese and slashes as written (`3369/QĐ-UBND`, not `3369\\/QĐ-UBND`).
- CSV cells that a spreadsheet would run as a formula (starting with = + - @, a tab or
  a carriage return) get a leading apostrophe, as OWASP advises against CSV injection;
  `raw=True` keeps them for machine use. Numbers stay numbers.
- A carriage return inside a cell is written as a line feed: rows end in "\n", and a
  bare CR would otherwise go unquoted and split the row for most readers.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_INTEGER_NAMES = {"year", "year_start", "year_end", "target_year", "issued_year", "pages",
                  "document_id", "resolved_document_id", "id", "citing_documents",
                  "targets", "tasks", "citations", "warnings_count"}


def integer_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """Years, ids and counts as nullable integers, so a missing year does not turn the
    others into floats."""
    fixes = {c: "Int64" for c in frame.columns
             if c in _INTEGER_NAMES and pd.api.types.is_numeric_dtype(frame[c])}
    return frame.astype(fixes) if fixes else frame


def guard_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def guard_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Neutralise text cells a spreadsheet would evaluate; numeric columns are untouched."""
    out = frame.copy()
    for col in out.columns:
        if not pd.api.types.is_numeric_dtype(out[col]):
            out[col] = out[col].map(guard_cell)
    return out


def _no_bare_cr(value: object) -> object:
    if isinstance(value, str) and "\r" in value:
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def to_csv_text(frame: pd.DataFrame, *, raw: bool = False) -> str:
    frame = integer_columns(frame)
    if not raw:
        frame = guard_formulas(frame)
    for col in frame.columns:
        if not pd.api.types.is_numeric_dtype(frame[col]):
            frame[col] = frame[col].map(_no_bare_cr)
    return str(frame.to_csv(index=False, lineterminator="\n"))


def _plain(value: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    frame = integer_columns(frame)
    cols = [str(c) for c in frame.columns]
    return [dict(zip(cols, (_plain(v) for v in row), strict=True))
            for row in frame.itertuples(index=False, name=None)]


def to_json_text(frame: pd.DataFrame) -> str:
    return json.dumps(records(frame), ensure_ascii=False, indent=2)


def write_frame(frame: pd.DataFrame, path: Path, fmt: str, *, raw: bool = False) -> None:
    if fmt == "csv":
        path.write_text(to_csv_text(frame, raw=raw), encoding="utf-8")
    elif fmt == "parquet":
        integer_columns(frame).to_parquet(path, index=False)
    else:
        path.write_text(to_json_text(frame) + "\n", encoding="utf-8")
