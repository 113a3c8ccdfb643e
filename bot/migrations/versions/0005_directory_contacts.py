"""Directory records gain named contacts for professionals, the county's way in when a unit has no line of
its own, and the source page's own date (issue 14).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: Union[str, Sequence[str], None] = "0004"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

_TABLES = ("services", "helplines")


def upgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            # Existing rows name nobody: an empty list.
            batch.add_column(sa.Column("contacts", sa.JSON(), nullable=False, server_default="[]"))
            batch.add_column(sa.Column("how_to_reach_fi", sa.Text(), nullable=True))
            batch.add_column(sa.Column("how_to_reach_sv", sa.Text(), nullable=True))
            batch.add_column(sa.Column("how_to_reach_url", sa.String(length=400), nullable=True))
            batch.add_column(sa.Column("how_to_reach_source", sa.String(length=400), nullable=True))
            batch.add_column(sa.Column("source_date", sa.Date(), nullable=True))


def downgrade() -> None:
    for table in reversed(_TABLES):
        with op.batch_alter_table(table) as batch:
            for column in (
                "source_date",
                "how_to_reach_source",
                "how_to_reach_url",
                "how_to_reach_sv",
                "how_to_reach_fi",
                "contacts",
            ):
                batch.drop_column(column)
