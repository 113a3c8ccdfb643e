"""The service directory: counties, municipalities, categories, services and national helplines.

These are the tables the foundation created with create_all(); bot.db.upgrade() records this revision
for such databases instead of creating the tables again.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _service_columns() -> list:
    """Columns shared by services and helplines (bot/directory/sql.py: _ServiceColumns, as of this revision)."""
    return [
        sa.Column("id", sa.String(length=120), nullable=False),
        sa.Column("name_fi", sa.String(length=200), nullable=False),
        sa.Column("name_sv", sa.String(length=200), nullable=False),
        sa.Column("description_fi", sa.Text(), nullable=False),
        sa.Column("description_sv", sa.Text(), nullable=False),
        sa.Column("url", sa.String(length=400), nullable=False),
        sa.Column("url_sv", sa.String(length=400), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("phone_source", sa.String(length=400), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("email_source", sa.String(length=400), nullable=True),
        sa.Column("address_fi", sa.String(length=300), nullable=True),
        sa.Column("address_sv", sa.String(length=300), nullable=True),
        sa.Column("address_source", sa.String(length=400), nullable=False),
        sa.Column("hours", sa.JSON(), nullable=True),
        sa.Column("hours_source", sa.String(length=400), nullable=False),
        sa.Column("contact_role_fi", sa.String(length=120), nullable=True),
        sa.Column("contact_role_sv", sa.String(length=120), nullable=True),
        sa.Column("contact_name", sa.String(length=120), nullable=True),
        sa.Column("contact_source", sa.String(length=400), nullable=True),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("audience", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(length=400), nullable=False),
        sa.Column("checked", sa.Date(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("review", sa.Boolean(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "counties",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("number", sa.String(length=2), nullable=False),
        sa.Column("name_fi", sa.String(length=120), nullable=False),
        sa.Column("name_sv", sa.String(length=120), nullable=False),
        sa.Column("website", sa.String(length=300), nullable=False),
        sa.Column("website_sv", sa.String(length=300), nullable=False),
        sa.Column("in_system", sa.Boolean(), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
        sa.UniqueConstraint("number"),
    )
    op.create_table(
        "service_categories",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name_fi", sa.String(length=120), nullable=False),
        sa.Column("name_sv", sa.String(length=120), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_table(
        "municipalities",
        sa.Column("code", sa.String(length=3), nullable=False),
        sa.Column("name_fi", sa.String(length=80), nullable=False),
        sa.Column("name_sv", sa.String(length=80), nullable=False),
        sa.Column("county_code", sa.String(length=40), nullable=False),
        sa.Column("bilingual", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["county_code"], ["counties.code"]),
        sa.PrimaryKeyConstraint("code"),
        sa.UniqueConstraint("name_fi"),
    )
    op.create_index("ix_municipalities_county_code", "municipalities", ["county_code"])
    op.create_table(
        "helplines",
        *_service_columns(),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_helplines_kind", "helplines", ["kind"])
    op.create_table(
        "services",
        *_service_columns(),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("county_code", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["category"], ["service_categories.code"]),
        sa.ForeignKeyConstraint(["county_code"], ["counties.code"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_services_category", "services", ["category"])
    op.create_index("ix_services_county_code", "services", ["county_code"])
    op.create_table(
        "service_municipalities",
        sa.Column("service_id", sa.String(length=120), nullable=False),
        sa.Column("municipality_code", sa.String(length=3), nullable=False),
        sa.ForeignKeyConstraint(["municipality_code"], ["municipalities.code"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["service_id"], ["services.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("service_id", "municipality_code"),
    )


def downgrade() -> None:
    op.drop_table("service_municipalities")
    op.drop_index("ix_services_county_code", table_name="services")
    op.drop_index("ix_services_category", table_name="services")
    op.drop_table("services")
    op.drop_index("ix_helplines_kind", table_name="helplines")
    op.drop_table("helplines")
    op.drop_index("ix_municipalities_county_code", table_name="municipalities")
    op.drop_table("municipalities")
    op.drop_table("service_categories")
    op.drop_table("counties")
