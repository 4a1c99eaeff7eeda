import enum

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class 배송상태(enum.Enum):
    준비중 = "preparing"
    배송중 = "shipping"
    완료 = "delivered"


class Delivery(Base):
    __tablename__ = "delivery"

    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[배송상태] = mapped_column(
        sa.Enum(배송상태, name="delivery_status"), default=배송상태.준비중
    )
    memo: Mapped[str] = mapped_column(sa.String(200), default="문 앞에 놓아주세요")
