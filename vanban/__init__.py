"""vanban: Vietnamese administrative-reform plans into data.

The public API: read a file into the document model, extract the contract record,
and load records into a database.
"""

from vanban.pipeline import Outcome, extract_record, extract_records

__all__ = ["Outcome", "extract_record", "extract_records", "read_document"]


def read_document(path, *, ocr="auto"):  # type: ignore[no-untyped-def]
    """See extract.read_document."""
    from extract import read_document as _read

    return _read(path, ocr=ocr)
