"""Indexes on the foreign keys of the content tables (document_id, task_id).

Replacing a document deletes its rows by cascade; without these indexes every delete
scans the child tables, so a long import grew slower with each document.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

CONTENT_TABLES = ("sections", "targets", "tasks", "citations", "document_agencies",
                  "document_warnings")


def upgrade() -> None:
    for table in CONTENT_TABLES:
        op.create_index(f"ix_{table}_document_id", table, ["document_id"])
    op.create_index("ix_task_agencies_task_id", "task_agencies", ["task_id"])


def downgrade() -> None:
    op.drop_index("ix_task_agencies_task_id", table_name="task_agencies")
    for table in CONTENT_TABLES:
        op.drop_index(f"ix_{table}_document_id", table_name=table)
