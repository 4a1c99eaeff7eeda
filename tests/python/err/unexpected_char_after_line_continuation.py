import os

DB_USER = os.getenv("DB_USER", "postgres")
DB_HOST = os.getenv("DB_HOST", "localhost")

DATABASE_URL = "postgresql://" + DB_USER + "@" + \ # build the URL
    DB_HOST + "/app"
