from sqlalchemy import Column, Integer
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class A(Base):
    __tablename__ = "thing"
    id = Column(Integer, primary_key=True)


class B(Base):
    __tablename__ = "thing"
    id = Column(Integer, primary_key=True)
