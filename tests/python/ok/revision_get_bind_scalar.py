"""guard against duplicates

Revision ID: 6b8d0f2a4c71
Revises: 1a3c5e7f9b0d
Create Date: 2024-04-09 10:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '6b8d0f2a4c71'
down_revision: Union[str, Sequence[str], None] = '1a3c5e7f9b0d'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    conn = op.get_bind()
    duplicates = conn.execute(
        sa.text("SELECT count(*) FROM (SELECT email FROM users GROUP BY email HAVING count(*) > :n) d"),
        {"n": 1},
    ).scalar()
    if duplicates:
        raise RuntimeError(f"{duplicates} duplicated e-mail addresses; clean them up before upgrading")

    max_id = conn.execute(sa.text("SELECT max(id) FROM users")).scalar() or 0
    print(f"users up to id {max_id:,} checked")
    op.create_unique_constraint("uq_users_email", "users", ["email"])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_constraint("uq_users_email", "users", type_="unique")
