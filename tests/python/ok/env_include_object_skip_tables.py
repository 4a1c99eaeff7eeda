from logging.config import fileConfig

from sqlalchemy import engine_from_config, pool

from alembic import context
from app.models import Base

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

target_metadata = Base.metadata

# tables managed by other tools; autogenerate must never drop them
IGNORED_TABLES = {"spatial_ref_sys", "celery_taskmeta", "celery_tasksetmeta"}


def include_object(object, name, type_, reflected, compare_to):
    if type_ == "table" and (name in IGNORED_TABLES or name.startswith("tmp_")):
        return False
    if type_ == "column" and object.info.get("skip_autogenerate", False):
        return False
    if type_ == "index" and reflected and compare_to is None:
        # keep hand-made indexes that are not declared on the models
        return False
    return True


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        include_object=include_object,
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
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            include_object=include_object,
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
