from app.schemas import UserSchema


class User:
    schema = UserSchema
