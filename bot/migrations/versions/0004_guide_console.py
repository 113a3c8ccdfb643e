"""The guide console's logins: sessions, API tokens (both stored as digests) and failed logins.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0004"
down_revision: Union[str, Sequence[str], None] = "0003"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "guide_api_tokens",
        sa.Column("token_digest", sa.String(length=64), nullable=False),
        sa.Column("guide_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["guide_id"], ["guides.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("token_digest"),
    )
    with op.batch_alter_table("guide_api_tokens", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_guide_api_tokens_guide_id"), ["guide_id"], unique=False)

    op.create_table(
        "guide_login_failures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("guide_login_failures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_guide_login_failures_address"), ["address"], unique=False)
        batch_op.create_index(batch_op.f("ix_guide_login_failures_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_guide_login_failures_username"), ["username"], unique=False)

    op.create_table(
        "guide_sessions",
        sa.Column("token_digest", sa.String(length=64), nullable=False),
        sa.Column("guide_id", sa.Integer(), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["guide_id"], ["guides.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("token_digest"),
    )
    with op.batch_alter_table("guide_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_guide_sessions_expires_at"), ["expires_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_guide_sessions_guide_id"), ["guide_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("guide_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_guide_sessions_guide_id"))
        batch_op.drop_index(batch_op.f("ix_guide_sessions_expires_at"))

    op.drop_table("guide_sessions")
    with op.batch_alter_table("guide_login_failures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_guide_login_failures_username"))
        batch_op.drop_index(batch_op.f("ix_guide_login_failures_at"))
        batch_op.drop_index(batch_op.f("ix_guide_login_failures_address"))

    op.drop_table("guide_login_failures")
    with op.batch_alter_table("guide_api_tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_guide_api_tokens_guide_id"))

    op.drop_table("guide_api_tokens")
