"""vanban: Vietnamese administrative-reform plans into data.

The public API: read a file into the document model, extract the contract record,
and load records into a database. Imported lazily so `vanban --help` stays fast.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "Outcome",
    "extract_record",
    "extract_records",
    "nlp",
    "read_document",
    "run_import",
]


def __getattr__(name: str) -> Any:
    if name in ("Outcome", "extract_record", "extract_records"):
        from vanban import pipeline

        return getattr(pipeline, name)
    if name == "read_document":
        from extract import read_document

        return read_document
    if name == "nlp":
        from normalize.entities import entity_pipeline

        return entity_pipeline  # vanban.nlp()(text).ents: AGENCY, LEGAL_REF, DATE, PERCENT
    if name == "run_import":
        from vanban.importer import run_import

        return run_import
    raise AttributeError(name)
