"""A tiny stand-in for alembic.op that records SQL."""

statements = []


class Column:
    def __init__(self, name, type_, *, nullable=True, primary_key=False, server_default=None):
        self.name, self.type, self.nullable = name, type_, nullable
        self.primary_key, self.server_default = primary_key, server_default

    def sql(self):
        out = f"{self.name} {self.type}"
        if self.primary_key:
            out += " PRIMARY KEY"
        if not self.nullable:
            out += " NOT NULL"
        if self.server_default is not None:
            out += f" DEFAULT {self.server_default}"
        return out


def create_table(name, *columns, **kw):
    body = ", ".join(c.sql() for c in columns)
    statements.append(f"CREATE TABLE {name} ({body})")


def drop_table(name):
    statements.append(f"DROP TABLE {name}")


def add_column(table, column):
    statements.append(f"ALTER TABLE {table} ADD COLUMN {column.sql()}")


def create_index(name, table, columns, unique=False):
    statements.append(f"CREATE {'UNIQUE ' if unique else ''}INDEX {name} ON {table} ({', '.join(columns)})")


def drop_index(name, table_name=None):
    statements.append(f"DROP INDEX {name}")


class batch_alter_table:
    def __init__(self, table):
        self.table = table
        self.ops = []

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            statements.append(f"-- batch on {self.table}: {'; '.join(self.ops)}")
        return False

    def alter_column(self, column, **kw):
        self.ops.append(f"alter {column} " + " ".join(f"{k}={v}" for k, v in kw.items()))

    def drop_column(self, column):
        self.ops.append(f"drop {column}")
