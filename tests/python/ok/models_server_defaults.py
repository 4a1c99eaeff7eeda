from sqlalchemy import Boolean, Column, DateTime, Integer, String, func, text
import sqlalchemy as sa
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Post(Base):
    __tablename__ = "post"

    id = Column(Integer, primary_key=True)
    title = Column(String(200), nullable=False, server_default="")
    views = Column(Integer, nullable=False, server_default=text("0"))
    published = Column(Boolean, nullable=False, server_default=sa.false())
    pinned = Column(Boolean, server_default=sa.true())
    slug = Column(String(220), server_default=text("lower(hex(randomblob(8)))"))
    created_at = Column(DateTime(timezone=True), server_default=func.now())
    updated_at = Column(
        DateTime(timezone=True),
        server_default=func.now(),
        onupdate=func.now(),
    )
    deleted_at = Column(DateTime, server_default=sa.null())
