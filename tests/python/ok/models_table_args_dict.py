from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Setting(Base):
    __tablename__ = "setting"
    __table_args__ = {"schema": "config", "comment": "Key/value application settings"}

    id = Column(Integer, primary_key=True)
    key = Column(String(100), unique=True, nullable=False)
    value = Column(String(1000))


class Tag(Base):
    __tablename__ = "tag"
    __table_args__ = {
        "sqlite_autoincrement": True,
        "mysql_engine": "InnoDB",
        "mysql_charset": "utf8mb4",
    }

    id = Column(Integer, primary_key=True)
    label = Column(String(50), nullable=False)
