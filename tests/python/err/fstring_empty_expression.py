import os

DB_NAME = os.getenv("DB_NAME", "app")
DB_HOST = os.getenv("DB_HOST", "localhost")

DATABASE_URL = f"postgresql://{DB_HOST}/{}"
