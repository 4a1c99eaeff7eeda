# alembic/env.py
from logging.config import fileConfig

from sqlalchemy import engine_from_config, pool

from alembic import context

# 모델 가져오기
from app.common.database.base import Base
from app.db.models import User, Item  # 모든 모델 가져오기

# this is the Alembic Config object
config = context.config

# DB URL을 환경 변수에서 가져오기
from app.core.config import settings
config.set_main_option("sqlalchemy.url", settings.DATABASE_URL)

# Interpret the config file for Python logging
fileConfig(config.config_file_name)

# MetaData 객체 설정
target_metadata = Base.metadata

# ...
