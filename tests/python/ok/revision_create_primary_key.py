"""composite primary key for enrollment

Revision ID: 8a0c2e4f6b17
Revises: 3e5a7c9d1f24
Create Date: 2024-03-28 09:45:30.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '8a0c2e4f6b17'
down_revision: Union[str, Sequence[str], None] = '3e5a7c9d1f24'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.drop_constraint("enrollment_pkey", "enrollment", type_="primary")
    op.drop_column("enrollment", "id")
    op.create_primary_key("pk_enrollment", "enrollment", ["student_id", "course_id"])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_constraint("pk_enrollment", "enrollment", type_="primary")
    op.add_column("enrollment", sa.Column("id", sa.Integer(), autoincrement=True, nullable=False))
    op.create_primary_key("enrollment_pkey", "enrollment", ["id"])
