"""vanban's data contract (CONTRACT.md) and intermediate document model, as typed models.

This package imports nothing from the rest of vanban.
"""

from schemas.base import BBox, Model, Prov
from schemas.codes import (
    AgencyKind,
    Area,
    CitationRole,
    Comparator,
    DeadlineKind,
    Direction,
    DocType,
    Metric,
    Recurrence,
    SectionKind,
    TaskSource,
)
from schemas.diagnostics import (
    MESSAGES,
    MissingTool,
    Report,
    UnreadableFile,
    UnsupportedFormat,
    VanbanError,
    WarningCode,
    WarningItem,
)
from schemas.document import Block, Cell, Document, PageInfo, Paragraph, Source, Style, Table
from schemas.record import (
    SCHEMA_VERSION,
    AgencyRef,
    Article,
    Citation,
    Deadline,
    ExtractResult,
    Header,
    Loc,
    Plan,
    Quality,
    QualityCheck,
    Section,
    Signer,
    Target,
    Task,
    TaskParent,
)

__all__ = [
    "MESSAGES", "SCHEMA_VERSION", "AgencyKind", "AgencyRef", "Area", "Article", "BBox", "Block",
    "Cell", "Citation", "CitationRole", "Comparator", "Deadline", "DeadlineKind", "Direction",
    "DocType", "Document", "ExtractResult", "Header", "Loc", "Metric", "MissingTool", "Model",
    "PageInfo", "Paragraph", "Plan", "Prov", "Quality", "QualityCheck", "Recurrence", "Report",
    "Section", "SectionKind", "Signer", "Source", "Style", "Table", "Target", "Task",
    "TaskParent", "TaskSource", "UnreadableFile", "UnsupportedFormat", "VanbanError",
    "WarningCode", "WarningItem",
]
