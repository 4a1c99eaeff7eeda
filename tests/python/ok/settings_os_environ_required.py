import os
import sys

try:
    DATABASE_URL = os.environ["DATABASE_URL"]
except KeyError:
    sys.exit("DATABASE_URL is not set. 예: export DATABASE_URL=sqlite:///./app.db")

SECRET_KEY = os.environ.get("SECRET_KEY")
if not SECRET_KEY:
    raise RuntimeError("SECRET_KEY must be set in production")

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
WORKERS = int(os.environ.get("WEB_CONCURRENCY", os.cpu_count() or 1))
