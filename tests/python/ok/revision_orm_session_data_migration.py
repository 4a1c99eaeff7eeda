"""move addresses with orm session

Revision ID: 6a8c0e2f4b75
Revises: 4e6a8c0d2f53
Create Date: 2024-05-16 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy import orm


# revision identifiers, used by Alembic.
revision: str = '6a8c0e2f4b75'
down_revision: Union[str, Sequence[str], None] = '4e6a8c0d2f53'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


Base = orm.declarative_base()


class User(Base):
    __tablename__ = "users"

    id = sa.Column(sa.Integer, primary_key=True)
    address = sa.Column(sa.String(300))


class Address(Base):
    __tablename__ = "address"

    id = sa.Column(sa.Integer, primary_key=True)
    user_id = sa.Column(sa.Integer, sa.ForeignKey("users.id"))
    line = sa.Column(sa.String(300))


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "address",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id")),
        sa.Column("line", sa.String(300)),
    )
    bind = op.get_bind()
    session = orm.Session(bind=bind)
    for user in session.query(User).filter(User.address.isnot(None)):
        session.add(Address(user_id=user.id, line=user.address))
    session.commit()
    op.drop_column("users", "address")


def downgrade() -> None:
    """Downgrade schema."""
    op.add_column("users", sa.Column("address", sa.String(300)))
    session = orm.Session(bind=op.get_bind())
    for address in session.query(Address).all():
        session.get(User, address.user_id).address = address.line
    session.commit()
    op.drop_table("address")
