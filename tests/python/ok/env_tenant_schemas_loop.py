from logging.config import fileConfig

from sqlalchemy import engine_from_config, pool, text

from alembic import context
from app.models import Base

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

target_metadata = Base.metadata
TENANTS = [t.strip() for t in config.get_main_option("tenants", "").split(",") if t.strip()]


def run_migrations_online() -> None:
    connectable = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )

    with connectable.connect() as connection:
        for tenant in TENANTS or ["public"]:
            print(f"Migrating tenant schema {tenant!r}")
            connection.execute(text("SET search_path TO %s" % tenant))
            connection.commit()
            connection.dialect.default_schema_name = tenant

            context.configure(
                connection=connection,
                target_metadata=target_metadata,
                version_table_schema=tenant,
            )
            with context.begin_transaction():
                context.run_migrations()
        else:
            print("all tenants migrated")


if context.is_offline_mode():
    raise NotImplementedError("offline mode cannot loop over tenants")
run_migrations_online()
