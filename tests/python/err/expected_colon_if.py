from logging.config import fileConfig

from alembic import context

config = context.config

if config.config_file_name is not None
    fileConfig(config.config_file_name)
