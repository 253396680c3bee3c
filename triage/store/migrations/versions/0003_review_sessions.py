"""Review sessions kept on the server: revocable, expiring, one row per login.

Revision ID: 0003_review_sessions
Revises: 0002_tenants
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_review_sessions"
down_revision = "0002_tenants"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the review_sessions table."""
    op.create_table(
        "review_sessions",
        sa.Column("id_hash", sa.String(64), primary_key=True),
        sa.Column(
            "api_key_id", sa.String(32), sa.ForeignKey("api_keys.id"), nullable=False, index=True
        ),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
    )


def downgrade() -> None:
    """Drop the review_sessions table (every analyst logs in again)."""
    op.drop_table("review_sessions")
