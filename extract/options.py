"""The reading options a caller may choose, as one type each (CLI, API and workers)."""

from __future__ import annotations

from enum import StrEnum


class OcrMode(StrEnum):
    """auto: OCR the pages with no usable text layer; force: every page; off: none."""

    AUTO = "auto"
    FORCE = "force"
    OFF = "off"
