from sqlalchemy import (
    CheckConstraint, Column, ForeignKey, ForeignKeyConstraint, Index, Integer, String,
    UniqueConstraint, PrimaryKeyConstraint,
)
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Team(Base):
    __tablename__ = "team"

    id = Column(Integer, primary_key=True)
    org = Column(Integer, nullable=False)
    name = Column(String(50), nullable=False)
    __table_args__ = (
        UniqueConstraint("org", "name", name="uq_team_org_name"),
        Index("ix_team_org_name", "org", "name"),
        CheckConstraint("length(name) > 1", name="ck_team_name_len"),
    )


class Member(Base):
    __tablename__ = "member"

    id = Column(Integer, primary_key=True)
    team_id = Column(Integer, ForeignKey("team.id", ondelete="CASCADE", onupdate="SET NULL"))
    mentor_id = Column(Integer, ForeignKey("member.id", name="fk_mentor"))
    org = Column(Integer)
    team_name = Column(String(50))
    email = Column(String(100))
    age = Column(Integer, CheckConstraint("age >= 0"))
    __table_args__ = (
        ForeignKeyConstraint(["org", "team_name"], ["team.org", "team.name"], ondelete="RESTRICT"),
        UniqueConstraint("email"),
        Index("ix_member_email_lower", "email", unique=True),
        CheckConstraint("org > 0"),
        {"comment": "team members"},
    )


class Pair(Base):
    __tablename__ = "pair"

    left = Column(Integer)
    right = Column(Integer)
    __table_args__ = (PrimaryKeyConstraint("left", "right", name="pk_pair"),)
