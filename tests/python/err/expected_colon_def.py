"""create tag table

Revision ID: 0f2b4d6e8a17
Revises: 8d0f2b4c6e95
Create Date: 2024-05-26 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "0f2b4d6e8a17"
down_revision = "8d0f2b4c6e95"


def upgrade() -> None
    op.create_table("tag", sa.Column("id", sa.Integer(), primary_key=True))
