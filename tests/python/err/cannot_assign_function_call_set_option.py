from logging.config import fileConfig

from alembic import context

from app.core.config import settings

config = context.config
config.get_main_option("sqlalchemy.url") = settings.DATABASE_URL
