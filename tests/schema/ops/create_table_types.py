import enum

from alembic import op
import sqlalchemy as sa


class Mood(enum.Enum):
    happy = 1
    sad = 2


op.create_table(
    'profile',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('mood', sa.Enum(Mood), nullable=True),
    sa.Column('size', sa.Enum('S', 'M', 'L', name='size', create_constraint=True), nullable=False),
    sa.Column('active', sa.Boolean(create_constraint=True, name='ck_active'), nullable=True),
    sa.Column('uid', sa.Uuid(), nullable=True),
    sa.Column('big', sa.BigInteger(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
)
op.alter_column('profile', 'big', comment='a big number', existing_type=sa.BigInteger())
op.execute("INSERT INTO profile (id, mood, size) VALUES (1, 'happy', 'S')")
op.execute("INSERT INTO profile (id, mood, size) VALUES (2, 'sad', 'XL')")
