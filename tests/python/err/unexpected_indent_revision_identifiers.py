"""add phone

Revision ID: 5a2e8c1d9f47
Revises: 0b9d7f3e2c18
Create Date: 2024-03-12 11:20:13.337001

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "5a2e8c1d9f47"
 down_revision = "0b9d7f3e2c18"
branch_labels = None
