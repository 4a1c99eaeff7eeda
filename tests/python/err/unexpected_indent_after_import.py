from logging.config import fileConfig

from sqlalchemy import engine_from_config, pool

from alembic import context
    from app.models import Base

config = context.config
target_metadata = Base.metadata
