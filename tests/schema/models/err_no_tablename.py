from sqlalchemy import Column, Integer
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


class Nameless(Base):
    id = Column(Integer, primary_key=True)
