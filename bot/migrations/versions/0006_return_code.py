"""The web chat's return codes (only HMAC digests) for coming back to a left message.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0006"
down_revision: Union[str, Sequence[str], None] = "0005"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "return_codes",
        sa.Column("code_digest", sa.String(length=64), nullable=False),
        sa.Column("conversation_id", sa.String(length=128), nullable=False),
        sa.Column("handoff_id", sa.String(length=32), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["handoff_id"], ["handoffs.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("code_digest"),
        sa.UniqueConstraint("handoff_id"),
    )
    with op.batch_alter_table("return_codes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_return_codes_conversation_id"), ["conversation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_return_codes_expires_at"), ["expires_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("return_codes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_return_codes_expires_at"))
        batch_op.drop_index(batch_op.f("ix_return_codes_conversation_id"))

    op.drop_table("return_codes")
