"""vanban: Vietnamese administrative-reform plans into data.

The public API: read a file into the document model, extract the contract record,
and load records into a database. Imported lazily so `vanban --help` stays fast.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ExtractSettings", "FileResult", "FileStatus", "ImportSettings", "extract_file",
    "extract_record", "extract_records", "nlp", "read_document", "run_import",
]

_HOME = {
    "extract_file": "vanban.pipeline",
    "extract_record": "vanban.pipeline",
    "extract_records": "vanban.pipeline",
    "FileResult": "vanban.result",
    "FileStatus": "vanban.result",
    "ExtractSettings": "vanban.settings",
    "ImportSettings": "vanban.settings",
    "read_document": "extract",
    "run_import": "vanban.importer",
}
# vanban.nlp()(text).ents: AGENCY, LEGAL_REF, DATE, PERCENT
_RENAMED = {"nlp": ("normalize.entities", "entity_pipeline")}


def __getattr__(name: str) -> Any:
    if name not in _HOME and name not in _RENAMED:
        raise AttributeError(name)
    import importlib

    if name in _RENAMED:
        module, attr = _RENAMED[name]
        return getattr(importlib.import_module(module), attr)
    return getattr(importlib.import_module(_HOME[name]), name)
