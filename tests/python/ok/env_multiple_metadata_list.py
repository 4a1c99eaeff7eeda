from logging.config import fileConfig

from sqlalchemy import engine_from_config, pool

from alembic import context
from app.accounts.models import Base as AccountsBase
from app.shop.models import Base as ShopBase
from app.audit.tables import metadata as audit_metadata

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

# autogenerate accepts a sequence of MetaData objects
target_metadata = [AccountsBase.metadata, ShopBase.metadata, audit_metadata]


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connectable = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
