from alembic import op

OLD_TABLES = ["tmp_import", "tmp_export"]


def upgrade() -> None:
    for name in OLD_TABLES
        op.drop_table(name)
