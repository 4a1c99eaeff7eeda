from sqlalchemy import Column, Integer
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Orphan(Base):
    __tablename__ = "orphan"

    value = Column(Integer)
