import app
from app.models import User

print(app.engine_url, app.config.DATABASE_URL, User.url)
print(User.__mro__[1] is app.Base, app.database.__name__)
print(User.__module__, app.Base.__module__)
