import datetime
import decimal
import enum
import uuid

import sqlalchemy as sa
from sqlalchemy import (
    BigInteger, Boolean, Date, DateTime, Enum, Float, Integer, Interval, JSON, LargeBinary,
    Numeric, SmallInteger, String, Text, Time, Unicode, UnicodeText, Uuid,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Status(enum.Enum):
    draft = "draft"
    published = "published"
    archived_forever = "archived"


class Generic(Base):
    __tablename__ = "generic"

    id = mapped_column(Integer, primary_key=True)
    big = mapped_column(BigInteger)
    small = mapped_column(SmallInteger)
    name = mapped_column(String(30))
    unbounded = mapped_column(String)
    body = mapped_column(Text)
    uni = mapped_column(Unicode(40))
    unitext = mapped_column(UnicodeText)
    flag = mapped_column(Boolean)
    day = mapped_column(Date)
    stamp = mapped_column(DateTime)
    stamp_tz = mapped_column(DateTime(timezone=True))
    clock = mapped_column(Time)
    ratio = mapped_column(Float)
    ratio_p = mapped_column(Float(precision=53))
    price = mapped_column(Numeric(10, 2))
    amount = mapped_column(Numeric)
    blob = mapped_column(LargeBinary)
    doc = mapped_column(JSON)
    status = mapped_column(Enum(Status))
    color = mapped_column(Enum("red", "green", "blue", name="color"))
    uid = mapped_column(Uuid)
    span = mapped_column(Interval)


class Upper(Base):
    __tablename__ = "upper"

    id = mapped_column(sa.INTEGER, primary_key=True)
    a = mapped_column(sa.BIGINT)
    b = mapped_column(sa.SMALLINT)
    c = mapped_column(sa.VARCHAR(12))
    d = mapped_column(sa.CHAR(3))
    e = mapped_column(sa.NVARCHAR(5))
    f = mapped_column(sa.TEXT)
    g = mapped_column(sa.CLOB)
    h = mapped_column(sa.BOOLEAN)
    i = mapped_column(sa.DATE)
    j = mapped_column(sa.DATETIME)
    k = mapped_column(sa.TIMESTAMP)
    l = mapped_column(sa.TIME)
    m = mapped_column(sa.FLOAT)
    n = mapped_column(sa.REAL)
    o = mapped_column(sa.DOUBLE)
    p = mapped_column(sa.NUMERIC(8, 3))
    q = mapped_column(sa.DECIMAL(6))
    r = mapped_column(sa.BLOB)
    s = mapped_column(sa.BINARY(4))
    t = mapped_column(sa.VARBINARY(9))
    u = mapped_column(sa.JSON)
    v = mapped_column(sa.UUID)
    w = mapped_column(sa.NCHAR(2))
    x = mapped_column(sa.DOUBLE_PRECISION)
    y = mapped_column(sa.TIMESTAMP(timezone=True))


class Annotated(Base):
    __tablename__ = "annotated"

    id: Mapped[int] = mapped_column(primary_key=True)
    s: Mapped[str]
    f: Mapped[float]
    b: Mapped[bool]
    by: Mapped[bytes]
    d: Mapped[datetime.date]
    dt: Mapped[datetime.datetime]
    t: Mapped[datetime.time]
    td: Mapped[datetime.timedelta]
    dec: Mapped[decimal.Decimal]
    u: Mapped[uuid.UUID]
    st: Mapped[Status]
    js: Mapped[dict] = mapped_column(JSON)
