"""recreate item table

Revision ID: 2c4e6a8b0d13
Revises: f0b2d4e6a8c9
Create Date: 2024-04-11 11:11:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '2c4e6a8b0d13'
down_revision: Union[str, Sequence[str], None] = 'f0b2d4e6a8c9'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


naming_convention = {
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
}


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table(
        "item",
        recreate="always",
        naming_convention=naming_convention,
        table_args=(sa.CheckConstraint("price >= 0", name="ck_item_price"),),
        reflect_args=[sa.Column("flags", sa.Integer(), server_default="0")],
    ) as batch_op:
        batch_op.create_foreign_key("fk_item_owner_id_user", "user", ["owner_id"], ["id"], ondelete="CASCADE")
        batch_op.alter_column("title", new_column_name="name", existing_type=sa.String(100))
        batch_op.create_check_constraint("ck_item_name_not_empty", "length(name) > 0")


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("item", naming_convention=naming_convention) as batch_op:
        batch_op.drop_constraint("ck_item_name_not_empty", type_="check")
        batch_op.alter_column("name", new_column_name="title", existing_type=sa.String(100))
        batch_op.drop_constraint("fk_item_owner_id_user", type_="foreignkey")
