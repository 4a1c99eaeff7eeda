import os
import sys

try:
import tomllib
except ImportError:
    tomllib = None

DATABASE_URL = os.environ.get("DATABASE_URL", "sqlite:///./app.db")
