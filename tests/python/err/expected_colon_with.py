from sqlalchemy import create_engine

from alembic import context

config = context.config
engine = create_engine(config.get_main_option("sqlalchemy.url"))

with engine.connect() as connection
    context.configure(connection=connection, target_metadata=None)
