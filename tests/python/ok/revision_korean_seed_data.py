"""카테고리 기본 데이터

Revision ID: e4a6c8d0f2b7
Revises: c2e4a6b8d0f5
Create Date: 2024-05-11 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'e4a6c8d0f2b7'
down_revision: Union[str, Sequence[str], None] = 'c2e4a6b8d0f5'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


# 기본 카테고리를 추가합니다.
category = sa.table(
    "category",
    sa.column("id", sa.Integer),
    sa.column("name", sa.String),
    sa.column("parent_id", sa.Integer),
)

기본_카테고리 = ["전자제품", "도서", "의류", "식품"]


def upgrade() -> None:
    """Upgrade schema."""
    op.bulk_insert(
        category,
        [{"id": i, "name": 이름, "parent_id": None} for i, 이름 in enumerate(기본_카테고리, 1)],
    )
    op.execute(
        category.insert().values(id=100, name="노트북", parent_id=1)
    )  # 전자제품 > 노트북


def downgrade() -> None:
    """Downgrade schema."""
    op.execute(category.delete().where(category.c.id == 100))
    op.execute(category.delete().where(category.c.name.in_(기본_카테고리)))
