from sqlalchemy import CheckConstraint, Column, ForeignKeyConstraint, Index, Integer, Numeric, String, UniqueConstraint
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Warehouse(Base):
    __tablename__ = "warehouse"

    region = Column(String(10), primary_key=True)
    code = Column(String(10), primary_key=True)
    name = Column(String(100))


class Stock(Base):
    __tablename__ = "stock"
    __table_args__ = (
        ForeignKeyConstraint(
            ["wh_region", "wh_code"],
            ["warehouse.region", "warehouse.code"],
            name="fk_stock_warehouse",
            ondelete="CASCADE",
        ),
        UniqueConstraint("wh_region", "wh_code", "sku", name="uq_stock_location_sku"),
        CheckConstraint("quantity >= 0", name="ck_stock_quantity_positive"),
        CheckConstraint("price > 0"),
        Index("ix_stock_sku", "sku"),
        Index("ix_stock_wh", "wh_region", "wh_code", unique=False),
    )

    id = Column(Integer, primary_key=True)
    wh_region = Column(String(10), nullable=False)
    wh_code = Column(String(10), nullable=False)
    sku = Column(String(40), nullable=False)
    quantity = Column(Integer, nullable=False, default=0)
    price = Column(Numeric(10, 2), nullable=False)
