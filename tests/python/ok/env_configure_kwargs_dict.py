from logging.config import fileConfig

from sqlalchemy import engine_from_config, pool

from alembic import context
from app.models import Base

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

target_metadata = Base.metadata

common_options = {
    "target_metadata": target_metadata,
    "compare_type": True,
    "compare_server_default": True,
    "render_as_batch": config.get_main_option("sqlalchemy.url", "").startswith("sqlite"),
}


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        **common_options,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine_options = dict(prefix="sqlalchemy.", poolclass=pool.NullPool)
    connectable = engine_from_config(config.get_section(config.config_ini_section, {}), **engine_options)
    with connectable.connect() as connection:
        context.configure(connection=connection, **common_options)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
