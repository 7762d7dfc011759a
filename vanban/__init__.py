"""vanban: Vietnamese administrative-reform plans into data.

The public API: read a file into the document model, extract the contract record,
and load records into a database. Imported lazily so `vanban --help` stays fast.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ExtractSettings", "FileResult", "FileStatus", "ImportSettings", "extract_file",
    "extract_record", "extract_records", "read_document", "run_import",
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


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(name)
    import importlib

    return getattr(importlib.import_module(_HOME[name]), name)
