from sqlalchemy import Integer, String, func
from sqlalchemy.ext.hybrid import hybrid_method, hybrid_property
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Interval(Base):
    __tablename__ = "interval"

    id: Mapped[int] = mapped_column(primary_key=True)
    start: Mapped[int]
    end: Mapped[int]
    name: Mapped[str] = mapped_column(String(40))

    @hybrid_property
    def length(self) -> int:
        return self.end - self.start

    @hybrid_method
    def contains(self, point: int) -> bool:
        return (self.start <= point) & (point <= self.end)

    @hybrid_property
    def upper_name(self) -> str:
        return self.name.upper()

    @upper_name.inplace.expression
    @classmethod
    def _upper_name_expression(cls):
        return func.upper(cls.name)
