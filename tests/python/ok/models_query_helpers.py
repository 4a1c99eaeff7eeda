from typing import Optional, Sequence

from sqlalchemy import String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(255), unique=True)
    active: Mapped[bool] = mapped_column(default=True)

    @classmethod
    def by_email(cls, session: Session, email: str) -> Optional["User"]:
        return session.scalars(select(cls).where(cls.email == email.lower())).first()

    @classmethod
    def active_users(cls, session: Session, *, limit: int = 50, offset: int = 0) -> Sequence["User"]:
        stmt = select(cls).where(cls.active.is_(True)).order_by(cls.id).limit(limit).offset(offset)
        return session.scalars(stmt).all()

    @staticmethod
    def normalize(email: str) -> str:
        local, _, domain = email.strip().partition("@")
        return f"{local}@{domain.lower()}"
