from alembic import op
import sqlalchemy as sa


def upgrade() -> None:
    op.create_index("ix_posts_author_published", "posts", ["author_id", "published_at"), unique=False)


def downgrade() -> None:
    op.drop_index("ix_posts_author_published", table_name="posts")
