"""add status to orders

Revision ID: 9d3b5f7a1c60
Revises: 5a2e8c1d9f47
Create Date: 2024-03-14 14:02:59.110202

from alembic import op
import sqlalchemy as sa

revision = "9d3b5f7a1c60"
down_revision = "5a2e8c1d9f47"


def upgrade():
    op.add_column("orders", sa.Column("status", sa.String(20)))
