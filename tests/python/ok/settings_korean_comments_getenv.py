# app/core/config.py
# 환경 변수에서 설정 값을 읽어옵니다.
import os

# 데이터베이스 설정
DB_USER = os.getenv("DB_USER", "postgres")          # 사용자
DB_PASSWORD = os.getenv("DB_PASSWORD", "postgres")  # 비밀번호
DB_HOST = os.getenv("DB_HOST", "localhost")         # 호스트
DB_PORT = os.getenv("DB_PORT", "5432")              # 포트
DB_NAME = os.getenv("DB_NAME", "fastapi_db")        # 데이터베이스 이름


class Settings:
    """설정 객체"""

    DATABASE_URL: str = f"postgresql://{DB_USER}:{DB_PASSWORD}@{DB_HOST}:{DB_PORT}/{DB_NAME}"
    PROJECT_NAME: str = "FastAPI 템플릿"
    API_V1_STR: str = "/api/v1"


settings = Settings()
