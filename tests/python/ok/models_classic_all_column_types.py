import datetime
import decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    Integer,
    Interval,
    JSON,
    LargeBinary,
    Numeric,
    SmallInteger,
    String,
    Text,
    Time,
    Unicode,
    UnicodeText,
    Uuid,
)
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Everything(Base):
    """One column of every generic type, for checking autogenerate output."""

    __tablename__ = "everything"

    id = Column(BigInteger, primary_key=True, autoincrement=True)
    small = Column(SmallInteger)
    regular = Column(Integer, default=0)
    name = Column(String(255), nullable=False)
    body = Column(Text)
    title_ko = Column(Unicode(200), comment="제목")
    notes_ko = Column(UnicodeText)
    flag = Column(Boolean, nullable=False, default=True)
    born_on = Column(Date, default=datetime.date.today)
    created_at = Column(DateTime(timezone=True), default=datetime.datetime.utcnow)
    opens_at = Column(Time)
    ratio = Column(Float(precision=53))
    price = Column(Numeric(10, 2), default=decimal.Decimal("0.00"))
    blob = Column(LargeBinary(length=1024))
    extra = Column(JSON, default=dict)
    public_id = Column(Uuid(as_uuid=True), unique=True)
    ttl = Column(Interval, default=datetime.timedelta(days=30))
