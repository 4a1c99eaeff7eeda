from app import schemas


class User:
    def schema(self):
        return schemas.UserSchema(self)

    def __repr__(self):
        return "User()"
