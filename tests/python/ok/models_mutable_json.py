from sqlalchemy import JSON, Column, Integer, String
from sqlalchemy.ext.mutable import MutableDict, MutableList
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Preferences(Base):
    __tablename__ = "preferences"

    id = Column(Integer, primary_key=True)
    user_key = Column(String(64), unique=True, nullable=False)
    data = Column(MutableDict.as_mutable(JSON), nullable=False, default=dict)
    recent = Column(MutableList.as_mutable(JSON), default=list)

    def get(self, key, default=None):
        return (self.data or {}).get(key, default)

    def set(self, key, value):
        if self.data is None:
            self.data = {}
        self.data[key] = value
