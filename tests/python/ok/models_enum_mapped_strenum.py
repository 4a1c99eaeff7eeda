import enum
from typing import Literal

from sqlalchemy import Enum
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Color(str, enum.Enum):
    RED = "red"
    GREEN = "green"
    BLUE = "blue"


Size = Literal["S", "M", "L", "XL"]


class Base(DeclarativeBase):
    type_annotation_map = {
        Size: Enum("S", "M", "L", "XL", name="shirt_size"),
    }


class Shirt(Base):
    __tablename__ = "shirt"

    id: Mapped[int] = mapped_column(primary_key=True)
    color: Mapped[Color] = mapped_column(Enum(Color, values_callable=lambda e: [m.value for m in e]))
    size: Mapped[Size]
    backup_color: Mapped[Color | None] = mapped_column(default=None)
