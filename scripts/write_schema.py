"""Regenerate schemas/contract.schema.json from the pydantic models (a test checks it)."""

from __future__ import annotations

import json
from pathlib import Path

from schemas.record import ExtractResult

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "schemas" / "contract.schema.json"


def contract_schema() -> str:
    schema = ExtractResult.model_json_schema(mode="serialization")
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    SCHEMA_PATH.write_text(contract_schema(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}")
