"""Warnings (problems the user should know about, carried as data) and errors
(input that cannot be processed at all).

Parsers take a `Report` as a keyword argument and call `report.warn(code, ...)`.
Leaf normalizers are pure and never warn: their callers know the page and block.
"""

from __future__ import annotations

import logging
import os
import string
from enum import StrEnum
from pathlib import Path

from pydantic import Field

from schemas.base import Model

log = logging.getLogger(__name__)


class WarningCode(StrEnum):
    # reading
    NO_TEXT_LAYER = "no_text_layer"
    TEXT_LAYER_GARBAGE = "text_layer_garbage"
    GLYPHS_REPAIRED = "glyphs_repaired"
    LEGACY_ENCODING = "legacy_encoding"
    OCR_USED = "ocr_used"
    OCR_LOW_CONFIDENCE = "ocr_low_confidence"
    OCR_UNAVAILABLE = "ocr_unavailable"
    INPUT_LIMIT = "input_limit"
    # header
    NO_HEADER = "no_header"
    HEADER_NUMBER_BLANK = "header_number_blank"
    HEADER_DATE_BLANK = "header_date_blank"
    HEADER_FIELD_MISSING = "header_field_missing"
    HEADER_METADATA_MISMATCH = "header_metadata_mismatch"
    PLAN_YEARS_MISMATCH = "plan_years_mismatch"
    DATE_FROM_SIGNATURE = "date_from_signature"
    OCR_UNCERTAIN_FIELD = "ocr_uncertain_field"
    # body
    SECTION_NUMBER_GAP = "section_number_gap"
    SECTION_NUMBER_REPEAT = "section_number_repeat"
    DUPLICATE_CONTENT = "duplicate_content"
    SECTION_AREA_UNKNOWN = "section_area_unknown"
    TARGET_INDICATOR_UNKNOWN = "target_indicator_unknown"
    # tables
    TABLE_COLUMN_UNKNOWN = "table_column_unknown"
    TABLE_ROW_NUMBER_GAP = "table_row_number_gap"
    TABLE_NOT_TASKS = "table_not_tasks"
    NO_APPENDIX = "no_appendix"
    DEADLINE_UNPARSED = "deadline_unparsed"
    AGENCY_UNKNOWN = "agency_unknown"
    AGENCY_UNREGISTERED = "agency_unregistered"
    # citations
    CITATION_UNPARSED = "citation_unparsed"
    CITATION_SHORT_FORM_UNRESOLVED = "citation_short_form_unresolved"


