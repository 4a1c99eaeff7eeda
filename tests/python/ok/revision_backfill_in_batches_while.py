"""backfill slugs in batches

Revision ID: 8e0a2c4d6f91
Revises: 6c8e0a2b4d79
Create Date: 2024-05-08 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import re


# revision identifiers, used by Alembic.
revision: str = '8e0a2c4d6f91'
down_revision: Union[str, Sequence[str], None] = '6c8e0a2b4d79'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


BATCH_SIZE = 500


def slugify(title: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return slug or "untitled"


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("posts", sa.Column("slug", sa.String(220), nullable=True))
    conn = op.get_bind()
    last_id = 0
    while True:
        rows = conn.execute(
            sa.text("SELECT id, title FROM posts WHERE id > :last ORDER BY id LIMIT :size"),
            {"last": last_id, "size": BATCH_SIZE},
        ).fetchall()
        if not rows:
            break
        conn.execute(
            sa.text("UPDATE posts SET slug = :slug WHERE id = :id"),
            [{"slug": f"{slugify(title)}-{pk}", "id": pk} for pk, title in rows],
        )
        last_id = rows[-1][0]
    op.alter_column("posts", "slug", nullable=False)
    op.create_unique_constraint("uq_posts_slug", "posts", ["slug"])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_constraint("uq_posts_slug", "posts", type_="unique")
    op.drop_column("posts", "slug")
