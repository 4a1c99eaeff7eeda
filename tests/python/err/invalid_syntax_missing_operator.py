import os

DB_HOST = os.getenv("DB_HOST", "localhost")
DB_PORT = int(os.getenv("DB_PORT", "5432"))
DB_NAME = os.getenv("DB_NAME", "app")

DATABASE_URL = "postgresql://" + DB_HOST ":" + str(DB_PORT) + "/" + DB_NAME
