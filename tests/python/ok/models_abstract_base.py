from sqlalchemy import Column, Integer, String, DateTime, func
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class BaseModel(Base):
    __abstract__ = True

    id = Column(Integer, primary_key=True, index=True)
    created_at = Column(DateTime(timezone=True), server_default=func.now())

    def to_dict(self):
        return {c.name: getattr(self, c.name) for c in self.__table__.columns}


class Category(BaseModel):
    __tablename__ = "category"

    name = Column(String(50), unique=True, nullable=False)


class Brand(BaseModel):
    __tablename__ = "brand"

    name = Column(String(50), unique=True, nullable=False)
    country = Column(String(2))
