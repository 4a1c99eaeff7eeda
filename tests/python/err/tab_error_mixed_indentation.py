from logging.config import fileConfig

from alembic import context

config = context.config


def run_migrations_offline() -> None:
    url = config.get_main_option("sqlalchemy.url")
	context.configure(url=url, literal_binds=True)
