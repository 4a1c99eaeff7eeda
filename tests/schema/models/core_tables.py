import sqlalchemy as sa
from sqlalchemy import Column, ForeignKey, Index, Integer, MetaData, String, Table, UniqueConstraint

metadata = MetaData()

user = Table(
    "user",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(50), nullable=False),
    Column("email", String(120)),
    UniqueConstraint("email", name="uq_user_email"),
)

address = Table(
    "address",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", ForeignKey("user.id"), nullable=False),
    Column("street", String(100)),
    Index("ix_address_street", "street"),
)

tag = sa.Table(
    "tag",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("label", sa.String(20), unique=True),
)

link = Table(
    "link",
    metadata,
    Column("tag_id", ForeignKey("tag.id"), primary_key=True),
    Column("address_id", ForeignKey("address.id"), primary_key=True),
)
