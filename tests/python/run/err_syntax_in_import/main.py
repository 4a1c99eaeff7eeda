print("importing models")
from app.models import User
