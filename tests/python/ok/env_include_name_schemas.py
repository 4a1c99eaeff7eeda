from logging.config import fileConfig

from sqlalchemy import engine_from_config, pool

from alembic import context
from app.models import metadata

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

target_metadata = metadata
ALLOWED_SCHEMAS = [None, "billing", "catalog"]


def include_name(name, type_, parent_names):
    if type_ == "schema":
        return name in ALLOWED_SCHEMAS
    elif type_ == "table":
        schema = parent_names["schema_name"]
        qualified = f"{schema}.{name}" if schema else name
        return qualified in target_metadata.tables
    else:
        return True


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        include_schemas=True,
        include_name=include_name,
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
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            include_schemas=True,
            include_name=include_name,
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
