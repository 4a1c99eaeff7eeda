from __future__ import annotations

import datetime
from typing import List, Optional

import sqlalchemy as sa
from sqlalchemy import ForeignKey, Index, String, UniqueConstraint, func, text
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    nickname: Mapped[Optional[str]]
    born: Mapped[Optional[datetime.date]]
    created: Mapped[datetime.datetime] = mapped_column(server_default=text("datetime('now')"))
    rank: Mapped[int] = mapped_column(server_default=text("-1"))
    slug: Mapped[str] = mapped_column(String(80), server_default=func.lower("X"))
    books: Mapped[List[Book]] = relationship(back_populates="author")


class Book(Base):
    __tablename__ = "book"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    author_id: Mapped[int] = mapped_column(ForeignKey(Author.id, ondelete="CASCADE"))
    isbn: Mapped[Optional[str]] = mapped_column(String(13), sort_order=-1)
    author: Mapped[Author] = relationship(back_populates="books")

    @declared_attr.directive
    def __table_args__(cls):
        return (
            UniqueConstraint(cls.title, cls.author_id),
            Index("ix_book_lower_title", text("lower(title)")),
            sa.CheckConstraint("length(isbn) = 13", name="ck_isbn"),
        )
