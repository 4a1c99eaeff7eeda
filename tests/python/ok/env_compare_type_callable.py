from logging.config import fileConfig

import sqlalchemy as sa
from sqlalchemy import engine_from_config, pool

from alembic import context
from app.models import Base

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

target_metadata = Base.metadata


def my_compare_type(context, inspected_column, metadata_column, inspected_type, metadata_type):
    """Return False to say "same", True for "different", None for the default rule."""
    if isinstance(metadata_type, sa.String) and isinstance(inspected_type, sa.String):
        return (metadata_type.length or 0) != (inspected_type.length or 0)
    if isinstance(metadata_type, sa.Boolean) and isinstance(inspected_type, sa.Integer):
        return False
    return None


def my_compare_server_default(
    context,
    inspected_column,
    metadata_column,
    inspected_default,
    metadata_default,
    rendered_metadata_default,
):
    if inspected_default is None and metadata_default is None:
        return False
    return None


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
            compare_type=my_compare_type,
            compare_server_default=my_compare_server_default,
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
