"""The database tables (SQLAlchemy Core: rows in, no identity map).

Dashboards read the views of CONTRACT §4 (load/views/*.sql), not these tables.
Every row of targets, tasks and citations keeps its provenance: the document
(with its file path and sha256) and the page and section it came from.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()


def _doc_fk() -> Column[int]:
    return Column(
        "document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False
    )


imports = Table(
    "imports",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("started_at", String(32), nullable=False),
    Column("finished_at", String(32)),
    Column("status", String(16), nullable=False),  # running | done | failed
    Column("files", Integer, nullable=False, default=0),
    Column("loaded", Integer, nullable=False, default=0),
    Column("unchanged", Integer, nullable=False, default=0),
    Column("replaced", Integer, nullable=False, default=0),
    Column("failures", Integer, nullable=False, default=0),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", String(64), nullable=False, unique=True),
    # the version key: same number and issuer (or, for a draft with a blank number,
    # same issuer, type, title and month) means a new version of the same document
    Column("identity_key", String(512), nullable=False, unique=True),
    Column("path", Text, nullable=False),
    Column("format", String(8), nullable=False),
    Column("pages", Integer),
    Column("doc_type", String(32)),
    Column("number", String(128)),
    Column("serial", String(32)),
    Column("symbol", String(96)),
    Column("issuer", Text),
    Column("place", String(128)),
    Column("province", String(128)),
    Column("issued_date", String(10)),
    Column("issued_year", Integer),
    Column("title", Text),
    Column("signer_name", String(256)),
    Column("signer_position", String(256)),
    Column("signer_authority", String(256)),
    Column("plan_title", Text),
    Column("year_start", Integer),
    Column("year_end", Integer),
    Column("theme", Text),
    Column("quality_score", Float),
    Column("warnings_count", Integer, nullable=False, default=0),
    Column("record_json", Text, nullable=False),
    Column("import_id", Integer, ForeignKey("imports.id")),
    Column("imported_at", String(32), nullable=False),
)
Index("ix_documents_number", documents.c.symbol, documents.c.serial)

document_replacements = Table(
    "document_replacements",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("identity_key", String(512), nullable=False),
    Column("old_sha256", String(64), nullable=False),
    Column("old_path", Text),
    Column("new_sha256", String(64), nullable=False),
    Column("new_path", Text),
    Column("replaced_at", String(32), nullable=False),
    Column("import_id", Integer),
)

# Every file ever imported, by content: importing the same bytes again changes nothing,
# even after a newer version of the document replaced the one they gave.
source_files = Table(
    "source_files",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("path", Text, nullable=False),
    Column("identity_key", String(512), nullable=False),
    Column("first_seen", String(32), nullable=False),
    Column("import_id", Integer),
)

sections = Table(
    "sections",
    metadata,
    Column("id", Integer, primary_key=True),
    _doc_fk(),
    Column("section_id", String(128), nullable=False),
    Column("label", String(32)),
    Column("heading", Text, nullable=False),
    Column("level", Integer, nullable=False),
    Column("parent", String(128)),
    Column("area", String(32)),
    Column("kind", String(32)),
    Column("page", Integer),
    UniqueConstraint("document_id", "section_id"),
)

targets = Table(
    "targets",
    metadata,
    Column("id", Integer, primary_key=True),
    _doc_fk(),
    Column("seq", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("metric", String(16), nullable=False),
    Column("value", Float, nullable=False),
    Column("value_max", Float),
    Column("comparator", String(2), nullable=False),
    Column("direction", String(16)),
    Column("unit", String(64)),
    Column("out_of", Float),
    Column("target_year", Integer),
    Column("area", String(32)),
    Column("indicator", String(64)),
    Column("section", String(128)),
    Column("page", Integer),
)
Index("ix_targets_indicator", targets.c.indicator)

tasks = Table(
    "tasks",
    metadata,
    Column("id", Integer, primary_key=True),
    _doc_fk(),
    Column("seq", Integer, nullable=False),
    Column("task_no", String(32)),
    Column("name", Text, nullable=False),
    Column("parent_no", String(32)),
    Column("parent_name", Text),
    Column("target", Text),
    Column("outputs", Text),  # JSON list
    Column("lead", Text),  # canonical names joined with "; " (CONTRACT v_tasks)
    Column("support", Text),
    Column("lead_raw", Text),
    Column("support_raw", Text),
    Column("deadline_raw", Text),
    Column("deadline_kind", String(16)),
    Column("deadline_start", String(10)),
    Column("deadline_end", String(10)),
    Column("recurrence", String(16)),
    Column("funding", Text),
    Column("task_group", String(32)),
    Column("area", String(32)),
    Column("source", String(8), nullable=False),
    Column("section", String(128)),
    Column("page", Integer),
)

task_agencies = Table(
    "task_agencies",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("task_id", Integer, ForeignKey("tasks.id", ondelete="CASCADE"), nullable=False),
    Column("role", String(8), nullable=False),  # lead | support
    Column("position", Integer, nullable=False),
    Column("agency", String(256), nullable=False),
    Column("province", String(128)),
)
Index("ix_task_agencies_agency", task_agencies.c.agency)

citations = Table(
    "citations",
    metadata,
    Column("id", Integer, primary_key=True),
    _doc_fk(),
    Column("seq", Integer, nullable=False),
    Column("raw", Text, nullable=False),
    Column("doc_type", String(32)),
    Column("cited_number", String(128)),
    Column("serial", String(32)),
    Column("year", Integer),
    Column("symbol", String(96)),
    Column("issuer", Text),
    Column("cited_date", String(10)),
    Column("title", Text),
    Column("role", String(8), nullable=False),
    Column("amended_by", String(128)),
    Column("section", String(128)),
    Column("page", Integer),
)
Index("ix_citations_identity", citations.c.symbol, citations.c.serial)

document_agencies = Table(
    "document_agencies",
    metadata,
    Column("id", Integer, primary_key=True),
    _doc_fk(),
    Column("name", String(256), nullable=False),
    Column("province", String(128)),
    Column("kind", String(16), nullable=False),  # "unregistered" is 12 characters
    Column("mentions", Text),  # JSON list
)

document_warnings = Table(
    "document_warnings",
    metadata,
    Column("id", Integer, primary_key=True),
    _doc_fk(),
    Column("code", String(64), nullable=False),
    Column("message", Text, nullable=False),
    Column("page", Integer),
)

# Reference data, seeded from normalize/data by the migrations' seed step.
successors = Table(
    "successors",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("agency", String(256), nullable=False),
    Column("province", String(128)),
    Column("successor", String(256), nullable=False),
    Column("effective_date", String(10)),
    Column("basis", Text),
)

indicators = Table(
    "indicators",
    metadata,
    Column("code", String(64), primary_key=True),
    Column("label", Text, nullable=False),
)

CONTENT_TABLES = (
    sections, targets, tasks, citations, document_agencies, document_warnings,
)

# Foreign keys get no index of their own (PostgreSQL, SQLite): without these, replacing a
# document cascades by scanning every child table, and imports slow down as they grow.
for _table in CONTENT_TABLES:
    Index(f"ix_{_table.name}_document_id", _table.c.document_id)
Index("ix_task_agencies_task_id", task_agencies.c.task_id)
