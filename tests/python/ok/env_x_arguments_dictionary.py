"""Pass options on the command line:

    alembic -x db=test -x dry_run=true upgrade head
"""
from logging.config import fileConfig

from sqlalchemy import engine_from_config, pool

from alembic import context
from app.models import Base

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

target_metadata = Base.metadata

x_args = context.get_x_argument(as_dictionary=True)
db_name = x_args.get("db", "dev")
dry_run = x_args.get("dry_run", "false").lower() in ("1", "true", "yes")

URLS = {
    "dev": "sqlite:///./dev.db",
    "test": "sqlite:///./test.db",
    "prod": config.get_main_option("sqlalchemy.url"),
}

if db_name not in URLS:
    raise ValueError(f"unknown -x db={db_name!r}; choose one of {sorted(URLS)}")
config.set_main_option("sqlalchemy.url", URLS[db_name])


def run_migrations_offline() -> None:
    context.configure(
        url=URLS[db_name],
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
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
            if dry_run:
                raise SystemExit("dry run: rolling back")


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
