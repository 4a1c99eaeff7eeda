import sqlalchemy as sa
from sqlalchemy import orm

Base = orm.declarative_base()


class Invoice(Base):
    __tablename__ = "invoice"

    id = sa.Column(sa.Integer, primary_key=True)
    number = sa.Column(sa.String(20), nullable=False, unique=True)
    issued_on = sa.Column(sa.Date, nullable=False, server_default=sa.func.current_date())
    total = sa.Column(sa.Numeric(12, 2), nullable=False, server_default=sa.text("0"))
    paid = sa.Column(sa.Boolean, nullable=False, server_default=sa.false())
    customer_id = sa.Column(sa.Integer, sa.ForeignKey("customer.id", ondelete="RESTRICT"))

    lines = orm.relationship("InvoiceLine", back_populates="invoice")


class InvoiceLine(Base):
    __tablename__ = "invoice_line"
    __table_args__ = (
        sa.CheckConstraint("qty > 0", name="ck_invoice_line_qty"),
        sa.Index("ix_invoice_line_invoice_id", "invoice_id"),
    )

    id = sa.Column(sa.Integer, primary_key=True)
    invoice_id = sa.Column(sa.Integer, sa.ForeignKey("invoice.id"), nullable=False)
    qty = sa.Column(sa.Integer, nullable=False)
    unit_price = sa.Column(sa.Numeric(12, 2))

    invoice = orm.relationship("Invoice", back_populates="lines")
