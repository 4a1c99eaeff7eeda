"""create users table

Revision ID: 3f1c2a9b7d10
Revises:
Create Date: 2024-03-02 09:15:22.481512

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 3f1c2a9b7d10
down_revision = None
