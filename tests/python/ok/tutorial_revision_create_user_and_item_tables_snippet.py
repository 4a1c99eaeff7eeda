# alembic/versions/1a2b3c4d5e6f_create_user_and_item_tables.py
"""Create user and item tables

Revision ID: 1a2b3c4d5e6f
Revises: 
Create Date: 2023-01-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

# ...

def upgrade():
    # 테이블 생성 코드
    op.create_table(
        'user',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('email', sa.String(), nullable=False),
        # ...
        sa.PrimaryKeyConstraint('id')
    )
    # ...

def downgrade():
    # 테이블 삭제 코드
    op.drop_table('item')
    op.drop_table('user')
