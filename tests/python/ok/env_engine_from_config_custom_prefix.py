from logging.config import fileConfig

from sqlalchemy import engine_from_config, pool

from alembic import context

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

target_metadata = None

# alembic.ini:
#   [app_db]
#   db.url = postgresql://...
#   db.echo = true
SECTION = config.get_main_option("db_section", "app_db")


def run_migrations_online() -> None:
    section = config.get_section(SECTION) or {}
    section.setdefault("db.pool_pre_ping", "true")
    connectable = engine_from_config(section, prefix="db.", poolclass=pool.NullPool, future=True)

    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata)

        with context.begin_transaction():
            context.run_migrations()

    connectable.dispose()


def run_migrations_offline() -> None:
    url = config.get_section_option(SECTION, "db.url")
    context.configure(url=url, target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
