from alembic import op

RENAMES = [("fname", "first_name"), ("lname", "last_name")]


def upgrade() -> None:
    pairs = [old, new for old, new in RENAMES]
    for old, new in pairs:
        op.alter_column("user", old, new_column_name=new)
