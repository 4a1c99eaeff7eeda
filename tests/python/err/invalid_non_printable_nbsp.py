import os

DATABASE_URL = os.getenv("DATABASE_URL", "sqlite:///./app.db")
DEBUG = os.getenv("DEBUG", "0") == "1"
ECHO = DEBUG
