from sqlalchemy import Column, DateTime, Integer, func
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Event(Base):
    __tablename__ = "event"

    id = Column(Integer, primary_key=True)
    created_at = Column(DateTime(timezone=True) server_default=func.now())
