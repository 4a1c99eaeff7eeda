from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import registry, relationship

mapper_registry = registry()


@mapper_registry.mapped
class Shelf:
    __tablename__ = "shelf"

    id = Column(Integer, primary_key=True)
    label = Column(String(20), nullable=False)
    books = relationship("Volume", back_populates="shelf")


@mapper_registry.mapped
class Volume:
    __tablename__ = "volume"

    id = Column(Integer, primary_key=True)
    shelf_id = Column(ForeignKey("shelf.id"))
    title = Column(String(200))
    shelf = relationship("Shelf", back_populates="books")


Base = mapper_registry.generate_base()
