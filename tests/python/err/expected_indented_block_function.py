"""add index

Revision ID: d5c7e9f1a3b4
Revises: a8d2f4c6e013
Create Date: 2024-03-21 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "d5c7e9f1a3b4"
down_revision = "a8d2f4c6e013"


def upgrade():
    op.create_index("ix_users_email", "users", ["email"])


def downgrade():
# TODO
