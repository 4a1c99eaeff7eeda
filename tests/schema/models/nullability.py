from typing import Optional, Union

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Note(Base):
    __tablename__ = "note"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    body: Mapped[str | None]
    summary: Mapped[Optional[str]] = mapped_column(String(200))
    rank: Mapped[Union[int, None]]
    forced: Mapped[Optional[int]] = mapped_column(nullable=False)
    loose: Mapped[int] = mapped_column(nullable=True)
    text_body: Mapped[str] = mapped_column(Text)
    untyped = mapped_column(Integer)
    plain: Mapped["str"] = mapped_column(String(20))
    flag: Mapped[bool | None] = mapped_column(default=None)
    score: Mapped[float]
