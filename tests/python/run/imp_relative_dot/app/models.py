from .database import Base


class User(Base):
    pass
