"""The contract's views (CONTRACT §4), from load/views/*.sql.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from alembic import op

from load.views import create_views, drop_views

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_views(op.get_bind())


def downgrade() -> None:
    drop_views(op.get_bind())
