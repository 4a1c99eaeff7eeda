import os

DATABASE_URL = os.getenv("DATABASE_URL", "sqlite:///./" + os.getenv("APP_ENV", "dev") + ".db")
