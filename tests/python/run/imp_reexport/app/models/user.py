from app.models.base import Base


class User(Base):
    pass
