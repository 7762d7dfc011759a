"""Page metadata of legal sites ("| Số hiệu | 3369/QĐ-UBND |", or a two-column table)
set against the document's own header: it fills only fields the header lacks
altogether (a transcription that lost the signer's name) and is reported where it
disagrees (header_metadata_mismatch). The header itself never depends on it.
"""

from __future__ import annotations

from extract.parsers.header.lines import Line, metadata_row, table_metadata
from normalize.dates import parse_date
from normalize.doc_types import doc_type_of
from normalize.provinces import find_province
from normalize.text import fold_key
from schemas.diagnostics import Report, WarningCode
from schemas.document import Paragraph, Table
from schemas.record import Header, Signer


def site_metadata(
    doc_blocks: list[Paragraph | Table], lines: list[Line], stop: int
) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in lines[:stop]:
        row = metadata_row(line.text)
        if row:
            found.setdefault(*row)
    for block in doc_blocks[: lines[stop].index if stop < len(lines) else len(doc_blocks)]:
        if isinstance(block, Table):
            for key, value in table_metadata(block):
                found.setdefault(key, value)
    return found


def reconcile_metadata(header: Header, meta: dict[str, str], *, report: Report) -> Header:
    """Compare with the page's metadata; fill what the header lacks altogether."""
    update: dict[str, object] = {}
    body_values = {
        "number": (header.number, meta.get("number")),
        "issued_date": (header.issued_date, _iso(meta.get("issued_date"))),
        "doc_type": (
            str(header.doc_type) if header.doc_type else None,
            str(doc_type_of(meta["doc_type"]) or "") if "doc_type" in meta else None,
        ),
        "signer": (header.signer.name if header.signer else None, meta.get("signer")),
    }
    for field, (body, site) in body_values.items():
        if not site:
            continue
        if body and fold_key(body) != fold_key(site):
            report.warn(WarningCode.HEADER_METADATA_MISMATCH, field=field, meta=site, body=body)
        elif body is None and field == "signer":
            signer = header.signer or Signer()
            update["signer"] = signer.model_copy(update={"name": site})
        elif body is None and field == "doc_type" and doc_type_of(meta["doc_type"]):
            update["doc_type"] = doc_type_of(meta["doc_type"])
    meta_province = find_province(meta.get("issuer", "")) if meta.get("issuer") else None
    if meta_province and header.province and meta_province != header.province:
        report.warn(
            WarningCode.HEADER_METADATA_MISMATCH,
            field="province",
            meta=meta_province,
            body=header.province,
        )
    return header.model_copy(update=update) if update else header


def _iso(text: str | None) -> str | None:
    date = parse_date(text) if text else None
    return date.iso() if date else None
