"""The contract's `quality` block: the checks a careful reader would make, and a score.

The score is the weighted share of checks passed (weights in `WEIGHTS`), then capped:
a record with no content at all (no section, target, task or citation) scores at most
0.1, one without most of its header at most 0.4, one whose pages have no readable text
at most 0.5. Each warning a check counts fails it, so a record with warnings scores
lower than the same record without; a "mostly" check fails only when more than half of
the table columns, agencies or deadlines were not understood, so those cost more.
"""

from __future__ import annotations

from schemas.diagnostics import WarningCode, WarningItem
from schemas.record import ExtractResult, QualityCheck, Task

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
    "target_indicators_known": (WarningCode.TARGET_INDICATOR_UNKNOWN,),
}

WEIGHTS: dict[str, float] = {
    "header_found": 3.0, "header_fields": 1.0, "content_found": 2.0, "text_layer": 1.0,
    "section_numbering": 0.5, "no_duplicate_content": 0.5, "section_areas_known": 0.5,
    "table_row_numbers": 0.5, "table_columns_understood": 0.5,
    "table_columns_mostly_understood": 1.5, "agencies_recognised": 0.5,
    "agencies_mostly_recognised": 1.5, "deadlines_recognised": 0.5,
    "deadlines_mostly_recognised": 1.0, "target_indicators_known": 0.5,
}
# a failed gate caps the score, whatever else passed
CAPS: dict[str, float] = {"content_found": 0.1, "header_found": 0.4, "text_layer": 0.5}


def _missing_header_fields(record: ExtractResult) -> list[str]:
    doc = record.document
    # an attachment has no number or date of its own: its parent decision holds them
    own = ("number", "issued_date") if doc.attached_to is not None else ()
    missing = [f for f in HEADER_FIELDS if getattr(doc, f) in (None, "") and f not in own]
    if doc.signer is None or not doc.signer.name:
        missing.append("signer")
    return missing


def header_checks(record: ExtractResult) -> list[QualityCheck]:
    missing = _missing_header_fields(record)
    detail = "missing: " + ", ".join(missing) if missing else None
    total = len(HEADER_FIELDS) + 1
    return [QualityCheck(name="header_found", passed=len(missing) * 2 <= total,
                         detail=detail if len(missing) * 2 > total else None),
            QualityCheck(name="header_fields", passed=not missing, detail=detail)]


def content_check(record: ExtractResult) -> QualityCheck:
    found = bool(record.sections or record.targets or record.tasks or record.citations)
    return QualityCheck(name="content_found", passed=found,
                        detail=None if found else "no section, target, task or citation")


def warning_checks(warnings: list[WarningItem]) -> list[QualityCheck]:
    checks = []
    for name, codes in _WARNING_CHECKS.items():
        hits = [w for w in warnings if w.code in codes]
        detail = f"{len(hits)} warning(s): {hits[0].message}" if hits else None
        checks.append(QualityCheck(name=name, passed=not hits, detail=detail))
    return checks


# issue 15: a document whose agencies the registry mostly does not know is read, but an
# analyst comparing who leads what should know how much of it is names as written; one
# such name (an office's own division in a three-agency plan) does not make it so
_UNREGISTERED_SHARE_MAX = 0.2


def unregistered_agencies_check(record: ExtractResult) -> QualityCheck:
    total = len(record.agencies)
    unregistered = sum(a.kind == "unregistered" for a in record.agencies)
    share = unregistered / total if total else 0.0
    return QualityCheck(
        name="agencies_registered",
        passed=unregistered <= 1 or share <= _UNREGISTERED_SHARE_MAX,
        detail=f"{unregistered} of {total} agency names unregistered ({share:.0%})"
        if total
        else None,
    )


def _table_fields(tasks: list[Task]) -> int:
    """How many kinds of column the task tables gave: a proxy for columns understood."""
    table = [t for t in tasks if t.source == "table"]
    fields = [bool(table), any(t.no for t in table), any(t.lead for t in table),
              any(t.support for t in table), any(t.deadline for t in table),
              any(t.outputs for t in table), any(t.funding for t in table),
              any(t.target for t in table)]
    return sum(fields)


def _mostly(name: str, what: str, unknown: int, known: int) -> QualityCheck:
    passed = unknown <= known
    detail = None if passed else f"{unknown} {what} not understood, {known} understood"
    return QualityCheck(name=name, passed=passed, detail=detail)


def share_checks(record: ExtractResult) -> list[QualityCheck]:
    """Checks that fail when most of something was not understood."""
    def count(code: WarningCode) -> int:
        return sum(1 for w in record.warnings if w.code == code)

    agencies = sum(len(t.lead) + len(t.support) for t in record.tasks)
    deadlines = sum(1 for t in record.tasks if t.deadline is not None)
    unparsed = count(WarningCode.DEADLINE_UNPARSED)
    return [
        _mostly("table_columns_mostly_understood", "table columns",
                count(WarningCode.TABLE_COLUMN_UNKNOWN), _table_fields(record.tasks)),
        _mostly("agencies_mostly_recognised", "agency names",
                count(WarningCode.AGENCY_UNKNOWN), agencies),
        _mostly("deadlines_mostly_recognised", "deadlines", unparsed, deadlines - unparsed),
    ]


def assess_quality(record: ExtractResult) -> list[QualityCheck]:
    return [*header_checks(record), content_check(record), *warning_checks(record.warnings),
            *share_checks(record), unregistered_agencies_check(record)]


def quality_score(checks: list[QualityCheck]) -> float:
    if not checks:
        return 0.0
    total = sum(WEIGHTS.get(c.name, 1.0) for c in checks)
    score = sum(WEIGHTS.get(c.name, 1.0) for c in checks if c.passed) / total
    for check in checks:
        if not check.passed and check.name in CAPS:
            score = min(score, CAPS[check.name])
    return round(score, 3)
