"""document_agencies.kind holds "unregistered" (issue 15): widen it from 8 to 16 characters.

PostgreSQL enforces the length of a VARCHAR, so the new kind would not fit the old column.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("document_agencies") as batch:
        batch.alter_column("kind", type_=sa.String(length=16), existing_nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("document_agencies") as batch:
        batch.alter_column("kind", type_=sa.String(length=8), existing_nullable=False)
