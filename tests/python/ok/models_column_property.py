from sqlalchemy import Column, ForeignKey, Integer, String, func, select
from sqlalchemy.orm import column_property, declarative_base, deferred

Base = declarative_base()


class Address(Base):
    __tablename__ = "address"

    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("user.id"))
    city = Column(String(50))


class User(Base):
    __tablename__ = "user"

    id = Column(Integer, primary_key=True)
    firstname = Column(String(50))
    lastname = Column(String(50))
    photo = deferred(Column(String(2000)))

    fullname = column_property(firstname + " " + lastname)
    address_count = column_property(
        select(func.count(Address.id))
        .where(Address.user_id == id)
        .correlate_except(Address)
        .scalar_subquery()
    )
