from logging.config import fileConfig

from alembic import context

config = context.config
config.set_main_option("sqlalchemy.url", 'postgresql://postgres:postgres@localhost:5432/fastapi_db)

if config.config_file_name is not None:
    fileConfig(config.config_file_name)
