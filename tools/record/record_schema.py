"""Record goldens for tests/schema/models/*.py with real SQLAlchemy.

Each model file is run as a module. Its MetaData (a module-level `metadata`, or `Base.metadata`)
is created on SQLite (the statements SQLAlchemy sends, as the driver receives them) and on
PostgreSQL through a mock engine (the DDL as compiled for `alembic upgrade --sql`). The golden,
NAME.golden next to the model, holds sections in this order:

    -- error                  the exception line, when running the model or create_all fails
    -- sqlite                 one block per statement sent to SQLite
    -- postgresql             one block per statement compiled for PostgreSQL
    -- sqlite_master          type, name, tbl_name, then the sql text

Each line of a statement is written with a leading `|`, so text is kept byte for byte
(`"\\n".join` of the lines without the `|` gives the statement back).
"""

import pathlib
import runpy
import sqlite3
import sys
import traceback

import sqlalchemy as sa
from sqlalchemy import event

ROOT = pathlib.Path(__file__).resolve().parents[2]
MODELS = ROOT / "tests" / "schema" / "models"


def block(text):
    return ["|" + line for line in text.split("\n")]


def error_line(exc):
    return traceback.format_exception_only(type(exc), exc)[-1].rstrip("\n")


def find_metadata(ns):
    if isinstance(ns.get("metadata"), sa.MetaData):
        return ns["metadata"]
    return ns["Base"].metadata


def record(path):
    out = []
    sys.modules.pop("__model__", None)
    try:
        ns = runpy.run_path(str(path), run_name="__model__")
        metadata = find_metadata(ns)
    except Exception as exc:  # noqa: BLE001 - the error is the golden
        return ["-- error", error_line(exc)]

    engine = sa.create_engine("sqlite://")
    sent = []

    @event.listens_for(engine, "before_cursor_execute")
    def capture(conn, cursor, statement, parameters, context, executemany):
        sent.append(statement)

    try:
        metadata.create_all(engine, checkfirst=False)
    except Exception as exc:  # noqa: BLE001
        out += ["-- error", error_line(exc)]
    for statement in sent:
        out += ["-- sqlite"] + block(statement)

    compiled = []

    def executor(sql, *multiparams, **params):
        compiled.append(str(sql.compile(dialect=pg.dialect)))

    pg = sa.create_mock_engine("postgresql://", executor)
    try:
        metadata.create_all(pg, checkfirst=False)
    except Exception as exc:  # noqa: BLE001
        out += ["-- error", error_line(exc)]
    for statement in compiled:
        out += ["-- postgresql"] + block(statement)

    with engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid"
        ).fetchall()
    for kind, name, tbl_name, sql in rows:
        out += ["-- sqlite_master", f"{kind} {name} {tbl_name}"]
        if sql is not None:
            out += block(sql)
    return out


def main(argv):
    assert sqlite3.sqlite_version == "3.41.2", sqlite3.sqlite_version
    paths = [pathlib.Path(p).resolve() for p in argv] or sorted(MODELS.glob("*.py"))
    for path in paths:
        golden = path.with_suffix(".golden")
        golden.write_text("\n".join(record(path.resolve())) + "\n")
        print(f"recorded {golden.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
