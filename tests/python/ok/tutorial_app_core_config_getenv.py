# app/core/config.py
import os

# DB URL을 환경 변수에서 가져오기 (없으면 로컬 PostgreSQL)
DATABASE_URL = os.getenv(
    "DATABASE_URL",
    "postgresql://postgres:postgres@localhost:5432/fastapi_db",
)


class Settings:
    DATABASE_URL: str = DATABASE_URL
    PROJECT_NAME: str = os.getenv("PROJECT_NAME", "fastapi_template")
    DEBUG: bool = os.getenv("DEBUG", "false").lower() in ("1", "true", "yes")


settings = Settings()
