import os

try:
    from dotenv import load_dotenv
except ImportError:
# python-dotenv is optional
load_dotenv = None

DATABASE_URL = os.environ.get("DATABASE_URL", "sqlite:///./app.db")
