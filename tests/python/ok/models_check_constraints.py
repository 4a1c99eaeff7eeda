from sqlalchemy import CheckConstraint, Column, Date, Integer, Numeric, String
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Reservation(Base):
    __tablename__ = "reservation"
    __table_args__ = (
        CheckConstraint("check_out > check_in", name="ck_reservation_dates"),
        CheckConstraint("guests BETWEEN 1 AND 8", name="ck_reservation_guests"),
    )

    id = Column(Integer, primary_key=True)
    room = Column(String(10), nullable=False)
    check_in = Column(Date, nullable=False)
    check_out = Column(Date, nullable=False)
    guests = Column(Integer, CheckConstraint("guests > 0"), nullable=False)
    deposit = Column(Numeric(8, 2), CheckConstraint("deposit >= 0", name="ck_deposit_non_negative"))
