from logging.config import fileConfig

from sqlalchemy import engine_from_config, pool

from alembic import context

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

target_metadata = None

# alembic -x sqlite upgrade head
x_list = context.get_x_argument()
if "sqlite" in x_list:
    config.set_main_option("sqlalchemy.url", "sqlite:///local.db")
for arg in x_list:
    if arg.startswith("url="):
        config.set_main_option("sqlalchemy.url", arg[len("url="):])


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
    raise RuntimeError("offline mode is not supported by this project")
else:
    run_migrations_online()
