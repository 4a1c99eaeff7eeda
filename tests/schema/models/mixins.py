from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column


class Base(DeclarativeBase):
    pass


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    updated_at: Mapped[datetime | None] = mapped_column(onupdate=func.now())


class TableNameMixin:
    @declared_attr.directive
    def __tablename__(cls) -> str:
        return cls.__name__.lower() + "s"


class OwnedMixin:
    @declared_attr
    def owner_id(cls) -> Mapped[int]:
        return mapped_column(ForeignKey("users.id"))


class Model(Base):
    __abstract__ = True

    id: Mapped[int] = mapped_column(primary_key=True)


class User(TableNameMixin, TimestampMixin, Model):
    name: Mapped[str] = mapped_column(String(40))


class Post(OwnedMixin, TableNameMixin, TimestampMixin, Model):
    title: Mapped[str] = mapped_column(String(80))
    views: Mapped[int] = mapped_column(Integer, default=0)
