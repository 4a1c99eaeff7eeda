"""add email to users

Revision ID: 5a2e8c1d9f47
Revises: 3f1c2a9b7d10
Create Date: 2024-03-12 11:20:13.337001

"""
from alembic import op
import sqlalchemy as sa

revision = "5a2e8c1d9f47"
down_revision = "3f1c2a9b7d10"


def upgrade():
    op.add_column("users", sa.Column("email", sa.String(255), nullable=True)


def downgrade():
    op.drop_column("users", "email")
