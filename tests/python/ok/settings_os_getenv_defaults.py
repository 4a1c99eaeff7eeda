"""settings.py - plain module, no third-party dependencies."""
import os

DEBUG = os.getenv("DEBUG", "0") == "1"
DATABASE_URL = os.getenv("DATABASE_URL", "sqlite:///./dev.db")
DB_POOL_SIZE = int(os.getenv("DB_POOL_SIZE", "5"))
DB_ECHO = os.getenv("DB_ECHO", "false").lower() in {"1", "true", "yes", "on"}
ALLOWED_HOSTS = [h for h in os.getenv("ALLOWED_HOSTS", "localhost,127.0.0.1").split(",") if h]
TIMEZONE = os.getenv("TZ") or "Asia/Seoul"
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
