class UserSchema:
    def __init__(self, obj):
        self.obj = obj

    def model(self):
        from app.models import User
        return User


def loaded_model():
    from app import models
    return models.User
