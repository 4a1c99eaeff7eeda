import os
from app.core.config import settings, Settings

print(settings)
print(settings.secret, settings.workers)
os.environ["APP_ENV"] = "production"
os.environ["DATABASE_URL"] = "postgresql://prod/app"
print(settings.env, Settings())
from app.core import config
print(config.settings is settings)
