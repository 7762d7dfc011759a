"""Which stored document a record is a version of."""

from __future__ import annotations

from normalize.text import fold_key
from schemas.record import ExtractResult


def identity_key(record: ExtractResult) -> str:
    """Same number and issuer: the same document. A draft with a blank number is
    the same document when issuer, type, title and month agree. A record with no
    header at all can only be recognised by its bytes."""
    doc = record.document
    issuer = fold_key(doc.issuer or "")
    if doc.number:
        return f"number|{fold_key(doc.number)}|{issuer}"
    if doc.issuer and doc.title:
        month = (doc.issued_date or "")[:7]
        title = fold_key(doc.title)
        return f"draft|{issuer}|{doc.doc_type or ''}|{doc.symbol or ''}|{title}|{month}"
    return f"sha256|{record.source.sha256}"
