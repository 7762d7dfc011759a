"""The contract's `quality` block: the checks a careful reader would make, and a score."""

from __future__ import annotations

from schemas.diagnostics import WarningCode, WarningItem
from schemas.record import ExtractResult, QualityCheck

HEADER_FIELDS = ("doc_type", "number", "issuer", "issued_date", "title")

# each check fails when any of these warnings was raised
_WARNING_CHECKS: dict[str, tuple[WarningCode, ...]] = {
    "text_layer": (WarningCode.NO_TEXT_LAYER, WarningCode.TEXT_LAYER_GARBAGE),
    "section_numbering": (WarningCode.SECTION_NUMBER_GAP, WarningCode.SECTION_NUMBER_REPEAT),
    "no_duplicate_content": (WarningCode.DUPLICATE_CONTENT,),
    "section_areas_known": (WarningCode.SECTION_AREA_UNKNOWN,),
    "table_row_numbers": (WarningCode.TABLE_ROW_NUMBER_GAP,),
    "table_columns_understood": (WarningCode.TABLE_COLUMN_UNKNOWN,),
    "agencies_recognised": (WarningCode.AGENCY_UNKNOWN,),
    "deadlines_recognised": (WarningCode.DEADLINE_UNPARSED,),
}


def header_check(record: ExtractResult) -> QualityCheck:
    doc = record.document
    missing = [name for name in HEADER_FIELDS if getattr(doc, name) in (None, "")]
    if doc.signer is None or not doc.signer.name:
        missing.append("signer")
    return QualityCheck(
        name="header_fields",
        passed=not missing,
        detail="missing: " + ", ".join(missing) if missing else None,
    )


def warning_checks(warnings: list[WarningItem]) -> list[QualityCheck]:
    checks = []
    for name, codes in _WARNING_CHECKS.items():
        hits = [w for w in warnings if w.code in codes]
        detail = f"{len(hits)} warning(s): {hits[0].message}" if hits else None
        checks.append(QualityCheck(name=name, passed=not hits, detail=detail))
    return checks


# issue 15: a document whose agencies the registry mostly does not know is read, but an
# analyst comparing who leads what should know how much of it is names as written
_UNREGISTERED_SHARE_MAX = 0.2


def unregistered_agencies_check(record: ExtractResult) -> QualityCheck:
    total = len(record.agencies)
    unregistered = sum(a.kind == "unregistered" for a in record.agencies)
    share = unregistered / total if total else 0.0
    return QualityCheck(
        name="agencies_registered",
        passed=share <= _UNREGISTERED_SHARE_MAX,
        detail=f"{unregistered} of {total} agency names unregistered ({share:.0%})"
        if total
        else None,
    )


def assess_quality(record: ExtractResult) -> list[QualityCheck]:
    return [
        header_check(record),
        *warning_checks(record.warnings),
        unregistered_agencies_check(record),
    ]


def quality_score(checks: list[QualityCheck]) -> float:
    if not checks:
        return 0.0
    return round(sum(c.passed for c in checks) / len(checks), 3)
