class User:
    __tablename__ = "users"


class Item:
    __tablename__ = "items"


tables = [User.__tablename__, Item.__tablename__]
