"""Owners' statistics (anonymous daily counters, redacted unanswered messages) and where a directory
record comes from (curated by people, or imported from PTV).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: Union[str, Sequence[str], None] = "0002"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "analytics_daily_counts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("county", sa.String(length=40), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("metric", sa.String(length=40), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("day", "county", "language", "metric", "key", name="uq_analytics_daily_counts"),
    )
    op.create_index("ix_analytics_daily_counts_day", "analytics_daily_counts", ["day"])
    op.create_table(
        "analytics_unanswered",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("county", sa.String(length=40), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("intent", sa.String(length=80), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_analytics_unanswered_day", "analytics_unanswered", ["day"])
    # Existing rows were all written by people: the server default marks them "curated".
    for table in ("services", "helplines"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("origin", sa.String(length=10), nullable=False, server_default="curated"))


def downgrade() -> None:
    for table in ("helplines", "services"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("origin")
    op.drop_index("ix_analytics_unanswered_day", table_name="analytics_unanswered")
    op.drop_table("analytics_unanswered")
    op.drop_index("ix_analytics_daily_counts_day", table_name="analytics_daily_counts")
    op.drop_table("analytics_daily_counts")
