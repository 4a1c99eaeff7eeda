# app/common/database/base.py
from sqlalchemy.orm import declarative_base

# 모든 모델이 상속하는 Base 클래스
Base = declarative_base()
