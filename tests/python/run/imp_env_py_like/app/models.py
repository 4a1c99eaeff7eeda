from app.db import Base


class User(Base):
    __tablename__ = "user_account"


class Address(Base):
    __tablename__ = "address"
