from app.models import *
from app import models

print(Base.registry, User.__module__, Item.__module__)
print(models.__all__, models.user.User is User)
