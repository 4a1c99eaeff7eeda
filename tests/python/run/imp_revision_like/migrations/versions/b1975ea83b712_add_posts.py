"""add posts

Revision ID: b1975ea83b712
Revises: ae1027a6acf
Create Date: 2024-01-02 10:00:00

"""
revision = "b1975ea83b712"
down_revision = "ae1027a6acf"
branch_labels = None
depends_on = None


def upgrade():
    return ["create_table posts", "create_index ix_posts_user_id"]


def downgrade():
    return ["drop_index ix_posts_user_id", "drop_table posts"]
