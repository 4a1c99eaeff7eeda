import re

from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, declared_attr, relationship

Base = declarative_base()


def to_snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


class AutoTableMixin:
    @declared_attr
    def __tablename__(cls):
        return to_snake(cls.__name__)

    id = Column(Integer, primary_key=True)


class OwnedMixin:
    @declared_attr
    def owner_id(cls):
        return Column(Integer, ForeignKey("user_profile.id"), nullable=False)

    @declared_attr
    def owner(cls):
        return relationship("UserProfile")


class UserProfile(AutoTableMixin, Base):
    display_name = Column(String(60))


class PhotoAlbum(AutoTableMixin, OwnedMixin, Base):
    title = Column(String(120))
