"""split full name

Revision ID: 1a3c5e7f9b0d
Revises: e8a0c2d4f6b9
Create Date: 2024-04-08 08:08:08.080808

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '1a3c5e7f9b0d'
down_revision: Union[str, Sequence[str], None] = 'e8a0c2d4f6b9'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("person", sa.Column("first_name", sa.String(50)))
    op.add_column("person", sa.Column("last_name", sa.String(50)))

    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, full_name FROM person WHERE full_name IS NOT NULL")).fetchall()
    for person_id, full_name in rows:
        first, _, last = full_name.partition(" ")
        conn.execute(
            sa.text("UPDATE person SET first_name = :first, last_name = :last WHERE id = :id"),
            {"first": first, "last": last or None, "id": person_id},
        )

    op.drop_column("person", "full_name")


def downgrade() -> None:
    """Downgrade schema."""
    op.add_column("person", sa.Column("full_name", sa.String(101)))
    conn = op.get_bind()
    conn.execute(sa.text("UPDATE person SET full_name = first_name || ' ' || coalesce(last_name, '')"))
    op.drop_column("person", "last_name")
    op.drop_column("person", "first_name")
