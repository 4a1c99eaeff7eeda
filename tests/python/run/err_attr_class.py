class Base:
    metadata = {"tables": []}


class User(Base):
    __tablename__ = "users"


print(User.__tablename__)
print(User.metdata)
