from sqlalchemy import ForeignKey
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship


class Base(DeclarativeBase):
    @declared_attr.directive
    def __tablename__(cls) -> str:
        return cls.__name__.lower() + "s"


class HasOwner:
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))

    @declared_attr
    def owner(cls) -> Mapped["User"]:
        return relationship("User")


class User(Base):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


class Note(HasOwner, Base):
    id: Mapped[int] = mapped_column(primary_key=True)
    body: Mapped[str]
