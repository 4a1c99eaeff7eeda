"""inline literal for offline mode

Revision ID: e8a0c2d4f6b9
Revises: 4d6f8b0c2e58
Create Date: 2024-04-07 12:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'e8a0c2d4f6b9'
down_revision: Union[str, Sequence[str], None] = '4d6f8b0c2e58'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


account = sa.table("account", sa.column("name", sa.String), sa.column("tier", sa.String))


def upgrade() -> None:
    """Upgrade schema."""
    # inline_literal renders the value into the SQL, so `alembic upgrade --sql` works
    op.execute(
        account.update()
        .where(account.c.name == op.inline_literal("acme corp"))
        .values({"tier": op.inline_literal("enterprise")})
    )
    op.execute(
        account.update()
        .where(account.c.tier == op.inline_literal("gold", type_=sa.String))
        .values(tier=op.inline_literal("pro"))
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.execute(
        account.update()
        .where(account.c.name == op.inline_literal("acme corp"))
        .values({"tier": op.inline_literal("free")})
    )
