from typing import Optional, Union

from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Contact(Base):
    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    first: Mapped[str] = mapped_column(String(40))
    middle: Mapped[Optional[str]] = mapped_column(String(40))
    last: Mapped[Union[str, None]] = mapped_column(String(40))
    phone: Mapped[str | None] = mapped_column(String(20), default=None)
    fax: Mapped["str | None"]
    age: Mapped[Optional[int]] = mapped_column(nullable=True)
    nickname: Mapped[Optional["str"]] = mapped_column(String(20), nullable=False, default="")
