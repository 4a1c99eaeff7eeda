"""email required

Revision ID: 27c8e9d0a4b1
Revises: e61f0a4b8c25
Create Date: 2024-03-16 09:09:09.090909

"""
from alembic import op
import sqlalchemy as sa

revision = "27c8e9d0a4b1"
down_revision = "e61f0a4b8c25"


def upgrade() -> None:
    op.alter_column("users", "email", existing_type=sa.String(255), sa.nullable=False)
