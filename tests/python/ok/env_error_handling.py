import logging
import sys
from logging.config import fileConfig

from sqlalchemy import engine_from_config, pool
from sqlalchemy.exc import OperationalError

from alembic import context

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)
log = logging.getLogger("alembic.env")

try:
    from app.models import Base
except ImportError as exc:
    raise SystemExit(
        "Could not import app.models - is the project root on sys.path? "
        f"({exc})"
    ) from exc

target_metadata = Base.metadata


def run_migrations_online() -> None:
    connectable = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    try:
        connection = connectable.connect()
    except OperationalError as exc:
        log.error("데이터베이스에 연결할 수 없습니다: %s", exc.orig)
        sys.exit(1)

    with connection:
        context.configure(connection=connection, target_metadata=target_metadata)
        try:
            with context.begin_transaction():
                context.run_migrations()
        except Exception:
            log.exception("migration failed, transaction rolled back")
            raise
        else:
            log.info("migration finished")


def run_migrations_offline() -> None:
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
