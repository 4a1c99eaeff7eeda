from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Membership(Base):
    __tablename__ = "membership"
    __table_args__ = (UniqueConstraint("org_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int]
    user_id: Mapped[int]
    role: Mapped[str] = mapped_column(String(16), default="member")


class ApiKey(Base):
    __tablename__ = "api_key"
    __table_args__ = (
        UniqueConstraint("owner_id", "label", name="uq_api_key_owner_label"),
        UniqueConstraint("prefix", name="uq_api_key_prefix", deferrable=True, initially="DEFERRED"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int]
    label: Mapped[str] = mapped_column(String(40))
    prefix: Mapped[str] = mapped_column(String(8))
