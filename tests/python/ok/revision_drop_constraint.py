"""drop old constraints

Revision ID: b4d6f8a0c2e5
Revises: 8a0c2e4f6b17
Create Date: 2024-03-29 18:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'b4d6f8a0c2e5'
down_revision: Union[str, Sequence[str], None] = '8a0c2e4f6b17'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.drop_constraint("fk_comment_post", "comment", type_="foreignkey")
    op.drop_constraint("uq_comment_hash", "comment", type_="unique")
    op.drop_constraint("ck_comment_length", "comment", type_="check")
    op.drop_constraint("ix_comment_created", "comment")


def downgrade() -> None:
    """Downgrade schema."""
    op.create_unique_constraint("ix_comment_created", "comment", ["created"])
    op.create_check_constraint("ck_comment_length", "comment", "length(body) <= 5000")
    op.create_unique_constraint("uq_comment_hash", "comment", ["hash"])
    op.create_foreign_key("fk_comment_post", "comment", "post", ["post_id"], ["id"])
