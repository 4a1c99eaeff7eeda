"""foreign keys in batch mode

Revision ID: 8c0e2a4b6d97
Revises: 6a8c0e2f4b75
Create Date: 2024-05-17 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '8c0e2a4b6d97'
down_revision: Union[str, Sequence[str], None] = '6a8c0e2f4b75'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.add_column(sa.Column("category_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_item_category_id_category"), "category", ["category_id"], ["id"])
        batch_op.create_index(batch_op.f("ix_item_category_id"), ["category_id"], unique=False)

    with op.batch_alter_table("category", schema=None) as batch_op:
        batch_op.create_check_constraint("ck_category_name", sa.text("name <> ''"))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("category", schema=None) as batch_op:
        batch_op.drop_constraint("ck_category_name", type_="check")

    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_item_category_id"))
        batch_op.drop_constraint(batch_op.f("fk_item_category_id_category"), type_="foreignkey")
        batch_op.drop_column("category_id")
