from sqlalchemy import Column, Computed, Identity, Integer, Numeric, Sequence, String
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Ticket(Base):
    __tablename__ = "ticket"

    id = Column(Integer, Identity(start=1000, increment=1), primary_key=True)
    number = Column(Integer, Sequence("ticket_number_seq", start=1), unique=True)
    price = Column(Numeric(10, 2), nullable=False)
    tax = Column(Numeric(10, 2), nullable=False)
    total = Column(Numeric(10, 2), Computed("price + tax", persisted=True))
    code = Column(String(20), Computed("'T-' || number"))
