from app.models import User


class UserSchema:
    model = User
