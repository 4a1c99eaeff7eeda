from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import backref, declarative_base, relationship

Base = declarative_base()


class Parent(Base):
    __tablename__ = "parent"

    id = Column(Integer, primary_key=True)
    name = Column(String)
    children = relationship(
        "Child",
        back_populates="parent",
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="selectin",
        order_by="Child.position",
    )
    favorite_id = Column(Integer, ForeignKey("child.id", use_alter=True, name="fk_parent_favorite"))
    favorite = relationship("Child", foreign_keys=[favorite_id], post_update=True)


class Child(Base):
    __tablename__ = "child"

    id = Column(Integer, primary_key=True)
    position = Column(Integer, default=0)
    parent_id = Column(Integer, ForeignKey("parent.id", ondelete="CASCADE"))
    parent = relationship("Parent", back_populates="children", foreign_keys=[parent_id])
    toys = relationship("Toy", backref=backref("owner", uselist=False), lazy="dynamic")


class Toy(Base):
    __tablename__ = "toy"

    id = Column(Integer, primary_key=True)
    child_id = Column(Integer, ForeignKey("child.id"))
