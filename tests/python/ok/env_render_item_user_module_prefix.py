from logging.config import fileConfig

from sqlalchemy import engine_from_config, pool

from alembic import context
from app import types as app_types
from app.models import Base

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

target_metadata = Base.metadata


def render_item(type_, obj, autogen_context):
    """Render our custom column types with an import the revision file can use."""
    if type_ == "type" and isinstance(obj, app_types.TZDateTime):
        autogen_context.imports.add("from app import types as app_types")
        return "app_types.TZDateTime()"
    # default rendering for everything else
    return False


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
            render_item=render_item,
            user_module_prefix="app_types.",
            sqlalchemy_module_prefix="sa.",
            alembic_module_prefix="op.",
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
