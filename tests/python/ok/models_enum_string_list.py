from sqlalchemy import Column, Enum, Integer, String
from sqlalchemy.orm import declarative_base

Base = declarative_base()

ROLES = ("admin", "editor", "viewer")


class Member(Base):
    __tablename__ = "member"

    id = Column(Integer, primary_key=True)
    nickname = Column(String(40))
    role = Column(Enum(*ROLES, name="member_role"), nullable=False, server_default="viewer")
    tier = Column(Enum("free", "pro", "enterprise", name="member_tier", create_constraint=True))
    locale = Column(Enum("ko", "en", "ja", name="member_locale", validate_strings=True), default="ko")
