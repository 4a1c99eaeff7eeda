"""role ids lookup

Revision ID: 2d4f6b8c0e39
Revises: 0b2d4f6a8c17
Create Date: 2024-05-22 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '2d4f6b8c0e39'
down_revision: Union[str, Sequence[str], None] = '0b2d4f6a8c17'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


role = sa.table("role", sa.column("id", sa.Integer), sa.column("name", sa.String))
user_role = sa.table("user_role", sa.column("user_id", sa.Integer), sa.column("role_id", sa.Integer))


def upgrade() -> None:
    """Upgrade schema."""
    conn = op.get_bind()
    ids = dict(conn.execute(sa.select(role.c.name, role.c.id)).all())
    admins = conn.execute(sa.text("SELECT id FROM users WHERE is_superuser")).scalars().all()
    if admins and "admin" in ids:
        conn.execute(user_role.insert(), [{"user_id": uid, "role_id": ids["admin"]} for uid in admins])
    op.drop_column("users", "is_superuser")


def downgrade() -> None:
    """Downgrade schema."""
    op.add_column("users", sa.Column("is_superuser", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.execute(
        "UPDATE users SET is_superuser = TRUE WHERE id IN "
        "(SELECT user_id FROM user_role JOIN role ON role.id = user_role.role_id WHERE role.name = 'admin')"
    )
