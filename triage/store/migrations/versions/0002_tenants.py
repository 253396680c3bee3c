"""Tenants: keys, orders and webhooks belong to the account of the key that made them.

Existing rows belong to the default tenant ("default"), so a deployment that had one
account keeps working unchanged.

Revision ID: 0002_tenants
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_tenants"
down_revision = "0001"
branch_labels = None
depends_on = None

TABLES = ("api_keys", "orders", "webhooks")


def upgrade() -> None:
    """Add ``tenant_id`` (default "default") to keys, orders and webhooks."""
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("tenant_id", sa.String(64), nullable=False, server_default="default")
            )
    op.create_index("ix_orders_tenant_id", "orders", ["tenant_id"])
    op.create_index("ix_webhooks_tenant_id", "webhooks", ["tenant_id"])


def downgrade() -> None:
    """Drop the tenant columns (every row falls back to one shared account)."""
    op.drop_index("ix_webhooks_tenant_id", "webhooks")
    op.drop_index("ix_orders_tenant_id", "orders")
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("tenant_id")
