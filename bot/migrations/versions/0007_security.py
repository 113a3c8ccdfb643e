"""The guide console's security work (issue 13): API tokens record when they were last used; failed
logins move from one row per failure to one throttle row per username and per client address.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0007"
down_revision: Union[str, Sequence[str], None] = "0006"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("guide_api_tokens", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_used_at", sa.DateTime(), nullable=True))

    op.create_table(
        "guide_login_throttle",
        sa.Column("key", sa.String(length=160), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("next_at", sa.DateTime(), nullable=False),
        sa.Column("last_failure_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("key"),
    )
    with op.batch_alter_table("guide_login_throttle", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_guide_login_throttle_last_failure_at"), ["last_failure_at"], unique=False)

    # Failures of the old table are at most 15 minutes old and only slowed logins down: not carried over.
    with op.batch_alter_table("guide_login_failures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_guide_login_failures_username"))
        batch_op.drop_index(batch_op.f("ix_guide_login_failures_at"))
        batch_op.drop_index(batch_op.f("ix_guide_login_failures_address"))
    op.drop_table("guide_login_failures")


def downgrade() -> None:
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

    with op.batch_alter_table("guide_login_throttle", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_guide_login_throttle_last_failure_at"))
    op.drop_table("guide_login_throttle")

    with op.batch_alter_table("guide_api_tokens", schema=None) as batch_op:
        batch_op.drop_column("last_used_at")
