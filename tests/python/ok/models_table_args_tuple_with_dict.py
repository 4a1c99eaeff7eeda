from sqlalchemy import Index, String, UniqueConstraint, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Subscription(Base):
    __tablename__ = "subscription"
    __table_args__ = (
        UniqueConstraint("user_id", "plan", name="uq_subscription_user_plan"),
        Index("ix_subscription_active", "user_id", postgresql_where=text("active")),
        {"schema": "billing", "comment": "구독 정보"},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int]
    plan: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(default=True)
