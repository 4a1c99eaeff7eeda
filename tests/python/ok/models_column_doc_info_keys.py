from sqlalchemy import Column, Integer, String, Boolean
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Feature(Base):
    __tablename__ = "feature"

    id = Column(Integer, primary_key=True, doc="surrogate key")
    key = Column("feature_key", String(64), key="key", nullable=False, unique=True, doc="stable key")
    enabled = Column(Boolean, default=False, nullable=False, info={"admin": {"editable": True}})
    rollout = Column(Integer, default=0, info={"min": 0, "max": 100}, comment="percent of users")
    owner = Column(String(64), nullable=True, default=None, quote=True)
    legacy_flag = Column(Boolean, system=False, autoincrement=False)
