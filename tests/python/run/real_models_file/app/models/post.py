from app.db import Base
from app.db.base import Column


class Post(Base):
    __tablename__ = "post"

    id = Column("INTEGER", primary_key=True)
    author_id = Column("INTEGER", foreign_key="user_account.id", nullable=False)
    title = Column("VARCHAR(200)", nullable=False)
    published = Column("BOOLEAN", default=False)
