# models.py - 간단한 쇼핑몰 예제 (SQLite)
from sqlalchemy import create_engine, Column, Integer, String, Float, ForeignKey, DateTime
from sqlalchemy.orm import declarative_base, relationship, sessionmaker
from datetime import datetime

engine = create_engine("sqlite:///shop.db", echo=True)
Base = declarative_base()
Session = sessionmaker(bind=engine)


class Product(Base):
    __tablename__ = 'products'

    id = Column(Integer, primary_key=True)
    name = Column(String(100), nullable=False)  # 상품명
    price = Column(Float, nullable=False)        # 가격
    stock = Column(Integer, default=0)

    def __repr__(self):
        return "<Product(name='%s', price=%.2f)>" % (self.name, self.price)


class Purchase(Base):
    __tablename__ = 'purchases'

    id = Column(Integer, primary_key=True)
    product_id = Column(Integer, ForeignKey('products.id'))
    quantity = Column(Integer, default=1)
    purchased_at = Column(DateTime, default=datetime.now)

    product = relationship('Product')


if __name__ == '__main__':
    Base.metadata.create_all(engine)
    session = Session()
    session.add_all([Product(name='키보드', price=39000), Product(name='마우스', price=19000)])
    session.commit()
    for p in session.query(Product).order_by(Product.price.desc()):
        print(p)
