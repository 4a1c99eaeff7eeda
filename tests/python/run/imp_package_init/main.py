import app.models

print(app.VERSION, app.models.User.__tablename__)
print(app.__name__, app.models.__name__)
print(app.__file__.replace(__file__.rsplit("/", 1)[0], "<run>"))
print(app.models.__file__.endswith("app/models.py"))
import app.models
import app
print("imported again without re-running")
from app import models
print(models is app.models)
