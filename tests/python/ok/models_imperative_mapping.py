from dataclasses import dataclass, field
from typing import List

from sqlalchemy import Column, ForeignKey, Integer, MetaData, String, Table
from sqlalchemy.orm import registry, relationship

mapper_registry = registry()
metadata = MetaData()


@dataclass
class Address:
    id: int = field(init=False)
    user_id: int = field(init=False)
    email_address: str = ""


@dataclass
class User:
    id: int = field(init=False)
    name: str = ""
    addresses: List[Address] = field(default_factory=list)


user_table = Table(
    "user",
    mapper_registry.metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(50)),
)

address_table = Table(
    "address",
    mapper_registry.metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("user.id")),
    Column("email_address", String(50)),
)

mapper_registry.map_imperatively(
    User,
    user_table,
    properties={"addresses": relationship(Address, backref="user", order_by=address_table.c.id)},
)
mapper_registry.map_imperatively(Address, address_table)
