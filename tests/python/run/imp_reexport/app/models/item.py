from app.models.base import Base


class Item(Base):
    pass
