from sqlalchemy import Column, Integer, String, UniqueConstraint
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Membership(Base):
    __tablename__ = "membership"
    __table_args__ = (UniqueConstraint("org_id", "user_id"),)

    id = Column(Integer, primary_key=True)
    org_id = Column(Integer, nullable=False)
    user_id = Column(Integer, nullable=False)


TABLES = ["membership", "users"
