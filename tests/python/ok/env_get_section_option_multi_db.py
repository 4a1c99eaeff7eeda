import re
from logging.config import fileConfig

from sqlalchemy import engine_from_config, pool

from alembic import context

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

from app.models import primary_metadata, reporting_metadata  # noqa: E402

target_metadata = {"primary": primary_metadata, "reporting": reporting_metadata}
db_names = [n for n in re.split(r",\s*", config.get_main_option("databases", "primary")) if n]


def run_migrations_online() -> None:
    for name in db_names:
        engine = engine_from_config(
            context.config.get_section(name, {}),
            prefix="sqlalchemy.",
            poolclass=pool.NullPool,
        )
        with engine.connect() as connection:
            context.configure(
                connection=connection,
                upgrade_token=f"{name}_upgrades",
                downgrade_token=f"{name}_downgrades",
                target_metadata=target_metadata.get(name),
            )
            with context.begin_transaction():
                context.run_migrations(engine_name=name)


def run_migrations_offline() -> None:
    for name in db_names:
        url = context.config.get_section_option(name, "sqlalchemy.url")
        with open(f"{name}.sql", "w") as buffer:
            context.configure(
                url=url,
                output_buffer=buffer,
                target_metadata=target_metadata.get(name),
                literal_binds=True,
                dialect_opts={"paramstyle": "named"},
            )
            with context.begin_transaction():
                context.run_migrations(engine_name=name)


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
