from app.db import Base
from app.db.base import Column
from .mixins import TimestampMixin


class User(TimestampMixin, Base):
    __tablename__ = "user_account"

    id = Column("INTEGER", primary_key=True)
    email = Column("VARCHAR(255)", unique=True, nullable=False)
    full_name = Column("VARCHAR(100)")
