# app/core/config.py
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """애플리케이션 설정 (환경 변수 / .env 파일에서 읽음)"""

    PROJECT_NAME: str = "fastapi_template"
    DATABASE_URL: str = "postgresql://postgres:postgres@localhost:5432/fastapi_db"
    DEBUG: bool = False

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8")


settings = Settings()
