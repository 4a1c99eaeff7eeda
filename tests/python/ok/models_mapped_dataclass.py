from typing import Optional

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, MappedAsDataclass, mapped_column, relationship


class Base(MappedAsDataclass, DeclarativeBase):
    """subclasses will be converted to dataclasses"""


class Team(Base):
    __tablename__ = "team"

    id: Mapped[int] = mapped_column(init=False, primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    players: Mapped[list["Player"]] = relationship(default_factory=list, back_populates="team")


class Player(Base):
    __tablename__ = "player"

    id: Mapped[int] = mapped_column(init=False, primary_key=True)
    name: Mapped[str]
    number: Mapped[Optional[int]] = mapped_column(default=None)
    team_id: Mapped[Optional[int]] = mapped_column(ForeignKey("team.id"), default=None)
    team: Mapped[Optional[Team]] = relationship(default=None, back_populates="players")
