import sqlalchemy as sa
from sqlalchemy import Column, DateTime, Integer, String, func, text, true, false
from sqlalchemy.orm import declarative_base

Base = declarative_base()


def default_name():
    return "anon"


class Account(Base):
    __tablename__ = "account"

    id = Column(Integer, primary_key=True, autoincrement=True)
    name = Column(String(50), nullable=False, default=default_name, comment="display name")
    code = Column(String(10), unique=True, server_default="x")
    status = Column(String(20), server_default=text("'new'"))
    created_at = Column(DateTime, server_default=func.now())
    updated_at = Column(DateTime, server_default=func.now(), onupdate=func.now())
    enabled = Column(sa.Boolean, server_default=true())
    deleted = Column(sa.Boolean, server_default=false(), nullable=False)
    counter = Column(Integer, default=0, server_default=text("0"))
    ratio = Column(sa.Float, server_default="1.5")
    ts = Column(DateTime, server_default=sa.func.current_timestamp())
    slug = Column(String(40), index=True, unique=True)
    legacy = Column("legacy_name", String(30), key="legacy", index=True)


class Counter(Base):
    __tablename__ = "counter"

    value = Column(Integer, primary_key=True, autoincrement=False)
    label = Column(String, primary_key=True)


class Log(Base):
    __tablename__ = "log"
    __table_args__ = {"sqlite_autoincrement": True, "comment": "audit log"}

    id = Column(Integer, primary_key=True)
    message = Column(String)