MESSAGES: dict[WarningCode, str] = {
    WarningCode.NO_TEXT_LAYER: "page {page} has no text layer; OCR is not run",
    WarningCode.TEXT_LAYER_GARBAGE: "page {page} has a text layer that is not readable text",
    WarningCode.GLYPHS_REPAIRED: "{count} PDF glyph errors repaired (e.g. {example!r})",
    WarningCode.LEGACY_ENCODING: "text in a legacy Vietnamese encoding ({encoding}) converted",
    WarningCode.OCR_USED: "page {page} read by OCR",
    WarningCode.OCR_LOW_CONFIDENCE: "OCR confidence low on page {page}: {detail}",
    WarningCode.OCR_UNAVAILABLE: "OCR needed but not available: {detail}",
    WarningCode.INPUT_LIMIT: "input limit reached: {detail}",
    WarningCode.NO_HEADER: "no decision header found; header fields left empty",
    WarningCode.HEADER_NUMBER_BLANK: "document number left blank: {raw!r}",
    WarningCode.HEADER_DATE_BLANK: "issue date partly blank: {raw!r}",
    WarningCode.HEADER_FIELD_MISSING: "header field not found: {field}",
    WarningCode.HEADER_METADATA_MISMATCH: (
        "{field}: page metadata says {meta!r}, header says {body!r}"
    ),
    WarningCode.PLAN_YEARS_MISMATCH: "plan years disagree: {detail}",
    WarningCode.DATE_FROM_SIGNATURE: (
        "issue date {date} taken from the digital signature (header says {raw!r})"
    ),
    WarningCode.OCR_UNCERTAIN_FIELD: "{field} not readable in the scan, left empty: {raw!r}",
    WarningCode.SECTION_NUMBER_GAP: "section numbering gap: {detail}",
    WarningCode.SECTION_NUMBER_REPEAT: "section number repeated: {detail}",
    WarningCode.DUPLICATE_CONTENT: "duplicated content dropped: {detail}",
    WarningCode.SECTION_AREA_UNKNOWN: "reform area unknown for section {section}: {heading!r}",
    WarningCode.TARGET_INDICATOR_UNKNOWN: "no indicator for target: {text!r}",
    WarningCode.TABLE_COLUMN_UNKNOWN: "table column not understood: {header!r}",
    WarningCode.TABLE_ROW_NUMBER_GAP: "table row numbers not continuous: {detail}",
    WarningCode.TABLE_NOT_TASKS: "table {table} is not a task table: {detail}",
    WarningCode.NO_APPENDIX: "no appendix task table found",
    WarningCode.DEADLINE_UNPARSED: "deadline not understood: {raw!r}",
    WarningCode.AGENCY_UNKNOWN: "agency not in the registry: {mention!r}",
    WarningCode.AGENCY_UNREGISTERED: "agency not in the registry, kept as written: {mention!r}",
    WarningCode.CITATION_UNPARSED: "citation not understood: {raw!r}",
    WarningCode.CITATION_SHORT_FORM_UNRESOLVED: "short citation not resolved: {raw!r}",
}


# Set by the test suite: a caller that passes the wrong fields is a bug to fail on there;
# a user's run still gets its warning (with "?") rather than losing the file over it.
STRICT_MESSAGES_ENV = "VANBAN_STRICT_MESSAGES"


class _Lenient(dict[str, object]):
    def __missing__(self, key: str) -> str:
        log.error("warning message field %r missing", key)
        return "?"


def template_fields(code: WarningCode) -> set[str]:
    """The field names `code`'s message template uses."""
    return {name for _, name, _, _ in string.Formatter().parse(MESSAGES[code]) if name}


def format_message(code: WarningCode, fields: dict[str, object]) -> str:
    """Fill a message template; a missing field raises under tests, shows as '?' otherwise."""
    if os.environ.get(STRICT_MESSAGES_ENV):
        return MESSAGES[code].format_map(fields)
    return string.Formatter().vformat(MESSAGES[code], (), _Lenient(fields))


class WarningItem(Model):
    """JSON: {"code", "message", "page"} as in the contract."""

    code: WarningCode
    message: str
    page: int | None = None
    block: str | None = Field(default=None, exclude=True)


class Report:
    """Collects the warnings of one document. Passed explicitly, never global."""

    def __init__(self) -> None:
        self._items: list[WarningItem] = []

    def warn(
        self,
        code: WarningCode,
        *,
        page: int | None = None,
        block: str | None = None,
        **fields: object,
    ) -> None:
        message = format_message(code, {"page": page, **fields})
        self._items.append(WarningItem(code=code, message=message, page=page, block=block))

    def extend(self, items: tuple[WarningItem, ...] | list[WarningItem]) -> None:
        self._items.extend(items)

    @property
    def items(self) -> tuple[WarningItem, ...]:
        return tuple(self._items)

    def has(self, code: WarningCode) -> bool:
        return any(item.code == code for item in self._items)


class VanbanError(Exception):
    """Input vanban cannot process; the CLI prints `vanban: PATH: REASON` and goes on."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class UnreadableFile(VanbanError):
    """The file exists but cannot be opened or decoded (truncated, encrypted, not a zip...)."""


class UnsupportedFormat(VanbanError):
    """The bytes are not a format vanban reads."""


class MissingTool(VanbanError):
    """An external program needed for this file (LibreOffice, Tesseract) is not installed."""
