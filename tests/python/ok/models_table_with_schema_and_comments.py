import sqlalchemy as sa

metadata = sa.MetaData()

products = sa.Table(
    "products",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, comment="상품 ID"),
    sa.Column("sku", sa.String(32), nullable=False, comment="재고 관리 코드"),
    sa.Column("name", sa.Unicode(200), nullable=False),
    sa.Column("price", sa.Numeric(10, 0), sa.CheckConstraint("price >= 0"), nullable=False),
    sa.Column("category_id", sa.Integer, sa.ForeignKey("catalog.categories.id")),
    sa.UniqueConstraint("sku", name="uq_products_sku"),
    sa.Index("ix_products_name", "name"),
    schema="catalog",
    comment="판매 상품 목록",
)

categories = sa.Table(
    "categories",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("parent_id", sa.Integer, sa.ForeignKey("catalog.categories.id", ondelete="SET NULL")),
    sa.Column("name", sa.Unicode(100), nullable=False),
    schema="catalog",
)
