"""create account table

Revision ID: 1a2b3c4d5e6f
Revises:
Create Date: 2024-05-01 12:00:00.000000

"""
from typing import Sequence, Union

import op
from op import Column

revision: str = "1a2b3c4d5e6f"
down_revision: Union[str, None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "account",
        Column("id", "INTEGER", primary_key=True),
        Column("name", "VARCHAR(50)", nullable=False),
        Column("description", "VARCHAR(200)"),
    )
    op.create_index("ix_account_name", "account", ["name"], unique=True)
    op.add_column("account", Column("last_transaction_date", "DATETIME"))
    with op.batch_alter_table("account") as batch_op:
        batch_op.alter_column("name", nullable=True, type_="VARCHAR(100)")
        batch_op.drop_column("description")


def downgrade() -> None:
    op.drop_index("ix_account_name", table_name="account")
    op.drop_table("account")
