"""Record goldens for tests/schema/ops/*.py and tests/schema/batch/*.py with real Alembic.

Each fixture is the body of a migration: Python that calls `op.*`. It runs three times:

* online, on a fresh in-memory SQLite 3.41.2 database through `MigrationContext` and
  `Operations.context`, as `alembic upgrade` runs a revision (one connection, committed at
  the end, rolled back on error);
* offline (`--sql`) for SQLite and for PostgreSQL, writing SQL text instead of running it.

NAME.golden holds, in order:

    -- stdout / -- sql / -- params      what the fixture printed and each statement SQLite
                                        received (with its parameters), interleaved in order
    -- error                            the exception, as `format_exception_only` prints it
    -- sqlite_master                    type, name, tbl_name, then the sql text
    -- rows TABLE                       each row as SQLite's quote() of every column
    -- offline sqlite / -- offline postgresql    the --sql output, then any error

Text blocks are written one line per line with a leading `|`, so they are kept byte for byte.

The queries SQLAlchemy's inspector sends to read a table for batch mode (`PRAGMA
main.table_xinfo(...)` and friends, and its `sqlite_master` lookup) are left out of `-- sql`:
they are the inspector's internals, shown only with engine logging at INFO. What reflection
found is checked through the table batch mode creates from it.
"""

import contextlib
import io
import pathlib
import sqlite3
import sys
import traceback

import sqlalchemy as sa
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import event

ROOT = pathlib.Path(__file__).resolve().parents[2]
REFLECTION = (
    "PRAGMA main.",
    "PRAGMA temp.",
    "SELECT sql FROM  (SELECT * FROM sqlite_master UNION ALL   SELECT * FROM sqlite_temp_master)",
)
DIRS = [ROOT / "tests" / "schema" / "ops", ROOT / "tests" / "schema" / "batch"]


def block(text):
    return ["|" + line for line in text.split("\n")]


def error_text(exc):
    return "".join(traceback.format_exception_only(type(exc), exc)).rstrip("\n")


class Events(io.TextIOBase):
    """Collects printed text and statements in the order they happen."""

    def __init__(self):
        self.items = []

    def write(self, s):
        if self.items and self.items[-1][0] == "stdout":
            self.items[-1] = ("stdout", self.items[-1][1] + s)
        else:
            self.items.append(("stdout", s))
        return len(s)


def run(code, ctx, events):
    with contextlib.redirect_stdout(events):
        with Operations.context(ctx):
            exec(compile(code, "migration.py", "exec"), {"__name__": "migration"})


def online(code):
    out = []
    engine = sa.create_engine("sqlite://")
    events = Events()

    @event.listens_for(engine, "before_cursor_execute")
    def capture(conn, cursor, statement, parameters, context, executemany):
        if statement.startswith(REFLECTION):
            return
        events.items.append(("sql", statement, parameters))

    conn = engine.connect()
    ctx = MigrationContext.configure(conn)
    error = None
    try:
        run(code, ctx, events)
        conn.commit()
    except Exception as exc:  # noqa: BLE001 - the error is part of the golden
        error = error_text(exc)
        conn.rollback()
    for item in events.items:
        if item[0] == "stdout":
            out += ["-- stdout"] + block(item[1])
        else:
            out += ["-- sql"] + block(item[1])
            if item[2]:
                out += ["-- params", repr(item[2])]
    if error is not None:
        out += ["-- error"] + block(error)
    raw = conn.connection.dbapi_connection
    rows = raw.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid").fetchall()
    tables = []
    for kind, name, tbl_name, sql in rows:
        out += ["-- sqlite_master", f"{kind} {name} {tbl_name}"]
        if sql is not None:
            out += block(sql)
        if kind == "table":
            tables.append(name)
    for name in tables:
        quoted = '"' + name.replace('"', '""') + '"'
        cols = [r[1] for r in raw.execute(f"PRAGMA table_info({quoted})").fetchall()]
        select = ", ".join("quote(\"%s\")" % c.replace('"', '""') for c in cols)
        out.append(f"-- rows {name}")
        for row in raw.execute(f"SELECT {select} FROM {quoted} ORDER BY rowid").fetchall():
            out.append(", ".join(row))
    conn.close()
    return out


def offline(code, dialect):
    buf = io.StringIO()
    events = Events()
    ctx = MigrationContext.configure(
        dialect_name=dialect, opts={"as_sql": True, "output_buffer": buf}
    )
    error = None
    try:
        run(code, ctx, events)
    except Exception as exc:  # noqa: BLE001
        error = error_text(exc)
    out = [f"-- offline {dialect}"] + block(buf.getvalue())
    if error is not None:
        out += ["-- error"] + block(error)
    return out


def record(path):
    code = path.read_text()
    return online(code) + offline(code, "sqlite") + offline(code, "postgresql")


def main(argv):
    assert sqlite3.sqlite_version == "3.41.2", sqlite3.sqlite_version
    paths = [pathlib.Path(p).resolve() for p in argv] or sorted(p for d in DIRS for p in d.glob("*.py"))
    for path in paths:
        golden = path.with_suffix(".golden")
        golden.write_text("\n".join(record(path.resolve())) + "\n")
        print(f"recorded {golden.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
