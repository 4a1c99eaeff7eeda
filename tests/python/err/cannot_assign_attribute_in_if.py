from sqlalchemy import engine_from_config, pool

from alembic import context

config = context.config


def run_migrations_online() -> None:
    connectable = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with connectable.connect() as connection:
        if connection.dialect.name = "sqlite":
            context.configure(connection=connection, render_as_batch=True)
