from decimal import Decimal

from sqlalchemy import Column, Integer, Numeric, String
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import declarative_base, validates

Base = declarative_base()


class Product(Base):
    __tablename__ = "product"

    id = Column(Integer, primary_key=True)
    name = Column(String(100), nullable=False)
    unit_price = Column(Numeric(10, 2), nullable=False)
    quantity = Column(Integer, default=0)
    discount_rate = Column(Numeric(3, 2), default=Decimal("0"))

    @property
    def in_stock(self) -> bool:
        return (self.quantity or 0) > 0

    @hybrid_property
    def total_value(self):
        return self.unit_price * self.quantity

    @validates("name")
    def validate_name(self, key, value):
        if not value or not value.strip():
            raise ValueError(f"{key} must not be empty")
        return value.strip()

    @validates("discount_rate")
    def validate_discount(self, key, value):
        assert 0 <= value <= 1, "discount must be between 0 and 1"
        return value

    def price_after_discount(self) -> Decimal:
        return self.unit_price * (1 - self.discount_rate)

    def __repr__(self):
        return f"<Product {self.name!r} x{self.quantity} @ {self.unit_price:.2f}>"

    def __str__(self):
        return self.name
