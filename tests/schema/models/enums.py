import enum

from sqlalchemy import Enum, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Role(enum.Enum):
    admin = 1
    editor = 2
    viewer = 3


class Size(str, enum.Enum):
    small = "S"
    large = "L"


class Profile(Base):
    __tablename__ = "profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    role: Mapped[Role]
    size: Mapped[Size | None]
    mood = mapped_column(Enum("happy", "sad", name="mood"))
    strict = mapped_column(Enum("on", "off", name="switch", create_constraint=True))
    plain = mapped_column(Enum("x", "yy", native_enum=False))
    length = mapped_column(Enum("a", "b", name="short", length=12, native_enum=False))
    label: Mapped[str] = mapped_column(String(10))
