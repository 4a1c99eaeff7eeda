"""add users

Revision ID: ae1027a6acf
Revises:
Create Date: 2024-01-01 10:00:00

"""
from typing import Sequence, Union

revision: str = "ae1027a6acf"
down_revision: Union[str, None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    return ["create_table users"]


def downgrade() -> None:
    return ["drop_table users"]
