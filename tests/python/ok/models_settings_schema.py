import os

from sqlalchemy import MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

SCHEMA = os.environ.get("DB_SCHEMA") or None
TABLE_PREFIX = os.getenv("TABLE_PREFIX", "app_")


class Base(DeclarativeBase):
    metadata = MetaData(schema=SCHEMA)


class Widget(Base):
    __tablename__ = f"{TABLE_PREFIX}widget"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))


class Gadget(Base):
    __tablename__ = TABLE_PREFIX + "gadget"
    __table_args__ = {"schema": SCHEMA} if SCHEMA else {}

    id: Mapped[int] = mapped_column(primary_key=True)
    widget_id: Mapped[int | None]
