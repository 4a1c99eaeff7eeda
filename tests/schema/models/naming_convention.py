from sqlalchemy import (
    CheckConstraint, Column, ForeignKey, Index, Integer, MetaData, String, UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase

convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=convention)


class Parent(Base):
    __tablename__ = "parent"

    id = Column(Integer, primary_key=True)
    code = Column(String(10), unique=True)
    name = Column(String(30), index=True)
    __table_args__ = (
        CheckConstraint("length(code) = 10", name="code_len"),
        UniqueConstraint("name", "code"),
        Index(None, "code", "name"),
    )


class Child(Base):
    __tablename__ = "child"

    id = Column(Integer, primary_key=True)
    parent_id = Column(Integer, ForeignKey("parent.id"))
    label = Column(String(30), index=True, unique=True)
