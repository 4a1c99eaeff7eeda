from logging.config import fileConfig

from sqlalchemy import engine_from_config, pool,

from alembic import context
