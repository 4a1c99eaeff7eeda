class Base:
    pass


class User(Base):
    __tablename__ = "users"
    id = Column("INTEGER", primary_key=True)
