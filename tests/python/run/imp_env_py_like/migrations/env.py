import os
import sys
from logging.config import fileConfig

sys.path.insert(0, os.path.realpath(os.path.join(os.path.dirname(__file__), "..")))

from app.db import Base
import app.models  # noqa: F401

target_metadata = Base.metadata


def run_migrations_offline(url):
    print("offline with", url, target_metadata)


def run_migrations_online(url):
    print("online with", url, target_metadata)


def is_offline_mode():
    return os.getenv("OFFLINE") == "1"


URL = os.getenv("DATABASE_URL", "sqlite:///./" + os.getenv("APP_ENV", "dev") + ".db")
if is_offline_mode():
    run_migrations_offline(URL)
else:
    run_migrations_online(URL)
