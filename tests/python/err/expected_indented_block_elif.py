import os

APP_ENV = os.getenv("APP_ENV", "development")

if APP_ENV == "production":
    DATABASE_URL = os.environ["DATABASE_URL"]
elif APP_ENV == "testing":
DATABASE_URL = "sqlite:///:memory:"
else:
    DATABASE_URL = "sqlite:///./dev.db"
