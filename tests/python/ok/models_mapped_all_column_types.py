from __future__ import annotations

import datetime
import decimal
import uuid

from sqlalchemy import JSON, BigInteger, LargeBinary, Numeric, SmallInteger, String, Text, Uuid
from sqlalchemy import Interval, Time, Date, DateTime, Float, Unicode
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Sample(Base):
    __tablename__ = "sample"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    tiny: Mapped[int] = mapped_column(SmallInteger, default=0)
    code: Mapped[str] = mapped_column(String(16))
    text_: Mapped[str] = mapped_column("text", Text)
    label: Mapped[str | None] = mapped_column(Unicode(50))
    enabled: Mapped[bool] = mapped_column(default=True)
    day: Mapped[datetime.date] = mapped_column(Date)
    at: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    clock: Mapped[datetime.time | None] = mapped_column(Time)
    score: Mapped[float] = mapped_column(Float)
    amount: Mapped[decimal.Decimal] = mapped_column(Numeric(10, 2))
    raw: Mapped[bytes | None] = mapped_column(LargeBinary)
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    token: Mapped[uuid.UUID] = mapped_column(Uuid, default=uuid.uuid4)
    grace: Mapped[datetime.timedelta] = mapped_column(Interval)
