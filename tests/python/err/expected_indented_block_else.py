from alembic import context


def run_migrations_offline() -> None:
    pass


def run_migrations_online() -> None:
    pass


if context.is_offline_mode():
    run_migrations_offline()
else:
run_migrations_online()
