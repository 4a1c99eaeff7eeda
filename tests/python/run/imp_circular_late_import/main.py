from app.models import User
from app.schemas import loaded_model

s = User().schema()
print(s.obj, s.model() is User, loaded_model() is User)
