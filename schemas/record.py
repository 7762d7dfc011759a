"""The contract output (CONTRACT.md section 1), field for field.

Extensions beyond CONTRACT v1 are marked "extension" and listed in README.md.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from schemas.base import Model
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
from schemas.diagnostics import WarningItem
from schemas.document import Source

SCHEMA_VERSION = "1"


class Loc(Model):
    """Where a record sits in its source, so a person can check it."""

    page: int | None = None
    section: str | None = None
    block: str | None = Field(default=None, exclude=True)


class Signer(Model):
    name: str | None = None
    position: str | None = None
    authority: str | None = None


class Article(Model):
    """extension: one 'Điều N.' of a decision."""

    no: str
    text: str


class ParentDocument(Model):
    """The decision an attached document is issued with, from its "(Kèm theo Quyết định
    số … ngày … của …)" line: the parent's number and date, never the attachment's own."""

    doc_type: DocType | None = None
    number: str | None = None
    symbol: str | None = None
    issuer: str | None = None
    issued_date: str | None = None
    raw: str


class Header(Model):
    """CONTRACT `document`."""

    doc_type: DocType | None = None
    number: str | None = None
    symbol: str | None = None
    issuer: str | None = None
    place: str | None = None
    province: str | None = None
    issued_date: str | None = None  # "2024-12-30", or "2026-03" when the day is blank
    title: str | None = None
    signer: Signer | None = None
    recipients: list[str] = []
    draft: bool = False  # CONTRACT §5: a draft stamp ("DỰ THẢO", "Dự thảo lần 2") is on it
    # extensions
    issuer_parent: str | None = None  # the line above the issuer ("UBND TỈNH NGHỆ AN")
    authority: str | None = None  # the issuing authority line ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH")
    articles: list[Article] = []
    # an attached document (Điều lệ, Quy chế … "kèm theo Quyết định số …") has no number
    # or date of its own: the parent decision's are recorded here
    attached_to: ParentDocument | None = None


class Plan(Model):
    title: str | None = None
    year_start: int | None = None
    year_end: int | None = None
    theme: str | None = None  # extension: "Chủ đề cải cách hành chính năm 2025: …"


class Section(Model):
    id: str
    label: str | None = None
    heading: str
    level: int
    parent: str | None = None
    area: Area | None = None
    kind: SectionKind | None = None  # extension
    loc: Loc = Loc()


class Target(Model):
    text: str
    metric: Metric
    value: float
    value_max: float | None = None
    comparator: Comparator
    direction: Direction | None = None
    unit: str | None = None
    out_of: float | None = None
    year: int | None = None
    area: Area | None = None
    indicator: str | None = None
    section: str | None = None
    loc: Loc = Loc()


class Deadline(Model):
    raw: str
    kind: DeadlineKind
    start: dt.date | None = None
    end: dt.date | None = None
    recurrence: Recurrence | None = None
    parts: list[Deadline] = []


class TaskParent(Model):
    no: str | None = None
    name: str


class Task(Model):
    no: str | None = None
    name: str
    parent: TaskParent | None = None
    target: str | None = None
    outputs: list[str] = []
    lead: list[str] = []
    support: list[str] = []
    deadline: Deadline | None = None
    funding: str | None = None
    group: str | None = None
    area: Area | None = None
    source: TaskSource
    lead_raw: str | None = None  # extension: the cell text as written
    support_raw: str | None = None  # extension
    loc: Loc = Loc()


class Citation(Model):
    raw: str
    doc_type: DocType | None = None
    number: str | None = None
    serial: str | None = None
    year: int | None = None
    symbol: str | None = None
    issuer: str | None = None
    date: str | None = None
    title: str | None = None
    role: CitationRole = CitationRole.MENTION
    amended_by: str | None = None  # extension: number of the amending document when stated
    loc: Loc = Loc()


class AgencyRef(Model):
    name: str
    province: str | None = None
    kind: AgencyKind = AgencyKind.AGENCY
    mentions: list[str] = []


class QualityCheck(Model):
    name: str
    passed: bool
    detail: str | None = None


class Quality(Model):
    score: float = 0.0
    checks: list[QualityCheck] = []


class ExtractResult(Model):
    schema_version: Literal["1"] = SCHEMA_VERSION
    source: Source
    document: Header = Header()
    plan: Plan | None = None
    sections: list[Section] = []
    targets: list[Target] = []
    tasks: list[Task] = []
    citations: list[Citation] = []
    agencies: list[AgencyRef] = []
    warnings: list[WarningItem] = []
    quality: Quality = Quality()
