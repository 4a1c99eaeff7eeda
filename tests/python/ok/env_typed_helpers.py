from __future__ import annotations

from logging.config import fileConfig
from typing import Any, Mapping

from sqlalchemy import Connection, Engine, MetaData, engine_from_config, pool

from alembic import context
from alembic.config import Config

config: Config = context.config

if config.config_file_name is not None:
    fileConfig(config.config_file_name)


def load_metadata() -> MetaData:
    from app.models import Base

    return Base.metadata


target_metadata: MetaData = load_metadata()


def engine_settings(cfg: Config) -> Mapping[str, Any]:
    section: dict[str, Any] = dict(cfg.get_section(cfg.config_ini_section, {}))
    section.setdefault("sqlalchemy.url", "sqlite:///./app.db")
    return section


def build_engine(cfg: Config) -> Engine:
    return engine_from_config(engine_settings(cfg), prefix="sqlalchemy.", poolclass=pool.NullPool)


def run(connection: Connection, *, metadata: MetaData = target_metadata, **options: Any) -> None:
    context.configure(connection=connection, target_metadata=metadata, **options)
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    if context.is_offline_mode():
        context.configure(
            url=engine_settings(config)["sqlalchemy.url"],
            target_metadata=target_metadata,
            literal_binds=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        return

    with build_engine(config).connect() as connection:
        run(connection, compare_type=True)


main()
